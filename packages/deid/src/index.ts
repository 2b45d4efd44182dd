// @cxrlab/deid: de-identification. Profiles (VinDr-CXR whitelist, PS3.15 Basic), image ids,
// burned-in text removal and verification.

// Profiles: the option set, the VinDr-CXR whitelist, and the Basic Profile's table-driven decisions.
export { PROFILE_NAMES, type ProfileName, type BasicProfileOptions, type DeidKey } from './profile/profile-options.js';
export { DeidOptionsError, validateBasicOptions } from './profile/validate-options.js';
export { VINDR_KEEP, deidentifyVindr } from './profile/vindr-profile.js';
export { BASIC_ACTIONS, type BasicAction } from './profile/basic-action.js';
export { decideBasic, codeAction } from './profile/decide-basic.js';
export { decisionVR } from './profile/decision-vr.js';
export { basicRule, type BasicRule, type OptionColumn } from './profile/basic-rule.js';
export { deidentifyBasic } from './profile/deidentify-basic.js';
export { DEID_METHOD_CODES } from './profile/deid-method.js';
export { DUMMY_TEXT, dummyValue } from './profile/dummy-value.js';
export { dateShiftDays, shiftDA, shiftDT, MAX_SHIFT_DAYS } from './profile/date-shift.js';
export { cleanText } from './profile/clean-text.js';
export { identifyingWords, IDENTIFYING_TAGS } from './profile/identifying-words.js';
export { auditDataSet } from './profile/audit-data-set.js';
export type { Finding, FindingCode } from './profile/finding.js';
export { walkDataSet, type Visitor } from './profile/walk-data-set.js';

// Ids: the image id (MD5 or HMAC of the SOP Instance UID) and replacement UIDs.
export { imageId } from './ids/image-id.js';
export { replacementUid } from './ids/replacement-uid.js';

// Burned-in text: detection, blanking, and the whole pixel data pass.
export type { TextRegion } from './scrub/text-region.js';
export type { PixelBox } from './scrub/pixel-box.js';
export { findTextRegions, type TextDetectionOptions } from './scrub/find-text-regions.js';
export { blankRegions } from './scrub/blank-regions.js';
export { scrubPixelData, type ScrubInput, type ScrubOptions, type ScrubResult } from './scrub/scrub-pixel-data.js';

// One file: image check, scrub decision, the de-identified file, the originals the private map keeps.
export { DeidError, type DeidErrorCode } from './file/deid-error.js';
export { checkImage } from './file/image-check.js';
export { SCRUB_MODES, wantsScrub, type ScrubMode } from './file/scrub-mode.js';
export { deidentifyFile, uidFromImageId, type DeidFileOptions, type DeidentifiedFile, type PixelOutcome } from './file/deidentify-file.js';
export { originalValues, type OriginalValues } from './file/original-values.js';
export { readSopInstanceUid } from './file/read-sop-instance-uid.js';

// Verification of outputs (`cxrlab deid verify`).
export { verifyOutput, type OutputExpectations } from './verify/verify-output.js';
export { comparePixels } from './verify/compare-pixels.js';
export type { VerifyFinding } from './verify/verify-finding.js';

import { Tags, formatTag, getString, parseP10, type P10File } from '@cxrlab/dicom';
import { uidFromImageId } from '../file/deidentify-file.js';
import { auditDataSet } from '../profile/audit-data-set.js';
import type { BasicProfileOptions, ProfileName } from '../profile/profile-options.js';
import { checkFileMeta } from './file-meta-check.js';
import { headerStrings, scanForOriginalValues } from './original-values-scan.js';
import type { VerifyFinding } from './verify-finding.js';

export interface OutputExpectations {
  /** The image id the file is named for. */
  imageId: string;
  profile: ProfileName;
  basic: BasicProfileOptions;
  /** This image's original values from the private map: UIDs, names, ids, dates. */
  values?: readonly string[];
  /** The original values of every image in the map: no header string may be one of them. */
  allOriginals?: ReadonlySet<string>;
}

/** Where the data set starts: after the preamble, "DICM" and the file meta group its length element announces. */
function fileMetaEnd(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dicm = bytes.length >= 144 && view.getUint32(128) === 0x4449434d;
  const groupLength = dicm && view.getUint32(132, true) === 0x00000002 ? view.getUint32(140, true) : undefined;
  return groupLength === undefined ? 0 : Math.min(bytes.length, 144 + groupLength);
}

/**
 * Checks one de-identified output held in memory: it parses; its preamble and file meta are ours;
 * no element outside the profile's allow-list exists at any depth; the vindr SOP Instance UID is
 * the one derived from the image id; and, given the map, no original value appears anywhere in its
 * bytes. Returns the parsed file (for the pixel comparison) and the findings.
 */
export function verifyOutput(bytes: Uint8Array, expect: OutputExpectations): { file: P10File | undefined; findings: VerifyFinding[] } {
  let file: P10File;
  try {
    file = parseP10(bytes);
  } catch (error) {
    return { file: undefined, findings: [{ code: 'ERR_UNREADABLE', message: `not a readable DICOM file: ${(error as Error).message}` }] };
  }
  const findings = checkFileMeta(file);
  for (const f of auditDataSet(file.dataSet, expect.profile, expect.basic)) {
    findings.push({ code: 'ERR_NOT_ALLOWED', message: `${formatTag(f.tag)}: ${f.message}`, path: f.path });
  }
  if (expect.profile === 'vindr') {
    const sop = getString(file.dataSet, Tags.SOPInstanceUID);
    if (sop !== uidFromImageId(expect.imageId)) findings.push({ code: 'ERR_IMAGE_ID', message: `SOP Instance UID ${sop ?? '(absent)'} is not the one derived from the image id ${expect.imageId}` });
  }
  if (expect.values) findings.push(...scanForOriginalValues(bytes, expect.values, fileMetaEnd(bytes)));
  if (expect.allOriginals && expect.allOriginals.size > 0) {
    for (const text of headerStrings(file)) {
      if (expect.allOriginals.has(text)) findings.push({ code: 'ERR_ORIGINAL_VALUE', message: `a header value is an original value of another image in the map (${text.length} characters)` });
    }
  }
  return { file, findings };
}

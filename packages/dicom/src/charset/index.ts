/**
 * Text decoding and encoding under Specific Character Set (0008,0005): single-byte sets, ISO 2022 code
 * extensions (Japanese, Korean, Chinese), UTF-8, GB18030 and GBK.
 */
export { decodeText, decodeTextWithWarnings, encodeText } from './decode-text.js';
export { CHARACTER_SETS, resolveCharacterSets } from './character-sets.js';
export type { CharacterSetTerm, ResolvedCharacterSets, StandaloneEncoding } from './character-sets.js';

/**
 * Decoding of text values under Specific Character Set (0008,0005): the entry points.
 *
 * Reference behaviour is pydicom's `charset.decode_element` (test vectors in test-assets/charset), except
 * where pydicom departs from PS3.5 (see the "reason" of the cases that carry "pydicomGot").
 */
import { resolveCharacterSets } from './character-sets.js';
import { isPlainAscii, warnOnce } from './code-units.js';
import { decodeRun, failedMessage } from './decode-run.js';
import { decodeGb18030 } from './gb18030.js';
import { decodeIso2022 } from './iso2022-decoder.js';

export { encodeText } from './encode-text.js';

const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });
const utf8Strict = new TextDecoder('utf-8', { ignoreBOM: true, fatal: true });

function decodeInto(
  bytes: Uint8Array,
  characterSets: readonly string[],
  isPersonName: boolean,
  warnings: string[],
): string {
  const sets = resolveCharacterSets(characterSets);
  for (const w of sets.warnings) warnOnce(warnings, w);

  // every supported encoding decodes bytes 0x00-0x7F other than ESC as ASCII (and UTF-8 decoding is fastest)
  if (isPlainAscii(bytes)) return utf8.decode(bytes);

  switch (sets.standalone) {
    case 'utf-8': {
      const text = utf8.decode(bytes);
      if (text.includes('\ufffd')) {
        try {
          utf8Strict.decode(bytes); // the text may hold U+FFFD itself
        } catch {
          warnOnce(warnings, failedMessage('ISO_IR 192 (UTF-8)'));
        }
      }
      return text;
    }
    case 'gb18030':
    case 'gbk': {
      const { text, malformed } = decodeGb18030(bytes);
      if (malformed) warnOnce(warnings, failedMessage(sets.standalone === 'gbk' ? 'GBK' : 'GB18030'));
      return text;
    }
    case undefined:
      break;
  }

  // without ESC the state never leaves value 1, so the resets at delimiters change nothing: one run
  if (!bytes.includes(0x1b)) return decodeRun(bytes, sets.initialG1, warnings);
  return decodeIso2022(bytes, sets, isPersonName, warnings);
}

/**
 * Decodes the bytes of one text value (possibly multi-valued, still containing backslashes) of a VR affected
 * by Specific Character Set. `characterSets` is the list of values of (0008,0005) as strings (trimmed, may be
 * empty or contain '' for the first value). `isPersonName` makes '^' and '=' reset the code extension state
 * like pydicom / PS3.5 6.1.2.5.3 (also '\\' and CR/LF/FF/TAB reset for all VRs). Never throws: undecodable
 * bytes become U+FFFD, unknown terms fall back to the default repertoire the way pydicom does (with the
 * warning returned, not logged).
 */
export function decodeText(bytes: Uint8Array, characterSets: readonly string[], isPersonName: boolean): string {
  return decodeInto(bytes, characterSets, isPersonName, []);
}

/** As {@link decodeText}, also returning the problems met (unknown terms, undecodable bytes, bad escapes). */
export function decodeTextWithWarnings(
  bytes: Uint8Array,
  characterSets: readonly string[],
  isPersonName: boolean,
): { text: string; warnings: string[] } {
  const warnings: string[] = [];
  const text = decodeInto(bytes, characterSets, isPersonName, warnings);
  return { text, warnings };
}

import { createHash } from 'node:crypto';
import type { DicomJson } from '../json/to-json.js';

/**
 * The representation the pydicom goldens use (see test-assets/goldens/README.md): binary values
 * longer than 256 bytes are replaced by their SHA-256 and length so the goldens stay small.
 */
export function normaliseForGolden(json: DicomJson): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, attr] of Object.entries(json)) {
    const copy: Record<string, unknown> = { ...attr };
    if (attr.InlineBinary !== undefined) {
      const bytes = Buffer.from(attr.InlineBinary, 'base64');
      if (bytes.length > 256) {
        delete copy.InlineBinary;
        copy.InlineBinarySha256 = createHash('sha256').update(bytes).digest('hex');
        copy.InlineBinaryLength = bytes.length;
      }
    }
    if (attr.vr === 'SQ' && attr.Value) copy.Value = attr.Value.map((item) => normaliseForGolden(item as DicomJson));
    out[key] = copy;
  }
  return out;
}

import { hasAmbiguousVR } from '../dictionary/lookup.js';
import { TransferSyntaxes } from '../dictionary/transfer-syntax.js';
import type { DataSet } from '../data/data-set.js';

/** Native-pixel fixtures converted between the uncompressed transfer syntaxes in write and interop tests. */
export const CONVERTIBLE = ['edge/MR_small.dcm', 'edge/CT_small.dcm', 'cr/CR-MONO1-10-chest.dcm', 'edge/SC_rgb_16bit.dcm', 'edge/test-SR.dcm', 'edge/vlut_04.dcm'];
export const UNCOMPRESSED = [
  TransferSyntaxes.ImplicitVRLittleEndian, TransferSyntaxes.ExplicitVRLittleEndian,
  TransferSyntaxes.ExplicitVRBigEndian, TransferSyntaxes.DeflatedExplicitVRLittleEndian,
];

type JsonDataSet = Record<string, { vr: string; Value?: unknown[] }>;

/**
 * Implicit VR carries no VRs: private data elements read back as UN and ambiguous ones (OB or OW,
 * US or OW) as the reader's choice. In a JSON comparison those become markers; their bytes are
 * compared separately with sameValueBytes.
 */
export function comparableJson(json: JsonDataSet, implicit: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, attr] of Object.entries(json)) {
    const tag = parseInt(key, 16);
    if (implicit && (tag >>> 16) % 2 === 1 && (tag & 0xffff) > 0xff) out[key] = 'private element';
    else if (implicit && hasAmbiguousVR(tag)) out[key] = 'ambiguous VR';
    else if (attr.vr === 'SQ' && attr.Value) out[key] = { vr: 'SQ', Value: attr.Value.map((i) => comparableJson(i as JsonDataSet, implicit)) };
    else out[key] = attr;
  }
  return out;
}

/** Lists where two data sets hold different value bytes (ignoring VRs), at any depth. */
export function valueByteDifferences(a: DataSet, b: DataSet, path = ''): string[] {
  const out: string[] = [];
  const tags = new Set([...a.tags(), ...b.tags()]);
  for (const tag of tags) {
    const x = a.get(tag);
    const y = b.get(tag);
    const where = `${path}${tag.toString(16).padStart(8, '0')}`;
    if (!x || !y || x.kind !== y.kind) {
      out.push(`${where}: present or kind differs`);
    } else if (x.kind === 'bytes' && y.kind === 'bytes') {
      if (!Buffer.from(x.value).equals(Buffer.from(y.value))) out.push(`${where}: bytes differ`);
    } else if (x.kind === 'sequence' && y.kind === 'sequence') {
      if (x.items.length !== y.items.length) out.push(`${where}: item count differs`);
      else x.items.forEach((item, i) => out.push(...valueByteDifferences(item.dataSet, y.items[i]!.dataSet, `${where}/${i}/`)));
    }
  }
  return out;
}

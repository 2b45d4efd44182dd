/**
 * GB18030 and GBK, the Chinese stand-alone character sets (no code extensions).
 *
 * Both decode with the platform's gb18030 decoder (WHATWG decodes the label 'gbk' with it too; ICU's separate
 * 'gbk' converter silently drops some malformed bytes). The platform follows GB 18030-2005 and later where
 * Python (and so pydicom) still uses the 2000 edition's private-use mappings, e.g. 0xA8BC is U+1E3F here.
 * Encoding uses tables derived from the same decoder, so decode(encode(s)) === s.
 */

const decoder = new TextDecoder('gb18030');
const strict = new TextDecoder('gb18030', { fatal: true });

export function decodeGb18030(bytes: Uint8Array): { text: string; malformed: boolean } {
  const text = decoder.decode(bytes);
  if (!text.includes('\ufffd')) return { text, malformed: false };
  try {
    strict.decode(bytes); // U+FFFD can be encoded legitimately (0x84 0x31 0xA4 0x37)
    return { text, malformed: false };
  } catch {
    return { text, malformed: true };
  }
}

let twoByte: Map<number, number> | undefined;
let fourByte: Map<number, number> | undefined;

/** Decodes `count` sequences written by `write` (each followed by LF) and records code point -> code. */
function tabulate(
  count: number,
  width: number,
  write: (i: number, out: Uint8Array, at: number) => number,
  into: Map<number, number>,
  skip?: Map<number, number>,
): void {
  const bytes = new Uint8Array(count * (width + 1));
  const codes = new Array<number>(count);
  let k = 0;
  for (let i = 0; i < count; i++) {
    codes[i] = write(i, bytes, k);
    k += width;
    bytes[k++] = 0x0a;
  }
  const cells = decoder.decode(bytes).split('\n');
  for (let i = 0; i < count; i++) {
    const s = cells[i]!;
    const cp = s.codePointAt(0);
    if (cp === undefined || cp === 0xfffd || String.fromCodePoint(cp) !== s) continue;
    if (into.has(cp) || skip?.has(cp)) continue;
    into.set(cp, codes[i]!);
  }
}

function twoByteMap(): Map<number, number> {
  if (twoByte === undefined) {
    const map = new Map<number, number>();
    const trails: number[] = [];
    for (let t = 0x40; t <= 0xfe; t++) if (t !== 0x7f) trails.push(t);
    tabulate(126 * trails.length, 2, (i, out, at) => {
      const lead = 0x81 + Math.floor(i / trails.length);
      const trail = trails[i % trails.length]!;
      out[at] = lead;
      out[at + 1] = trail;
      return (lead << 8) | trail;
    }, map);
    twoByte = map;
  }
  return twoByte;
}

function fourByteMap(): Map<number, number> {
  if (fourByte === undefined) {
    const map = new Map<number, number>();
    // the BMP part of the four-byte area: 0x81308130 to 0x8431A439
    tabulate(4 * 10 * 126 * 10, 4, (i, out, at) => {
      const b4 = 0x30 + (i % 10);
      const b3 = 0x81 + (Math.floor(i / 10) % 126);
      const b2 = 0x30 + (Math.floor(i / 1260) % 10);
      const b1 = 0x81 + Math.floor(i / 12600);
      out[at] = b1;
      out[at + 1] = b2;
      out[at + 2] = b3;
      out[at + 3] = b4;
      return ((b1 << 24) | (b2 << 16) | (b3 << 8) | b4) >>> 0;
    }, map, twoByteMap());
    fourByte = map;
  }
  return fourByte;
}

/** Encodes text as GB18030, or as GBK when `gbkOnly` (one- and two-byte codes only). Throws on failure. */
export function encodeGb18030(text: string, gbkOnly: boolean, describe: (cp: number) => string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) {
      out.push(cp);
      continue;
    }
    const two = twoByteMap().get(cp);
    if (two !== undefined) {
      out.push(two >> 8, two & 0xff);
      continue;
    }
    if (!gbkOnly) {
      let four = cp >= 0x10000 ? undefined : fourByteMap().get(cp);
      if (cp >= 0x10000) {
        // supplementary planes are linear from 0x90308130
        let n = cp - 0x10000;
        const b4 = 0x30 + (n % 10);
        n = Math.floor(n / 10);
        const b3 = 0x81 + (n % 126);
        n = Math.floor(n / 126);
        const b2 = 0x30 + (n % 10);
        const b1 = 0x90 + Math.floor(n / 10);
        four = ((b1 << 24) | (b2 << 16) | (b3 << 8) | b4) >>> 0;
      }
      if (four !== undefined) {
        out.push(four >>> 24, (four >>> 16) & 0xff, (four >>> 8) & 0xff, four & 0xff);
        continue;
      }
    }
    throw new Error(`Cannot encode ${describe(cp)} in ${gbkOnly ? 'GBK' : 'GB18030'}`);
  }
  return Uint8Array.from(out);
}

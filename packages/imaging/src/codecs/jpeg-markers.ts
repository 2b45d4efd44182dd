/** The JPEG process and sample precision, read from the frame's SOF marker. */
export interface JpegFrameHeader {
  process: 'baseline' | 'extended' | 'progressive' | 'lossless' | 'other';
  precision: number;
  components: number;
}

const SOF_PROCESS: Record<number, JpegFrameHeader['process']> = {
  0xc0: 'baseline', 0xc1: 'extended', 0xc2: 'progressive', 0xc3: 'lossless',
  0xc5: 'other', 0xc6: 'other', 0xc7: 'other', 0xc9: 'other', 0xca: 'other', 0xcb: 'other', 0xcd: 'other', 0xce: 'other', 0xcf: 'other',
};

/** Scans the marker segments up to the first SOF; undefined when the stream has none. */
export function jpegPrecision(data: Uint8Array): JpegFrameHeader | undefined {
  if (data.length < 4 || data[0] !== 0xff || data[1] !== 0xd8) return undefined;
  let at = 2;
  while (at + 4 <= data.length) {
    if (data[at] !== 0xff) return undefined;
    const marker = data[at + 1]!;
    if (marker === 0xff) { at++; continue; }
    const length = (data[at + 2]! << 8) | data[at + 3]!;
    const process = SOF_PROCESS[marker];
    if (process !== undefined) {
      if (at + 10 > data.length) return undefined;
      return { process, precision: data[at + 4]!, components: data[at + 9]! };
    }
    if (marker === 0xda) return undefined;
    at += 2 + length;
  }
  return undefined;
}

/**
 * True when the stream ends with FF D9 (JPEG EOI, JPEG 2000 / HTJ2K EOC), allowing for padding
 * after it (DICOM pads odd-length fragments with 00; some writers add more). FF D9 cannot occur in
 * entropy-coded data, so a stream without it near its end was cut short or overwritten: the IJG,
 * libjpeg-turbo and OpenJPH decoders then fill the missing part silently instead of failing.
 */
export function hasEndMarker(data: Uint8Array, slack = 64): boolean {
  for (let at = data.length - 2; at >= 0 && at >= data.length - slack; at--) {
    if (data[at] === 0xff && data[at + 1] === 0xd9) return true;
  }
  return false;
}

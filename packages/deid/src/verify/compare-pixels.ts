import { Tags, numberOfFrames, type Element, type P10File } from '@cxrlab/dicom';
import { decodeFrame, pixelSource } from '@cxrlab/imaging';
import type { TextRegion } from '../scrub/text-region.js';
import type { VerifyFinding } from './verify-finding.js';

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.from(a.buffer, a.byteOffset, a.length).equals(Buffer.from(b.buffer, b.byteOffset, b.length));
}

/** The same Pixel Data bytes: native values, or the same fragments (offset table aside). */
function samePixelElement(a: Element | undefined, b: Element | undefined): boolean {
  if (a?.kind === 'bytes' && b?.kind === 'bytes') return sameBytes(a.value, b.value);
  if (a?.kind === 'fragments' && b?.kind === 'fragments') return a.fragments.length === b.fragments.length && a.fragments.every((f, i) => sameBytes(f, b.fragments[i]!));
  return false;
}

function inside(regions: readonly TextRegion[], frame: number, x: number, y: number): boolean {
  return regions.some((r) => r.frame === frame && x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + r.height);
}

/**
 * Compares an output's pixels with its source's. Pixels recorded as untouched must be the same bytes;
 * cleaned pixels must decode to the same values everywhere outside the reported text regions.
 */
export async function comparePixels(output: P10File, source: P10File, cleaned: boolean, regions: readonly TextRegion[]): Promise<VerifyFinding[]> {
  if (!cleaned) {
    return samePixelElement(output.dataSet.get(Tags.PixelData), source.dataSet.get(Tags.PixelData))
      ? []
      : [{ code: 'ERR_PIXELS_CHANGED', message: 'the report says the pixels were left untouched, but the Pixel Data bytes differ from the source' }];
  }
  const frames = numberOfFrames(source.dataSet);
  const [out, src] = [pixelSource(output), pixelSource(source)];
  for (let k = 0; k < frames; k++) {
    const [a, b] = [await decodeFrame(out, k), await decodeFrame(src, k)];
    if (a.rows !== b.rows || a.columns !== b.columns || a.data.length !== b.data.length) {
      return [{ code: 'ERR_PIXELS_CHANGED', message: `frame ${k} is ${a.columns}x${a.rows}, the source's ${b.columns}x${b.rows}` }];
    }
    const spp = a.samplesPerPixel;
    for (let i = 0; i < a.data.length; i++) {
      if (a.data[i] === b.data[i]) continue;
      const pixel = Math.floor(i / spp);
      const [x, y] = [pixel % a.columns, Math.floor(pixel / a.columns)];
      if (!inside(regions, k, x, y)) return [{ code: 'ERR_PIXELS_CHANGED', message: `frame ${k} pixel (${x}, ${y}) differs from the source outside every reported text region` }];
    }
  }
  return [];
}

import type { DecodedFrame, PixelArray } from '@cxrlab/imaging';

/**
 * The one value per pixel that text is looked for in. Greyscale: the stored values themselves
 * (no copy). Colour: luma (the first sample) for YBR, else the largest of the samples, so that
 * text of any bright colour keeps its sharp steps.
 */
export function detectionPlane(frame: DecodedFrame): PixelArray {
  const samples = frame.samplesPerPixel;
  if (samples === 1) return frame.data;
  const count = frame.rows * frame.columns;
  const out = new Int32Array(count);
  const data = frame.data;
  const lumaOnly = frame.photometricInterpretation.startsWith('YBR');
  for (let i = 0, o = 0; i < count; i++, o += samples) {
    let v = data[o]!;
    if (!lumaOnly) for (let s = 1; s < samples; s++) v = Math.max(v, data[o + s]!);
    out[i] = v;
  }
  return out;
}

// The window presets of an image, in modality units (sample - offset):
//
//   1. The header's windows (ImageView.windows, Window Center / Width with their explanations), as sent.
//   2. Lung, Mediastinum, Bone: defined from the image's own histogram, because the grey values of a CR/DX
//      radiograph are not Hounsfield units (they depend on the detector, the exposure and the processing),
//      so fixed centre/width pairs like CT's mean nothing here. Each is a range of "attenuation percentiles":
//      percentile a of the samples ordered from least to most attenuating, i.e. the plain value percentile for
//      MONOCHROME2 (bright = dense) and 100 - a for MONOCHROME1 (where dense tissue has the low values). The
//      window maps the low end of the range to black and the high end to white on screen (windowFromRange):
//
//        Lung         a  2 .. 65   the aerated lung and its vessels spread over the grey scale; the
//                                  mediastinum, bones and abdomen saturate white
//        Mediastinum  a 35 .. 99.5 the dense half: heart borders, retrocardiac lung, spine through the
//                                  heart, tubes and lines; the lungs go black
//        Bone         a  8 .. 45   a narrow, hard window across the lung range: the ribs and clavicles
//                                  over the lungs stand out white on near-black lung (rib and clavicle
//                                  fractures); the dense half saturates white
//
//   3. Full range: the smallest to the largest sample (every value distinguishable, low contrast).
//
// defaultWindow: the header's first window, else the robust data window: value percentiles 0.5 .. 99.5 (the
// min/max would let a few hot pixels or a collimator edge flatten the whole image).
import { percentiles, sampleHistogram, type SampleHistogram } from './histogram.js';
import { windowFromRange } from './voi-lut.js';
import type { PixelImage, VoiWindow, WindowPreset } from './types.js';

/** The data-driven presets: attenuation percentile ranges (see the file header). */
export const ATTENUATION_PRESETS: readonly { name: string; from: number; to: number }[] = [
  { name: 'Lung', from: 2, to: 65 },
  { name: 'Mediastinum', from: 35, to: 99.5 },
  { name: 'Bone', from: 8, to: 45 },
];

/** The robust default: value percentiles. */
export const ROBUST_PERCENTILES = [0.5, 99.5] as const;

type HeaderWindow = { name: string; center: number; width: number };

const histograms = new WeakMap<PixelImage, SampleHistogram>();

/** The image's histogram: the decoder's, else computed once per image. */
export function histogramOf(image: PixelImage): SampleHistogram {
  if (image.histogram) return image.histogram;
  let h = histograms.get(image);
  if (!h) histograms.set(image, (h = sampleHistogram(image.samples, image.min, image.max)));
  return h;
}

/** A range of attenuation percentiles [from, to] as a window in modality units. */
export function attenuationWindow(h: SampleHistogram, monochrome1: boolean, from: number, to: number, offset: number): VoiWindow {
  const [a, b] = monochrome1 ? percentiles(h, [100 - to, 100 - from]) : percentiles(h, [from, to]);
  return windowFromRange(a! - offset, b! - offset);
}

/** The header's windows (first), then Lung, Mediastinum, Bone, and the full range of the data. */
export function windowPresets(image: PixelImage, header: readonly HeaderWindow[]): WindowPreset[] {
  const presets: WindowPreset[] = header.filter((w) => Number.isFinite(w.center) && w.width > 0).map((w, i) => ({ name: w.name || `Header ${i + 1}`, center: w.center, width: Math.max(1, w.width), source: 'header' }));
  const h = histogramOf(image);
  for (const p of ATTENUATION_PRESETS) presets.push({ name: p.name, ...attenuationWindow(h, image.monochrome1, p.from, p.to, image.offset), source: 'preset' });
  presets.push({ name: 'Full range', ...windowFromRange(image.min - image.offset, image.max - image.offset), source: 'data' });
  return presets;
}

/** The robust data window (value percentiles 0.5 .. 99.5), in modality units. */
export function robustWindow(image: PixelImage): VoiWindow {
  const [lo, hi] = percentiles(histogramOf(image), ROBUST_PERCENTILES);
  return windowFromRange(lo! - image.offset, hi! - image.offset);
}

/** The window an image opens with: the header's first, else the robust data window. */
export function defaultWindow(image: PixelImage, header: readonly HeaderWindow[]): VoiWindow {
  const first = header.find((w) => Number.isFinite(w.center) && w.width > 0);
  return first ? { center: first.center, width: Math.max(1, first.width) } : robustWindow(image);
}

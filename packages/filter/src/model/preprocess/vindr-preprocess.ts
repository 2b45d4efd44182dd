// The released VinDr-CXR outlier detector's input preprocessing (outlier-detection/transforms.py), deterministic.
import type { DecodedFrame } from '@cxrlab/imaging';
import type { PreprocessConfig } from '../preprocess-config.js';
import { scaleByMax } from './convert-scale-abs.js';
import { equalizeHist } from './equalize-hist.js';
import { fusedImage8 } from './fused-image8.js';
import { resizeBilinear8 } from './pil-resize.js';

/**
 * Steps 1-4 of the released `load_dcm_image`, bit-exact with OpenCV: the stored values (pydicom's
 * `pixel_array`: no Rescale, no VOI) scaled by 255 / max with `convertScaleAbs`, inverted
 * (`bitwise_not`) when MONOCHROME1, and histogram-equalised when the largest stored value is over
 * 255. Row-major, rows x columns. (8- and 16-bit frames go through one composed table,
 * `fusedImage8`, into `into` when it is long enough; 32-bit ones step by step.)
 *
 * The released code sets Bits Stored 10 or 12 to 16 before reading `pixel_array`, so that pydicom
 * leaves the JPEG 2000 decoder's 16-bit samples alone; our decoder masks stored values to Bits
 * Stored, which gives the same values unless the unused high bits hold garbage.
 */
export function vindrImage8(frame: DecodedFrame, into?: Uint8Array): Uint8Array {
  const pi = frame.photometricInterpretation;
  if (frame.samplesPerPixel !== 1 || (pi !== 'MONOCHROME1' && pi !== 'MONOCHROME2')) {
    throw new Error(`the VinDr preprocessing takes greyscale frames (MONOCHROME1/2, one sample per pixel), not ${pi} with ${frame.samplesPerPixel} samples per pixel`);
  }
  const length = frame.rows * frame.columns;
  const invert = pi === 'MONOCHROME1';
  const data = frame.data;
  if (!(data instanceof Uint32Array || data instanceof Int32Array)) return fusedImage8(data, length, invert, into);
  const { image, max } = scaleByMax(data, length);
  if (invert) for (let i = 0; i < image.length; i++) image[i] = 255 - image[i]!;
  return max > 255 ? equalizeHist(image) : image;
}

/**
 * The model input for a frame, NCHW with N = 1: `vindrImage8`, then as the released torchvision
 * transform, made RGB by PIL (each channel the grey image), `Resize(config.inputSize)` (Pillow
 * bilinear), `ToTensor` and `Normalize(mean, std)`, all in float32 as torch computes them.
 *
 * The released transform also applies RandomHorizontalFlip and RandomRotation(20) at inference, a
 * bug that makes its scores random; we leave both out, so the same file always scores the same.
 */
export function vindrTensor(frame: DecodedFrame, config: PreprocessConfig): Float32Array {
  const [height, width] = config.inputSize;
  const length = frame.rows * frame.columns;
  if (scratch.length < length) scratch = new Uint8Array(length);
  return toTensor(resizeBilinear8(vindrImage8(frame, scratch), frame.columns, frame.rows, width, height), config);
}

/** The full-size 8-bit image of the last vindrTensor call, reused (one per thread). */
let scratch = new Uint8Array(0);

/**
 * `ToTensor` then `Normalize` on an 8-bit image of config.inputSize, one plane per channel:
 * (float32(v / 255) - float32(mean[c])) / float32(std[c]), each operation rounded to float32.
 */
export function toTensor(image: Uint8Array, config: PreprocessConfig): Float32Array {
  const [height, width] = config.inputSize;
  const plane = height * width;
  if (image.length !== plane) throw new RangeError(`the image holds ${image.length} pixels, not ${height}x${width}`);
  if (config.mean.length < config.channels || config.std.length < config.channels) {
    throw new RangeError(`mean and std need a value per channel (${config.channels})`);
  }
  const out = new Float32Array(config.channels * plane);
  const table = new Float32Array(256);
  for (let c = 0; c < config.channels; c++) {
    const mean = Math.fround(config.mean[c]!);
    const std = Math.fround(config.std[c]!);
    for (let v = 0; v < 256; v++) table[v] = Math.fround(Math.fround(v / 255) - mean) / std;
    const base = c * plane;
    for (let i = 0; i < plane; i++) out[base + i] = table[image[i]!]!;
  }
  return out;
}

// The full-depth grey image the browser windows itself: frame 0 through the modality LUT, 16 bits.
import { readDicomFile } from '@cxrlab/dicom';
import { decodeFrame, modalityImage16, pixelSource } from '@cxrlab/imaging';
import { imageErrorFrom } from './image-error.js';
import { littleEndianBytes } from './sample-bytes.js';

/** Modality values + offset as unsigned 16-bit samples; no VOI, no inversion. */
export interface PixelBlob {
  width: number;
  height: number;
  /** Bits the samples need: the file's Bits Stored, or more when the rescale and offset reach higher (at most 16). */
  bitsStored: number;
  /** The header's (MONOCHROME1: the viewer inverts). */
  photometric: string;
  /** Added to every modality value to make it >= 0 (modalityImage16): modality value = sample - offset. */
  offset: number;
  /** width * height uint16 samples, little endian, row by row. */
  data: Buffer;
  min: number;
  max: number;
}

/**
 * Decodes frame 0 of an image file and applies its modality LUT (rescale or Modality LUT Sequence).
 * The file is read with fresh memory (not a shared PixelScratch), so renders can overlap. Grey images only.
 * Throws ImageError (ERR_IMAGE_NOT_FOUND, or ERR_IMAGE_PIXELS with the reason).
 */
export async function renderPixelBlob(path: string): Promise<PixelBlob> {
  try {
    const file = await readDicomFile(path);
    const frame = await decodeFrame(pixelSource(file), 0);
    const image = modalityImage16(frame, file.dataSet);
    let min = 65535;
    let max = 0;
    for (const v of image.data) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
    if (image.data.length === 0) min = 0;
    return {
      width: image.width,
      height: image.height,
      bitsStored: Math.min(16, Math.max(frame.bitsStored, bitLength(max))),
      photometric: frame.photometricInterpretation,
      offset: image.offset,
      data: littleEndianBytes(image.data),
      min,
      max,
    };
  } catch (error) {
    throw imageErrorFrom(error, path, 'ERR_IMAGE_PIXELS', 'cannot render the pixels');
  }
}

function bitLength(v: number): number {
  return v === 0 ? 1 : 32 - Math.clz32(v);
}

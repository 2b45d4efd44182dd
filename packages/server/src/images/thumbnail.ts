// A small 8-bit PNG of an image as a reader would first see it: the header's window, bone white.
import { readDicomFile } from '@cxrlab/dicom';
import { decodeFrame, encodePng, pixelSource, renderFrame, type RenderedImage } from '@cxrlab/imaging';
import { areaResize, fitWithin, type GreyImage } from './area-resize.js';
import { imageErrorFrom } from './image-error.js';

/** Bumped when the rendering changes, so cached thumbnails and their ETags are replaced. */
export const THUMBNAIL_VERSION = 1;
export const DEFAULT_THUMBNAIL_SIDE = 256;

/**
 * Frame 0 rendered for display (renderFrame's `dicom` mode: the header's VOI LUT or first window, else the
 * 0.5-99.5 percentile window; MONOCHROME1 and Presentation LUT Shape INVERSE inverted, so bone is white),
 * colour reduced to grey, shrunk by area averaging so the longer side is `maxSide` (never enlarged), as an
 * 8-bit grey PNG. Throws ImageError.
 */
export async function renderThumbnail(path: string, maxSide = DEFAULT_THUMBNAIL_SIDE): Promise<Uint8Array> {
  if (!Number.isInteger(maxSide) || maxSide < 1) throw new RangeError(`thumbnail side ${maxSide} is not a positive whole number`);
  try {
    const file = await readDicomFile(path);
    const frame = await decodeFrame(pixelSource(file), 0);
    const grey = toGrey(renderFrame(frame, file.dataSet, { window: 'dicom' }));
    const size = fitWithin(grey.width, grey.height, maxSide);
    const small = size.width === grey.width && size.height === grey.height ? grey : areaResize(grey, size.width, size.height);
    return encodePng({ width: small.width, height: small.height, channels: 1, data: small.data });
  } catch (error) {
    throw imageErrorFrom(error, path, 'ERR_IMAGE_PIXELS', 'cannot render a thumbnail');
  }
}

/** Grey as is; RGB to luma (Rec. 601 weights). */
function toGrey(image: RenderedImage): GreyImage {
  if (image.channels === 1) return { width: image.width, height: image.height, data: image.data };
  const out = new Uint8Array(image.width * image.height);
  const rgb = image.data;
  for (let i = 0, j = 0; i < out.length; i++, j += 3) out[i] = Math.round(0.299 * rgb[j]! + 0.587 * rgb[j + 1]! + 0.114 * rgb[j + 2]!);
  return { width: image.width, height: image.height, data: out };
}

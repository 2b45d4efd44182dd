import { DicomError, Tags, lookupTransferSyntax, nativeFrame, type DataSet, type Element } from '@cxrlab/dicom';
import { decodeFrame, describePixels, type DecodedFrame } from '@cxrlab/imaging';
import { blankRegions } from './blank-regions.js';
import { findTextRegions, type TextDetectionOptions } from './find-text-regions.js';
import { detectionFrame } from './internal/detection-frame.js';
import { encodeFrames } from './internal/encode-frames.js';
import { countUnusedBits, hasUnusedBits } from './internal/unused-bits.js';
import type { TextRegion } from './text-region.js';

export interface ScrubOptions extends TextDetectionOptions {
  /**
   * Write changed compressed images as native Explicit VR Little Endian instead of re-encoding
   * them losslessly: larger files, but no encoding time (JPEG 2000 encodes slowly).
   */
  nativeOutput?: boolean;
}

/** What scrubbing found and, when it changed anything, the new pixel data. */
export interface ScrubResult {
  /** Every box blanked, per frame. */
  regions: TextRegion[];
  /** Samples of native pixel data whose bits outside Bits Stored (overlays) were cleared. */
  unusedBitsCleared: number;
  /**
   * The new Pixel Data (7FE0,0010), only when pixels changed; otherwise the caller keeps the
   * original bytes exactly. The caller then also writes the file in `transferSyntaxUID`, drops
   * any Extended Offset Table (7FE0,0001/0002), and keeps Lossy Image Compression as it was
   * (a lossy source stays lossy, even when rewritten losslessly).
   */
  element?: Element;
  transferSyntaxUID?: string;
  /** New values for the header, only when they differ from the file's. */
  photometricInterpretation?: string;
  planarConfiguration?: 0;
}

/** The parts of a P10 file (read or synthesized) that scrubbing reads. */
export interface ScrubInput {
  dataSet: DataSet;
  transferSyntax: { uid: string };
}

/**
 * Removes burned-in text from every frame: decodes it, finds text regions (findTextRegions),
 * blanks them with the local background (blankRegions), clears overlay bits kept above or below
 * Bits Stored in native pixel words, and re-encodes losslessly when anything changed (see
 * encodeFrames for the transfer syntax chosen). The data set is not modified.
 */
export async function scrubPixelData(file: ScrubInput, options: ScrubOptions = {}): Promise<ScrubResult> {
  const source = { dataSet: file.dataSet, transferSyntaxUID: file.transferSyntax.uid };
  const d = describePixels(source.dataSet, source.transferSyntaxUID);
  if (d.bitsAllocated === 1) throw new DicomError('ERR_UNSUPPORTED', 'burned-in text removal does not handle Bits Allocated 1', { tag: Tags.BitsAllocated });
  const native = source.dataSet.get(Tags.PixelData)?.kind === 'bytes' && !lookupTransferSyntax(source.transferSyntaxUID)?.encapsulated;
  const regions: TextRegion[] = [];
  const frames: DecodedFrame[] = [];
  let unusedBitsCleared = 0;
  for (let index = 0; index < d.numberOfFrames; index++) {
    let frame = await decodeFrame(source, index);
    if (native && hasUnusedBits(d)) {
      // A decoded frame that still views the file's words had nothing outside Bits Stored to mask.
      const raw = nativeFrame(source.dataSet, index);
      if (frame.data.buffer !== raw.buffer) unusedBitsCleared += countUnusedBits(raw, d);
    }
    const boxes = findTextRegions(detectionFrame(frame, source.dataSet), options);
    if (boxes.length > 0) {
      // The decoded data may be a view of the file's bytes, which must stay as they are.
      frame = { ...frame, data: frame.data.slice() };
      blankRegions(frame, boxes);
      for (const box of boxes) regions.push({ frame: index, ...box });
    }
    frames.push(frame);
  }
  if (regions.length === 0 && unusedBitsCleared === 0) return { regions, unusedBitsCleared };
  return { regions, unusedBitsCleared, ...(await encodeFrames(frames, d, native, options.nativeOutput ?? false)) };
}

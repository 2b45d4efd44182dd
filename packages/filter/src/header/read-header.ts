// A header-only read: the file up to its pixel data, no further (the metadata-only mode).
import { Tags, isPixelDataTag, readDicomFileSync, type P10File } from '@cxrlab/dicom';

/** Reads a file's header; `hasPixelData` says whether pixel data follows where the read stopped. */
export function readHeader(path: string): { file: P10File; hasPixelData: boolean } {
  const file = readDicomFileSync(path, { stopBeforePixelData: true });
  const stopped = file.info.stoppedBeforeTag;
  return { file, hasPixelData: (stopped !== undefined && isPixelDataTag(stopped)) || file.dataSet.has(Tags.PixelData) };
}

import { bytesElement, DataSet, encodeUID, Tags } from '@cxrlab/dicom';

/**
 * The tags the VinDr-CXR release kept (Table 4 of the paper: patient sex, age, size and weight, the image
 * pixel description, windowing and rescale, lossy compression, and Pixel Data), plus SOP Class UID and a
 * new SOP Instance UID, which a valid DICOM instance needs. Top level only: no sequence survives.
 */
export const VINDR_KEEP: ReadonlySet<number> = new Set([
  0x00100040, // Patient's Sex
  0x00101010, // Patient's Age
  0x00101020, // Patient's Size
  0x00101030, // Patient's Weight
  0x00280002, // Samples per Pixel
  0x00280004, // Photometric Interpretation
  0x00280008, // Number of Frames
  0x00280010, // Rows
  0x00280011, // Columns
  0x00280030, // Pixel Spacing
  0x00280034, // Pixel Aspect Ratio
  0x00280100, // Bits Allocated
  0x00280101, // Bits Stored
  0x00280102, // High Bit
  0x00280103, // Pixel Representation
  0x00280106, // Smallest Image Pixel Value
  0x00280107, // Largest Image Pixel Value
  0x00281050, // Window Center
  0x00281051, // Window Width
  0x00281052, // Rescale Intercept
  0x00281053, // Rescale Slope
  0x00282110, // Lossy Image Compression
  0x00282112, // Lossy Image Compression Ratio
  0x00282114, // Lossy Image Compression Method
  0x7fe00010, // Pixel Data
  Tags.SOPClassUID,
  Tags.SOPInstanceUID,
]);

/**
 * A new data set holding only the VINDR_KEEP elements of the top level, with `newSopInstanceUid` as SOP
 * Instance UID. Kept elements are the input's own element objects (Pixel Data passed through as is); the
 * input is not changed. Everything else goes: other public tags, every sequence, private groups, overlays,
 * curves. Nothing is added (not even Patient Identity Removed), so the output is exactly the whitelist.
 */
export function deidentifyVindr(dataSet: DataSet, newSopInstanceUid: string): DataSet {
  const out = new DataSet();
  for (const element of dataSet) {
    if (VINDR_KEEP.has(element.tag) && element.kind !== 'sequence' && element.tag !== Tags.SOPInstanceUID) out.set(element);
  }
  out.set(bytesElement(Tags.SOPInstanceUID, 'UI', encodeUID(newSopInstanceUid)));
  return out;
}

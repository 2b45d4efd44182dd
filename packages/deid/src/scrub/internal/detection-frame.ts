import type { DataSet } from '@cxrlab/dicom';
import { renderFrame, type DecodedFrame } from '@cxrlab/imaging';

/**
 * The frame text is searched in. PALETTE COLOR values are indices into colour tables, whose
 * differences mean nothing, so such frames are searched in their displayed RGB colours (the
 * regions found then apply to the indices alike). Every other frame is searched as stored.
 */
export function detectionFrame(frame: DecodedFrame, dataSet: DataSet): DecodedFrame {
  if (frame.photometricInterpretation !== 'PALETTE COLOR') return frame;
  const rgb = renderFrame(frame, dataSet);
  return { ...frame, samplesPerPixel: rgb.channels, bitsStored: 8, signed: false, photometricInterpretation: 'RGB', data: rgb.data };
}

import { getString, type DataSet } from '@cxrlab/dicom';

const PRESENTATION_LUT_SHAPE = 0x20500020;

/**
 * Whether the display inverts (PS3.3 C.11.6): Presentation LUT Shape INVERSE, or, when the file
 * has no shape, MONOCHROME1 (minimum value shown white). DX files carry INVERSE with MONOCHROME1,
 * which is the same single inversion, not two.
 */
export function invertsForDisplay(ds: DataSet, photometricInterpretation: string): boolean {
  const shape = getString(ds, PRESENTATION_LUT_SHAPE)?.trim().toUpperCase();
  if (shape === 'INVERSE') return true;
  if (shape === 'IDENTITY') return false;
  return photometricInterpretation === 'MONOCHROME1';
}

import { SopClasses, Tags, getString, type DataSet } from '@cxrlab/dicom';

/** `--scrub-pixels`: look for burned-in text always, never, or where it is expected. */
export type ScrubMode = 'auto' | 'on' | 'off';
export const SCRUB_MODES: readonly ScrubMode[] = ['auto', 'on', 'off'];

const BurnedInAnnotation = 0x00280301;
const RADIOGRAPHY_CLASSES = new Set<string>([
  SopClasses.ComputedRadiographyImageStorage,
  SopClasses.DigitalXRayImageStorageForPresentation,
  SopClasses.DigitalXRayImageStorageForProcessing,
]);

/**
 * Whether a file's pixels are searched for burned-in text. `auto` searches radiographs (Modality CR
 * or DX, or a CR / DX SOP class: their consoles burn in names, dates and markers) and any image
 * whose Burned In Annotation is YES.
 */
export function wantsScrub(dataSet: DataSet, mode: ScrubMode): boolean {
  if (mode !== 'auto') return mode === 'on';
  const modality = getString(dataSet, Tags.Modality)?.trim().toUpperCase();
  if (modality === 'CR' || modality === 'DX') return true;
  const sopClass = getString(dataSet, Tags.SOPClassUID);
  if (sopClass !== undefined && RADIOGRAPHY_CLASSES.has(sopClass)) return true;
  return getString(dataSet, BurnedInAnnotation)?.trim().toUpperCase() === 'YES';
}

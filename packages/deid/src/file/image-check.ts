import { SopClasses, Tags, getString, sopClassName, type P10File } from '@cxrlab/dicom';
import { DeidError } from './deid-error.js';

const DirectoryRecordSequence = 0x00041220;

/**
 * What de-identification needs from a file's header: the SOP Instance UID (the image id's source),
 * and proof that it is an image. Works on a header read (stopBeforePixelData) or a whole file.
 * Throws DeidError for DICOMDIRs and objects without pixel data (SR, PR, KOS, PDF...).
 */
export function checkImage(file: P10File): { sopInstanceUid: string } {
  const sopClass = getString(file.dataSet, Tags.SOPClassUID) ?? (file.fileMeta ? getString(file.fileMeta, Tags.MediaStorageSOPClassUID) : undefined);
  const what = sopClass === undefined ? 'no SOP Class UID' : `${sopClassName(sopClass) ?? 'SOP class'} ${sopClass}`;
  if (sopClass === SopClasses.MediaStorageDirectoryStorage || file.dataSet.has(DirectoryRecordSequence)) {
    throw new DeidError('ERR_NOT_IMAGE', 'a DICOMDIR (media directory), not an image');
  }
  if (file.info.stoppedBeforeTag !== Tags.PixelData && !file.dataSet.has(Tags.PixelData)) {
    throw new DeidError('ERR_NOT_IMAGE', `no Pixel Data (${what}): not an image`);
  }
  const sopInstanceUid = getString(file.dataSet, Tags.SOPInstanceUID);
  if (!sopInstanceUid) throw new DeidError('ERR_NO_SOP_INSTANCE_UID', 'no SOP Instance UID (0008,0018) to derive the image id from');
  return { sopInstanceUid };
}

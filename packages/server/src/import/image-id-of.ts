// The anonymous id an imported image is known by: the file name's stem when it already is one (32
// lowercase hex digits: the VinDr-CXR release's names, and what `cxrlab deid` writes), otherwise the
// image id of its SOP Instance UID as `cxrlab deid` would compute it (MD5, no key).
import { imageId } from '@cxrlab/deid';

const IMAGE_ID = /^[0-9a-f]{32}$/;
const DICOM_EXTENSION = /\.(dcm|dicom|dic)$/i;

export const isImageId = (text: string): boolean => IMAGE_ID.test(text);

/** The file name without a DICOM extension. */
export function fileStem(name: string): string {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  return base.replace(DICOM_EXTENSION, '');
}

/** The image id for a file named `name` whose header has this SOP Instance UID; undefined when neither gives one. */
export function imageIdOf(name: string, sopInstanceUid: string | undefined): string | undefined {
  const stem = fileStem(name);
  if (isImageId(stem)) return stem;
  if (sopInstanceUid === undefined || sopInstanceUid.trim() === '') return undefined;
  return imageId(sopInstanceUid, undefined);
}

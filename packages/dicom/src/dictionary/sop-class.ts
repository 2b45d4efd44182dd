/** SOP classes cxrlab meets when collecting and filtering chest X-rays (PS3.4 Annex B, PS3.6 Annex A). */
export const SopClasses = {
  ComputedRadiographyImageStorage: '1.2.840.10008.5.1.4.1.1.1',
  DigitalXRayImageStorageForPresentation: '1.2.840.10008.5.1.4.1.1.1.1',
  DigitalXRayImageStorageForProcessing: '1.2.840.10008.5.1.4.1.1.1.1.1',
  CTImageStorage: '1.2.840.10008.5.1.4.1.1.2',
  UltrasoundMultiFrameImageStorage: '1.2.840.10008.5.1.4.1.1.3.1',
  MRImageStorage: '1.2.840.10008.5.1.4.1.1.4',
  UltrasoundImageStorage: '1.2.840.10008.5.1.4.1.1.6.1',
  SecondaryCaptureImageStorage: '1.2.840.10008.5.1.4.1.1.7',
  GrayscaleSoftcopyPresentationStateStorage: '1.2.840.10008.5.1.4.1.1.11.1',
  BasicTextSRStorage: '1.2.840.10008.5.1.4.1.1.88.11',
  EnhancedSRStorage: '1.2.840.10008.5.1.4.1.1.88.22',
  ComprehensiveSRStorage: '1.2.840.10008.5.1.4.1.1.88.33',
  KeyObjectSelectionDocumentStorage: '1.2.840.10008.5.1.4.1.1.88.59',
  EncapsulatedPDFStorage: '1.2.840.10008.5.1.4.1.1.104.1',
  RTPlanStorage: '1.2.840.10008.5.1.4.1.1.481.5',
  MediaStorageDirectoryStorage: '1.2.840.10008.1.3.10',
} as const;

const NAMES = new Map<string, string>(Object.entries(SopClasses).map(([name, uid]) => [uid, name]));

export function sopClassName(uid: string): string | undefined {
  return NAMES.get(uid);
}

/** cxrlab's implementation identity, written into every file meta it produces (a UUID-derived UID, PS3.5 B.2). */
export const IMPLEMENTATION_CLASS_UID = '2.25.122500050326863057579609794745462069442';
export const IMPLEMENTATION_VERSION_NAME = 'CXRLAB_010';

// Synthetic chest radiographs as uploadable DICOM bytes: the imaging package's generator, de-identified
// with the VinDr-CXR profile (as `cxrlab deid` and the demo do), so the server takes them without
// ?allowIdentified and no test image carries a (synthetic) patient name.
import { encodeP10, parseP10 } from '@cxrlab/dicom';
import { deidentifyFile } from '@cxrlab/deid';
import { synthesizeChestFile, type PhotometricChoice } from '@cxrlab/imaging';

export interface SyntheticImageOptions {
  /** Position in the series: with the seed it picks the anatomy (default 0). */
  index?: number;
  seed?: number;
  rows?: number;
  columns?: number;
  /** Bits stored, 8 to 16 (default 12). */
  bitsStored?: number;
  photometric?: PhotometricChoice;
}

export interface SyntheticImage {
  /** The 32-hex-digit image id (the upload's ?filename=<imageId>.dcm keeps it). */
  imageId: string;
  bytes: Uint8Array;
  rows: number;
  columns: number;
}

export async function syntheticChestDicom(options: SyntheticImageOptions = {}): Promise<SyntheticImage> {
  const rows = options.rows ?? 512;
  const columns = options.columns ?? rows;
  const synth = await synthesizeChestFile({
    seed: options.seed ?? 8,
    index: options.index ?? 0,
    rows,
    columns,
    bitsStored: options.bitsStored ?? 12,
    photometricInterpretation: options.photometric ?? 'mixed',
  });
  const result = await deidentifyFile(parseP10(encodeP10(synth.file)), { profile: 'vindr', scrub: 'auto' });
  return { imageId: result.imageId, bytes: encodeP10(result.file), rows, columns };
}

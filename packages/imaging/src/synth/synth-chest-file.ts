import { lookupTransferSyntax, type WritableFile } from '@cxrlab/dicom';
import { encodePixelData, type EncodePixelOptions } from '../encode-pixels/encode-pixel-data.js';
import type { PixelEncoding } from '../encode-pixels/pixel-encodings.js';
import { chestHeader } from './chest-header.js';
import { synthesizeChestImage, type ChestImage, type Monochrome } from './chest-image.js';
import { mixSeed } from './seeded-random.js';

export type PhotometricChoice = Monochrome | 'mixed';

export interface SynthChestFileOptions extends EncodePixelOptions {
  seed?: number;
  /** Position in a generated series; with the seed it picks the patient, the anatomy and CR or DX. */
  index?: number;
  rows?: number;
  columns?: number;
  bitsStored?: number;
  /** `mixed`: MONOCHROME1 for even indexes, MONOCHROME2 for odd ones (default MONOCHROME2). */
  photometricInterpretation?: PhotometricChoice;
  /** Default `explicit` (Explicit VR Little Endian, native pixels). */
  encoding?: PixelEncoding;
}

export interface SynthChestFile {
  /** Ready for `writeDicomFile` / `encodeP10` (its transfer syntax is set). */
  file: WritableFile & { transferSyntax: NonNullable<WritableFile['transferSyntax']> };
  image: ChestImage;
}

export function photometricFor(choice: PhotometricChoice, index: number): Monochrome {
  if (choice !== 'mixed') return choice;
  return index % 2 === 0 ? 'MONOCHROME1' : 'MONOCHROME2';
}

/** A complete synthetic chest radiograph file: deterministic from (seed, index) and the options. */
export async function synthesizeChestFile(options: SynthChestFileOptions = {}): Promise<SynthChestFile> {
  const seed = options.seed ?? 1;
  const index = options.index ?? 0;
  const image = synthesizeChestImage({
    rows: options.rows,
    columns: options.columns,
    bitsStored: options.bitsStored,
    photometricInterpretation: photometricFor(options.photometricInterpretation ?? 'MONOCHROME2', index),
    seed: mixSeed(seed, index),
  });
  const encoded = await encodePixelData(image, options.encoding ?? 'explicit', options);
  const dataSet = chestHeader({ seed, index, image, lossy: encoded.lossy });
  dataSet.set(encoded.element);
  const transferSyntax = lookupTransferSyntax(encoded.transferSyntaxUID);
  if (!transferSyntax) throw new Error(`unknown transfer syntax ${encoded.transferSyntaxUID}`);
  return { file: { dataSet, transferSyntax }, image };
}

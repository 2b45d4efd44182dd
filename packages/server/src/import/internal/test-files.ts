// Files for the import tests: the real CR fixtures (they still carry patient identity), and the same
// images de-identified as `cxrlab deid` does (VinDr-CXR profile), written as <image id>.dicom; small
// synthetic chest radiographs likewise; and a corrupt file.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deidentifyFile } from '@cxrlab/deid';
import { encodeP10, parseP10, readDicomFileSync, writeDicomFileSync } from '@cxrlab/dicom';
import { sharedFixture } from '@cxrlab/dicom/testing';
import { synthesizeChestFile } from '@cxrlab/imaging';

/** A few real identified radiographs: MONOCHROME1 and 2, uncompressed and JPEG 2000. */
export const IDENTIFIED_FIXTURES: readonly string[] = ['CR-MONO1-10-chest.dcm', 'RG2_UNC.dcm', 'RG3_J2KI.dcm'].map((n) => sharedFixture('cr', n));

export interface DeidentifiedFile {
  path: string;
  imageId: string;
  /** The identified original. */
  source?: string;
}

/** `source` de-identified into `dir` as <image id>.dicom (`name` overrides the file name). */
export async function deidentifyInto(source: string, dir: string, name?: string): Promise<DeidentifiedFile> {
  mkdirSync(dir, { recursive: true });
  const result = await deidentifyFile(readDicomFileSync(source), { profile: 'vindr', scrub: 'off' });
  const path = join(dir, name ?? `${result.imageId}.dicom`);
  writeDicomFileSync(path, result.file, { durable: false });
  return { path, imageId: result.imageId, source };
}

/** `count` small synthetic chest radiographs, de-identified, in `dir` (seeded: the same call gives the same files). */
export async function syntheticDeidentified(dir: string, count: number, seed = 11, size = 64): Promise<DeidentifiedFile[]> {
  mkdirSync(dir, { recursive: true });
  const out: DeidentifiedFile[] = [];
  for (let index = 0; index < count; index++) {
    const synth = await synthesizeChestFile({ seed, index, rows: size, columns: size });
    const result = await deidentifyFile(parseP10(encodeP10(synth.file)), { profile: 'vindr', scrub: 'off' });
    const path = join(dir, `${result.imageId}.dicom`);
    writeDicomFileSync(path, result.file, { durable: false });
    out.push({ path, imageId: result.imageId });
  }
  return out;
}

/** A file with the DICM preamble and then garbage. */
export function writeCorruptFile(path: string): string {
  const bytes = Buffer.alloc(400, 0x5a);
  bytes.fill(0, 0, 128);
  bytes.write('DICM', 128, 'latin1');
  writeFileSync(path, bytes);
  return path;
}

// The demo's images: synthetic chest radiographs (2048 x 2048, 12-bit, MONOCHROME1 and MONOCHROME2)
// and, when the shared fixtures are beside the repository, one real chest CR; every one de-identified
// with the VinDr-CXR profile (no patient name, ID, birth date or institution) and written under
// <dataDir>/demo-images/{train,test}/<image id>.dcm. Deterministic, so writing them again is harmless.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeP10, parseP10, readDicomFile, writeDicomFile, type P10File } from '@cxrlab/dicom';
import { deidentifyFile } from '@cxrlab/deid';
import { synthesizeChestFile } from '@cxrlab/imaging';

export const DEMO_IMAGES_DIR = 'demo-images';

export interface DemoImageCounts {
  /** Synthetic images of each split. */
  train: number;
  test: number;
  /** Image side, pixels (default 2048). */
  size?: number;
}

export const DEFAULT_DEMO_COUNTS: DemoImageCounts = { train: 6, test: 4, size: 2048 };

export interface DemoImages {
  /** Folders holding the de-identified files of each split. */
  trainDir: string;
  testDir: string;
  train: string[];
  test: string[];
  /** The real fixtures included (their original paths). */
  fixtures: string[];
}

/** The real chest radiograph of the shared fixtures (../shared beside the repository), when it is there. */
export function defaultDemoFixtures(): string[] {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) return [];
    dir = up;
  }
  const rg1 = resolve(dir, '..', '..', '..', 'shared', 'fixtures', 'dicom', 'cr', 'RG1_JLSN.dcm');
  return existsSync(rg1) ? [rg1] : [];
}

/** De-identifies one file (VinDr-CXR profile, burned-in text searched) and writes it as <image id>.dcm. */
async function writeDeidentified(input: P10File, dir: string): Promise<string> {
  const result = await deidentifyFile(input, { profile: 'vindr', scrub: 'auto' });
  const path = join(dir, `${result.imageId}.dcm`);
  await writeDicomFile(path, result.file);
  return path;
}

/**
 * Writes the demo images: `counts` synthetic radiographs per split (the photometric interpretation
 * alternating between MONOCHROME1 and MONOCHROME2) and the fixtures, which go to the training split.
 */
export async function writeDemoImages(dataDir: string, counts: DemoImageCounts = DEFAULT_DEMO_COUNTS, fixtures: readonly string[] = defaultDemoFixtures()): Promise<DemoImages> {
  const root = join(dataDir, DEMO_IMAGES_DIR);
  const trainDir = join(root, 'train');
  const testDir = join(root, 'test');
  mkdirSync(trainDir, { recursive: true });
  mkdirSync(testDir, { recursive: true });
  const size = counts.size ?? 2048;
  const synthetic = async (index: number, dir: string): Promise<string> => {
    const synth = await synthesizeChestFile({ seed: 7, index, rows: size, columns: size, bitsStored: 12, photometricInterpretation: 'mixed' });
    return writeDeidentified(parseP10(encodeP10(synth.file)), dir);
  };
  const train: string[] = [];
  const test: string[] = [];
  for (let i = 0; i < counts.train; i++) train.push(await synthetic(i, trainDir));
  for (let i = 0; i < counts.test; i++) test.push(await synthetic(counts.train + i, testDir));
  for (const fixture of fixtures) train.push(await writeDeidentified(await readDicomFile(fixture), trainDir));
  return { trainDir, testDir, train, test, fixtures: [...fixtures] };
}

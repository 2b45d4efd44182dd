import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readDicomFileSync } from '../p10/read.js';

/** The root of the package holding a module (the folder with package.json above it), from the module's URL. */
export function packageRootOf(moduleUrl: string): string {
  let dir = dirname(fileURLToPath(moduleUrl));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('package.json not found above ' + fileURLToPath(moduleUrl));
    dir = up;
  }
  return dir;
}

const packageRoot = (): string => packageRootOf(import.meta.url);

/** A path under packages/dicom/test-assets. */
export function testAsset(...parts: string[]): string {
  return join(packageRoot(), 'test-assets', ...parts);
}

/** A path under ../shared/fixtures/dicom (the shared fixtures beside the repository). */
export function sharedFixture(...parts: string[]): string {
  return resolve(packageRoot(), '..', '..', '..', 'shared', 'fixtures', 'dicom', ...parts);
}

/** The repository root (above packages/). */
export function repositoryRoot(): string {
  return resolve(packageRoot(), '..', '..');
}

/** Every .dcm file of the shared fixture folders `dirs` (default cr and edge), sorted in each. */
export function sharedFixtureFiles(dirs: readonly string[] = ['cr', 'edge']): string[] {
  return dirs.flatMap((dir) => readdirSync(sharedFixture(dir)).filter((n) => n.endsWith('.dcm')).sort().map((n) => sharedFixture(dir, n)));
}

/** The shared fixtures readDicomFileSync reads without an error (the truncated ones left out). */
export function readableFixtures(dirs?: readonly string[]): string[] {
  return sharedFixtureFiles(dirs).filter((path) => {
    try {
      readDicomFileSync(path);
      return true;
    } catch {
      return false;
    }
  });
}

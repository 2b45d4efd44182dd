import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root (the folder holding package.json), found from a compiled or source module's URL. */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('package.json not found above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
  return dir;
}

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

import { readdirSync } from 'node:fs';
import { sharedFixture } from './test-assets.js';

export interface Fixture {
  /** "edge/MR_small.dcm" */
  name: string;
  path: string;
}

/** Every DICOM fixture in ../shared/fixtures/dicom, sorted by name. */
export function listFixtures(): Fixture[] {
  const out: Fixture[] = [];
  for (const dir of ['cr', 'edge']) {
    for (const file of readdirSync(sharedFixture(dir)).sort()) {
      if (file.endsWith('.dcm')) out.push({ name: `${dir}/${file}`, path: sharedFixture(dir, file) });
    }
  }
  return out;
}

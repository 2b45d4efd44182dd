// Where tests find the shared fixtures (../shared/fixtures/dicom) and this package's test assets.
import { join } from 'node:path';
import { packageRootOf } from '@cxrlab/dicom/testing';

export { sharedFixture } from '@cxrlab/dicom/testing';

/** A file under packages/filter/test-assets. */
export function testAsset(...parts: string[]): string {
  return join(packageRootOf(import.meta.url), 'test-assets', ...parts);
}

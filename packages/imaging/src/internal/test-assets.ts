import { join } from 'node:path';
import { packageRootOf } from '@cxrlab/dicom/testing';

export { sharedFixture } from '@cxrlab/dicom/testing';

/** A path under packages/imaging/test-assets. */
export function testAsset(...parts: string[]): string {
  return join(packageRootOf(import.meta.url), 'test-assets', ...parts);
}

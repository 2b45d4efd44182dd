// Test helpers for other packages' tests (`@cxrlab/dicom/testing`): where the shared fixtures, the
// repository and a package's own root are.
export { packageRootOf, repositoryRoot, sharedFixture } from './test-assets.js';

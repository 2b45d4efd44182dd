// Test helpers for other packages' tests (`@cxrlab/dicom/testing`): where the shared fixtures and the repository are.
export { repositoryRoot, sharedFixture } from './test-assets.js';

// Test helpers for other packages' tests (`@cxrlab/dicom/testing`): where the shared fixtures, the
// repository and a package's own root are, and a seeded random generator.
export { packageRootOf, repositoryRoot, sharedFixture, sharedFixtureFiles, readableFixtures } from './test-assets.js';
export { randomGenerator } from './random.js';

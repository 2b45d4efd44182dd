// Where tests find the shared fixtures (../shared/fixtures/dicom) and the repository: @cxrlab/dicom's helpers.
export { repositoryRoot, sharedFixture } from '@cxrlab/dicom/testing';

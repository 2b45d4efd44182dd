// Progress and quality: per project and per reader done / remaining / median reading time, and
// inter-reader agreement on the submitted reads.
export { projectProgress, type ProjectProgress, type ReaderProgress } from './project-progress.js';
export { myProgress, type MyProgress } from './my-progress.js';
export { readAgreement, type ReadAgreement, type LabelKappa, type BoxAgreementSummary } from './read-agreement.js';
export { progressRoutes } from './progress-routes.js';

// The consensus review: routes, and the queries other features reuse (the export reads final consensuses).
export { reviewRoutes } from './review-routes.js';
export { readConsensus, type ConsensusState, type StoredBox } from './consensus-read.js';
export type { ConsensusContent, ContentBox } from './consensus-content.js';
export { panelNames, reviewerNames } from './panel-names.js';
export { submittedReads, type ImageRead } from './image-reads.js';

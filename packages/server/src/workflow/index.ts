// The reading workflow: who reads which image in what order, re-assignment when someone leaves, and the
// review tasks of consensus projects.
export { planAssignment, type AssignmentPlan, type ImageNeed, type ImageShortfall, type PlanInput, type PlannedRead } from './plan-assignment.js';
export { mixSeed, readerSeed, shuffledPositions } from './reader-order.js';
export { assignProject, type AssignProjectArgs, type AssignmentResult } from './assign.js';
export { reassignOpenTasks, type ReassignArgs } from './reassign.js';
export { openReviewIfComplete, type OpenedReview } from './open-review.js';
export { imagesShortOfReviews, topUpReviews, type TopUpReviewsArgs } from './top-up-reviews.js';
export { placeTasks, nextPositions, LIVE_STATUSES, OPEN_STATUSES, type PlaceTasksArgs, type Placement, type ReaderBatch } from './place-tasks.js';
export { activeMembers, roleForKind } from './members.js';
export { inTransaction } from './in-transaction.js';
export { lockImage, lockProject } from './row-locks.js';
export { assignmentRoutes } from './assignment-routes.js';

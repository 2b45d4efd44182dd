// Reading: a reader's next task, worklist, task view, draft saves, submission (with the rules) and skips.
export { taskRoutes } from './task-routes.js';
export { taskAccess, type TaskAccess, type TaskIntent } from './task-access.js';
export { taskView, taskSummary, taskAnnotation, type TaskView, type TaskSummary, type AnnotationView, type BoxView } from './task-view.js';
export { headerView, type HeaderView, type WindowView } from '../image-routes/header-view.js';
export { nextTask } from './next-task.js';
export { worklist, type WorklistItem, type WorklistCounts, type WorklistQuery, type WorklistStatus } from './worklist.js';
export { saveAnnotation, type SaveAnnotationInput, type BoxInput } from './save-annotation.js';
export { submitTask, type SubmitInput } from './submit-task.js';
export { skipTask } from './skip-task.js';
export { projectRules, type ProjectRules } from './project-rules.js';
export { MAX_READING_MS } from './reading-time.js';
export { MAX_BOXES, MAX_GLOBALS } from './task-schemas.js';

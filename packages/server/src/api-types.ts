// The JSON the HTTP API answers, as TypeScript types only (no runtime code): the browser app
// (@cxrlab/web) imports these with `import type`, so a change of a view here breaks its build.
import type { Static } from 'typebox';
import type { ProjectDetailSchema, ProjectSummarySchema } from './projects/project-view.js';
import type { WorklistSchema } from './tasks/task-schemas.js';
import type { PublicUserSchema } from './routes/user-view.js';

export type { TaskSummary, BoxView, AnnotationView, TaskView } from './tasks/task-view.js';
export type { ImageView, WindowView, HeaderView } from './image-routes/header-view.js';
export type { ReviewView } from './review/review-view.js';
export type { ConsensusState, StoredBox } from './review/consensus-read.js';
export type { ContentBox, ConsensusContent } from './review/consensus-content.js';
export type { Member } from './projects/member-list.js';
export type { ProjectProgress, ReaderProgress } from './progress/project-progress.js';
export type { MyProgress } from './progress/my-progress.js';
export type { ExportManifest, ManifestFile } from './export/export-manifest.js';
export type { ExportFormat } from './export/export-format.js';
export type { CommentView } from './comments/comment-view.js';
export type { ApiErrorCode, ErrorBody } from './http/api-error.js';
export type { TaskKind, TaskStatus, Workflow, ProjectRole } from './db/database.js';

export type ProjectSummary = Static<typeof ProjectSummarySchema>;
export type ProjectDetail = Static<typeof ProjectDetailSchema>;
export type Worklist = Static<typeof WorklistSchema>;
export type PublicUser = Static<typeof PublicUserSchema>;

/** GET /api/projects/:key/tasks/next: a task view, or { task: null } when none is left. */
export type NextTask = import('./tasks/task-view.js').TaskView | { task: null };
/** POST /api/tasks/:id/submit */
export interface SubmitAnswer {
  task: import('./tasks/task-view.js').TaskSummary;
  next: import('./tasks/task-view.js').TaskView | null;
}

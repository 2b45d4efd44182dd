// What a reader gets for one task: the task, the project's key and workflow, the image (anonymous id,
// size, windows, key header values) and, for a read, the task's own annotation. Nothing about anyone
// else: no user ids, no names, no other reads.
import type { Kysely } from 'kysely';
import type { Database, Project, Task, TaskKind, TaskStatus, Workflow } from '../db/database.js';
import { imageView, type ImageView } from '../image-routes/header-view.js';
import { contentOfRows } from '../review/consensus-content.js';

export interface TaskSummary {
  id: number;
  kind: TaskKind;
  status: TaskStatus;
  version: number;
  position: number;
  readingMs: number;
}

export interface BoxView {
  id?: number;
  label: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface AnnotationView {
  globals: string[];
  boxes: BoxView[];
}

export interface TaskView {
  task: TaskSummary;
  project: { key: string; workflow: Workflow };
  image: ImageView;
  /** The task's own read (annotate tasks only). */
  annotation?: AnnotationView;
}

export const taskSummary = (task: Task): TaskSummary => ({
  id: task.id,
  kind: task.kind,
  status: task.status,
  version: task.version,
  position: task.position,
  readingMs: task.reading_ms,
});

/** The annotation rows of one task as globals and boxes, in the order they were saved. */
export async function taskAnnotation(db: Kysely<Database>, taskId: number): Promise<AnnotationView> {
  const rows = await db.selectFrom('annotations').select(['id', 'kind', 'label', 'x_min', 'y_min', 'x_max', 'y_max']).where('task_id', '=', taskId).orderBy('id').execute();
  return contentOfRows(rows, (row, box): BoxView => ({ id: row.id, ...box }));
}

export async function taskView(db: Kysely<Database>, task: Task, project: Project): Promise<TaskView> {
  const image = await db.selectFrom('images').selectAll().where('id', '=', task.image_id).executeTakeFirstOrThrow();
  return {
    task: taskSummary(task),
    project: { key: project.key, workflow: project.workflow },
    image: imageView(image),
    ...(task.kind === 'annotate' ? { annotation: await taskAnnotation(db, task.id) } : {}),
  };
}

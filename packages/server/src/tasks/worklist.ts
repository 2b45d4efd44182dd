// The caller's worklist in a project: their tasks in their own order, and how many are in each state.
// Re-assigned tasks are not theirs any more and are not listed.
import type { Kysely } from 'kysely';
import type { Database, TaskKind, TaskStatus } from '../db/database.js';

export type WorklistStatus = Exclude<TaskStatus, 'reassigned'>;

export interface WorklistItem {
  id: number;
  kind: TaskKind;
  status: TaskStatus;
  position: number;
  /** The anonymous image id. */
  imageId: string;
  updatedAt: string;
}

export interface WorklistCounts {
  pending: number;
  inProgress: number;
  submitted: number;
  skipped: number;
}

export interface WorklistQuery {
  projectId: number;
  userId: number;
  status?: WorklistStatus;
  kind?: TaskKind;
  limit: number;
  offset: number;
}

const VISIBLE: readonly WorklistStatus[] = ['pending', 'in_progress', 'submitted', 'skipped'];

export async function worklist(db: Kysely<Database>, query: WorklistQuery): Promise<{ tasks: WorklistItem[]; counts: WorklistCounts }> {
  let list = db
    .selectFrom('tasks')
    .innerJoin('images', 'images.id', 'tasks.image_id')
    .select(['tasks.id', 'tasks.kind', 'tasks.status', 'tasks.position', 'images.image_id', 'tasks.updated_at'])
    .where('tasks.user_id', '=', query.userId)
    .where('tasks.project_id', '=', query.projectId)
    .where('tasks.status', 'in', query.status !== undefined ? [query.status] : VISIBLE);
  if (query.kind !== undefined) list = list.where('tasks.kind', '=', query.kind);
  const rows = await list.orderBy('tasks.position').orderBy('tasks.id').limit(query.limit).offset(query.offset).execute();

  let countQuery = db
    .selectFrom('tasks')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('user_id', '=', query.userId)
    .where('project_id', '=', query.projectId);
  if (query.kind !== undefined) countQuery = countQuery.where('kind', '=', query.kind);
  const counted = new Map((await countQuery.groupBy('status').execute()).map((r) => [r.status, Number(r.n)]));
  return {
    tasks: rows.map((r) => ({ id: r.id, kind: r.kind, status: r.status, position: r.position, imageId: r.image_id, updatedAt: r.updated_at })),
    counts: { pending: counted.get('pending') ?? 0, inProgress: counted.get('in_progress') ?? 0, submitted: counted.get('submitted') ?? 0, skipped: counted.get('skipped') ?? 0 },
  };
}

// Who may reach a review task. Viewing: the task's own reviewer (an active reviewer of the project whose
// task was not re-assigned) and the project's managers. Acting on the consensus (edit, copy, approve,
// withdraw): the task's own reviewer only, and not once they skipped it (409); managers get 403.
// Everyone else, including the image's readers and the other reviewers of the project, gets 404: they
// do not learn the task exists.
import type { Kysely } from 'kysely';
import type { Auth } from '../context.js';
import type { Database, Image, Project, Task } from '../db/database.js';
import { ApiError, conflict, forbidden, notFound } from '../http/api-error.js';

export interface ReviewTask {
  task: Task;
  project: Project;
  image: Image;
  /** The caller is the task's reviewer (and may act on the consensus). */
  own: boolean;
  /** The caller is a global admin or an owner of the project. */
  manager: boolean;
  userId: number;
}

export async function reviewTask(db: Kysely<Database>, auth: Auth | undefined, taskId: number, intent: 'view' | 'act'): Promise<ReviewTask> {
  if (auth === undefined) throw new ApiError(401, 'ERR_UNAUTHENTICATED', 'sign in first');
  const missing = notFound(`review task ${taskId}`);
  const task = await db.selectFrom('tasks').selectAll().where('id', '=', taskId).where('kind', '=', 'review').executeTakeFirst();
  if (task === undefined) throw missing;
  const roles = await db.selectFrom('memberships').select('role').where('project_id', '=', task.project_id).where('user_id', '=', auth.user.id).where('active', '=', 1).execute();
  const manager = auth.user.is_admin === 1 || roles.some((r) => r.role === 'owner');
  const own = task.user_id === auth.user.id && task.status !== 'reassigned' && roles.some((r) => r.role === 'reviewer');
  if (!own && !manager) throw missing;
  if (intent === 'act' && !own) throw forbidden(`only the reviewer this task is assigned to may change its consensus`);
  if (intent === 'act' && task.status === 'skipped') throw skipped(taskId);
  const project = await db.selectFrom('projects').selectAll().where('id', '=', task.project_id).executeTakeFirstOrThrow();
  const image = await db.selectFrom('images').selectAll().where('id', '=', task.image_id).executeTakeFirstOrThrow();
  return { task, project, image, own, manager, userId: auth.user.id };
}

/** Inside a change's transaction: the task must still be the caller's (not re-assigned or skipped meanwhile). */
export async function assertStillAssigned(tx: Kysely<Database>, taskId: number): Promise<void> {
  const row = await tx.selectFrom('tasks').select('status').where('id', '=', taskId).executeTakeFirst();
  if (row === undefined || row.status === 'reassigned') throw notFound(`review task ${taskId}`);
  if (row.status === 'skipped') throw skipped(taskId);
}

/** A reviewer who skipped the image has left its panel (reviewPanel): they no longer change its consensus. */
const skipped = (taskId: number): ApiError => conflict(`review task ${taskId} was skipped: its reviewer is no longer on the image's panel`);

// Who may see or change a task: its holder (while a member with the kind's role); project managers may
// read anyone's task but change only their own. Everyone else gets 404, as for a task that does not
// exist; a re-assigned task is invisible to the member who held it.
import type { Kysely } from 'kysely';
import type { Database, Project, Task } from '../db/database.js';
import { projectAccessById, type ProjectAccess } from '../access/project-access.js';
import type { Auth } from '../context.js';
import { ApiError, notFound } from '../http/api-error.js';
import { roleForKind } from '../workflow/members.js';

export interface TaskAccess {
  task: Task;
  project: Project;
  access: ProjectAccess;
}

export type TaskIntent = 'read' | 'write';

export async function taskAccess(db: Kysely<Database>, auth: Auth | undefined, id: number, intent: TaskIntent): Promise<TaskAccess> {
  if (auth === undefined) throw new ApiError(401, 'ERR_UNAUTHENTICATED', 'sign in first');
  const task = await db.selectFrom('tasks').selectAll().where('id', '=', id).executeTakeFirst();
  if (task === undefined) throw notFound(`task ${id}`);
  const access = await projectAccessById(db, auth, task.project_id).catch((error: unknown) => {
    throw error instanceof ApiError && error.statusCode === 404 ? notFound(`task ${id}`) : error;
  });
  const holder = task.user_id === access.userId && task.status !== 'reassigned' && (access.manager || access.roles.has(roleForKind(task.kind)));
  if (holder) return { task, project: access.project, access };
  if (!access.manager) throw notFound(`task ${id}`);
  if (intent === 'write') throw new ApiError(403, 'ERR_FORBIDDEN', `task ${id} is another member's: managers may read it but not change it`);
  return { task, project: access.project, access };
}

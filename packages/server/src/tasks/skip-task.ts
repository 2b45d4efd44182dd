// Skipping a task, with a reason: the task is closed as skipped and, when another member with the kind's
// role is free to take it (never someone already on the image), a replacement task is created for them
// at the end of their order.
import type { Kysely } from 'kysely';
import type { Database, Project, Task } from '../db/database.js';
import { now } from '../db/dialect.js';
import { audit } from '../audit/audit.js';
import { activeMembers, roleForKind } from '../workflow/members.js';
import { OPEN_STATUSES, placeTasks } from '../workflow/place-tasks.js';
import { mixSeed } from '../workflow/reader-order.js';
import { lockProject } from '../workflow/row-locks.js';
import { taskConflict } from './task-conflict.js';

export async function skipTask(db: Kysely<Database>, args: { task: Task; project: Project; userId: number; reason: string }): Promise<{ task: Task; replaced: boolean }> {
  const { task, project } = args;
  return db.transaction().execute(async (tx) => {
    await lockProject(tx, project.id);
    const skipped = await tx
      .updateTable('tasks')
      .set((eb) => ({ status: 'skipped' as const, skip_reason: args.reason, version: eb('version', '+', 1), updated_at: now() }))
      .where('id', '=', task.id)
      .where('status', 'in', OPEN_STATUSES)
      .returningAll()
      .executeTakeFirst();
    if (skipped === undefined) throw await taskConflict(tx, task.id);
    const candidates = (await activeMembers(tx, project.id, roleForKind(task.kind))).filter((id) => id !== task.user_id);
    const placement = await placeTasks(tx, { project, kind: task.kind, imageIds: [task.image_id], candidates, seed: mixSeed(project.assignment_seed, task.id, 3), maxPerImage: 1 });
    await audit(tx, {
      userId: args.userId,
      projectId: project.id,
      action: 'skip',
      entity: 'task',
      entityId: task.id,
      detail: { reason: args.reason, replaced: placement.created > 0, replacement: placement.perReader },
    });
    return { task: skipped, replaced: placement.created > 0 };
  });
}

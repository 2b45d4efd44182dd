// "Next task": the caller's task in progress, else their pending task with the lowest position (each an
// index seek on tasks(user_id, project_id, status, position)), which is then marked in progress.
import type { Kysely } from 'kysely';
import type { Database, Task, TaskKind } from '../db/database.js';
import { now } from '../db/dialect.js';
import { audit } from '../audit/audit.js';

/** The task to work on, started; undefined when none is left. */
export async function nextTask(db: Kysely<Database>, args: { projectId: number; userId: number; kind: TaskKind }): Promise<Task | undefined> {
  const mine = db.selectFrom('tasks').selectAll().where('user_id', '=', args.userId).where('project_id', '=', args.projectId);
  // Another request of the same reader may start the pending task first: then look again.
  for (let attempt = 0; attempt < 5; attempt++) {
    const started = await mine.where('status', '=', 'in_progress').where('kind', '=', args.kind).orderBy('position').orderBy('id').limit(1).executeTakeFirst();
    if (started !== undefined) return started;
    const pending = await mine.where('status', '=', 'pending').where('kind', '=', args.kind).orderBy('position').orderBy('id').limit(1).executeTakeFirst();
    if (pending === undefined) return undefined;
    const at = now();
    const taken = await db.transaction().execute(async (tx) => {
      const result = await tx.updateTable('tasks').set({ status: 'in_progress', started_at: at, updated_at: at }).where('id', '=', pending.id).where('status', '=', 'pending').executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) return false;
      await audit(tx, { userId: args.userId, projectId: args.projectId, action: 'start', entity: 'task', entityId: pending.id });
      return true;
    });
    if (taken) return { ...pending, status: 'in_progress', started_at: at, updated_at: at };
  }
  return undefined;
}

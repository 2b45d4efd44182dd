// Task counts by status, aggregated by the database (GROUP BY), for the whole project or per reader.
import type { Kysely } from 'kysely';
import type { Database, TaskKind, TaskStatus } from '../db/database.js';

export type StatusCounts = Record<TaskStatus, number>;

export const emptyCounts = (): StatusCounts => ({ pending: 0, in_progress: 0, submitted: 0, skipped: 0, reassigned: 0 });

/** user id -> counts by status of their `kind` tasks in the project. */
export async function taskCountsByUser(db: Kysely<Database>, projectId: number, kind: TaskKind, userId?: number): Promise<Map<number, StatusCounts>> {
  let query = db
    .selectFrom('tasks')
    .select((eb) => ['user_id', 'status', eb.fn.countAll<number>().as('n')])
    .where('project_id', '=', projectId)
    .where('kind', '=', kind);
  if (userId !== undefined) query = query.where('user_id', '=', userId);
  const rows = await query.groupBy(['user_id', 'status']).execute();
  const out = new Map<number, StatusCounts>();
  for (const r of rows) {
    let counts = out.get(r.user_id);
    if (counts === undefined) out.set(r.user_id, (counts = emptyCounts()));
    counts[r.status] += Number(r.n);
  }
  return out;
}

/** The sum of per-user counts. */
export function totalCounts(byUser: ReadonlyMap<number, StatusCounts>): StatusCounts {
  const total = emptyCounts();
  for (const counts of byUser.values()) for (const status of Object.keys(total) as TaskStatus[]) total[status] += counts[status];
  return total;
}

// Why a guarded task UPDATE changed nothing: the task is no longer open, or its version moved on.
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { ApiError, conflict, notFound, versionConflict } from '../http/api-error.js';

export async function taskConflict(db: Kysely<Database>, taskId: number): Promise<ApiError> {
  const current = await db.selectFrom('tasks').select(['status', 'version']).where('id', '=', taskId).executeTakeFirst();
  if (current === undefined) return notFound(`task ${taskId}`);
  if (current.status === 'submitted') return conflict(`task ${taskId} is already submitted`, { status: current.status });
  if (current.status !== 'pending' && current.status !== 'in_progress') return conflict(`task ${taskId} is ${current.status}`, { status: current.status });
  return versionConflict(`task ${taskId}`, current.version);
}

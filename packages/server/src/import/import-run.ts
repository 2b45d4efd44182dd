// The import_runs row of one import: opened when it starts, its counts written when it ends.
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { now } from '../db/dialect.js';

export interface RunCounts {
  added: number;
  unchanged: number;
  refused: number;
  failed: number;
}

export async function openImportRun(db: Kysely<Database>, projectId: number, source: string, userId: number | null): Promise<number> {
  const row = await db
    .insertInto('import_runs')
    .values({ project_id: projectId, source: source.slice(0, 2000), started_at: now(), finished_at: null, added: 0, unchanged: 0, refused: 0, failed: 0, user_id: userId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function finishImportRun(db: Kysely<Database>, runId: number, counts: RunCounts): Promise<void> {
  await db.updateTable('import_runs').set({ ...counts, finished_at: now() }).where('id', '=', runId).execute();
}

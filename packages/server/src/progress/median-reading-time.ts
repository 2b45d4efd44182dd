// The median reading time of each reader's submitted reads, computed by the database: rank each
// reader's times with window functions and average the middle one or two (standard SQL, the same
// text on SQLite and PostgreSQL).
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';

/** user id -> median reading_ms of their submitted annotate tasks in the project (only readers with one). */
export async function medianReadingMs(db: Kysely<Database>, projectId: number, userId?: number): Promise<Map<number, number>> {
  const onlyUser = userId === undefined ? sql`` : sql`AND user_id = ${userId}`;
  const result = await sql<{ user_id: number; median: number | string }>`
    SELECT user_id, AVG(reading_ms) AS median FROM (
      SELECT user_id, reading_ms,
        ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY reading_ms) AS rn,
        COUNT(*) OVER (PARTITION BY user_id) AS n
      FROM tasks
      WHERE project_id = ${projectId} AND kind = 'annotate' AND status = 'submitted' ${onlyUser}
    ) ranked
    WHERE rn IN ((n + 1) / 2, (n + 2) / 2)
    GROUP BY user_id`.execute(db);
  return new Map(result.rows.map((r) => [Number(r.user_id), Number(r.median)]));
}

// Run a suite once per database, as Kysely does: SQLite always, PostgreSQL at $CXRLAB_TEST_PG_URL
// (default the development machine's postgres://postgres@127.0.0.1:5432/test) when it answers; when it
// does not, the PostgreSQL suite is skipped with a message that says so.
import { describe } from 'node:test';
import pg from 'pg';
import type { DialectName } from '../db/dialect.js';

export const TEST_PG_URL = process.env['CXRLAB_TEST_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
export const DIALECTS: readonly DialectName[] = ['sqlite', 'postgres'];

let reachable: Promise<string | undefined> | undefined;

/** undefined when PostgreSQL answers; otherwise why not. */
export function postgresProblem(): Promise<string | undefined> {
  reachable ??= (async () => {
    const client = new pg.Client({ connectionString: TEST_PG_URL, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return undefined;
    } catch (error) {
      return `PostgreSQL at ${TEST_PG_URL.replace(/:[^:@/]*@/, ':***@')} is not reachable (${error instanceof Error ? error.message : String(error)}); PostgreSQL tests skipped`;
    } finally {
      await client.end().catch(() => undefined);
    }
  })();
  return reachable;
}

/** describe(`${name} [dialect]`) for each dialect; the PostgreSQL one is skipped, visibly, when unreachable. */
export async function forEachDialect(name: string, suite: (dialect: DialectName) => void): Promise<void> {
  const problem = await postgresProblem();
  for (const dialect of DIALECTS) {
    const skip = dialect === 'postgres' && problem !== undefined ? problem : false;
    if (skip !== false) console.log(`# ${skip}`);
    describe(`${name} [${dialect}]`, { skip }, () => suite(dialect));
  }
}

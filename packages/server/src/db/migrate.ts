// Runs the dated migrations in ./migrations, in name order, at start. Kysely's Migrator records what
// ran in its own table and takes a lock, so two servers starting at once migrate once.
import { Migrator, sql, type Kysely, type Migration } from 'kysely';
import type { Database } from './database.js';
import type { DialectName } from './dialect.js';
import * as users from './migrations/2026-11-27-01-users.js';
import * as projects from './migrations/2026-11-27-02-projects.js';
import * as images from './migrations/2026-11-27-03-images.js';
import * as tasks from './migrations/2026-11-27-04-tasks.js';
import * as review from './migrations/2026-11-27-05-review.js';
import * as auditExports from './migrations/2026-11-27-06-audit-exports.js';

type Step = { up(db: Kysely<unknown>, dialect: DialectName): Promise<void> };
const STEPS: Record<string, Step> = {
  '2026-11-27-01-users': users,
  '2026-11-27-02-projects': projects,
  '2026-11-27-03-images': images,
  '2026-11-27-04-tasks': tasks,
  '2026-11-27-05-review': review,
  '2026-11-27-06-audit-exports': auditExports,
};

export async function migrateToLatest(db: Kysely<Database>, dialect: DialectName): Promise<string[]> {
  const migrations: Record<string, Migration> = {};
  for (const [name, step] of Object.entries(STEPS)) migrations[name] = { up: (d) => step.up(d as Kysely<unknown>, dialect) };
  // PostgreSQL: Kysely looks for its bookkeeping tables in every schema unless told which one, so a
  // second cxrlab (or a test) in another schema of the same database would confuse it.
  const schema = dialect === 'postgres' ? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s : undefined;
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations }, ...(schema !== undefined ? { migrationTableSchema: schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`database migration${failed === undefined ? '' : ` ${failed.migrationName}`} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

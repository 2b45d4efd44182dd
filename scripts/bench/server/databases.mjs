// Where each phase's database lives, per dialect: SQLite in a data dir under bench-data/server/db, or a
// PostgreSQL database of its own on the server of --pg (cxrlab_bench_big, _import, _export; the
// default schema). Not schemas of the shared test database: Kysely's Migrator looks for its
// kysely_migration tables in every schema of a database, so a kept schema that holds them makes a new
// schema's migration skip creating them and fail (and would break the PostgreSQL tests run beside it).
// Each place also has a data dir (image cache, export snapshots).
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase } from '@cxrlab/server';
import { BENCH, DATABASE_PREFIX, PG_URL, QUICK } from './config.mjs';

/** { dialect, which, dataDir, database?, url? } for phase `which` ('big' | 'import' | 'export'). */
export function place(dialect, which) {
  const suffix = QUICK && which === 'big' ? '-quick' : '';
  const dataDir = join(BENCH, 'db', `${dialect}-${which}${suffix}`);
  if (dialect === 'sqlite') return { dialect, which, dataDir };
  const database = `${DATABASE_PREFIX}${which}${suffix.replace('-', '_')}`;
  const url = new URL(PG_URL);
  url.pathname = `/${database}`;
  return { dialect, which, dataDir, database, url: url.href };
}

/** The CLI's database options for `p`. */
export const cliDatabaseArgs = (p) => ['--data', p.dataDir, ...(p.url !== undefined ? ['--db', p.url] : [])];

/** Opens (creating and migrating) the database of `p` in this process. */
export async function openPlace(p) {
  if (p.dialect === 'sqlite') return openDatabase({ dataDir: p.dataDir });
  const found = await pgQuery(`SELECT 1 FROM pg_database WHERE datname = '${p.database}'`);
  if (found.rowCount === 0) await pgQuery(`CREATE DATABASE ${p.database}`);
  return openDatabase({ url: p.url, poolSize: 8 });
}

/** Removes the database of `p` and its data dir. */
export async function dropPlace(p) {
  if (p.dialect === 'postgres') await pgQuery(`DROP DATABASE IF EXISTS ${p.database} WITH (FORCE)`);
  rmSync(p.dataDir, { recursive: true, force: true });
}

export async function pgQuery(text) {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}

/** PostgreSQL's version string, or an error message when it cannot be reached. */
export async function pgVersion() {
  try {
    return { ok: true, version: (await pgQuery('SHOW server_version')).rows[0].server_version };
  } catch (error) {
    return { ok: false, version: error.message };
  }
}

// Opens the database: embedded SQLite in the data dir (WAL, synchronous=FULL: a commit that returned
// is on disk) or PostgreSQL from a URL. Both behind one Kysely<Database>.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import type { Database } from './database.js';
import type { DialectName } from './dialect.js';
import { migrateToLatest } from './migrate.js';

export interface DatabaseOptions {
  /** postgres://... for PostgreSQL; otherwise SQLite in dataDir. */
  url?: string;
  /** Where cxrlab.sqlite lives (SQLite only). */
  dataDir?: string;
  /** PostgreSQL schema to use (created when missing): tests give each run its own. */
  schema?: string;
  /** PostgreSQL pool size (default 16). */
  poolSize?: number;
}

export interface OpenDatabase {
  db: Kysely<Database>;
  dialect: DialectName;
  /** What the database is, for logs: a path or a URL without its password. */
  location: string;
  close(): Promise<void>;
}

export const SQLITE_FILE = 'cxrlab.sqlite';

export async function openDatabase(options: DatabaseOptions): Promise<OpenDatabase> {
  const opened = options.url !== undefined && /^postgres(ql)?:\/\//.test(options.url) ? await openPostgres(options.url, options) : openSqlite(options);
  await migrateToLatest(opened.db, opened.dialect);
  return opened;
}

function openSqlite(options: DatabaseOptions): OpenDatabase {
  if (options.url !== undefined && !options.url.startsWith('sqlite:')) throw new Error(`--db: expected postgres://... or sqlite:PATH, got ${options.url}`);
  const path = options.url !== undefined ? options.url.slice('sqlite:'.length) : join(required(options.dataDir), SQLITE_FILE);
  if (options.url === undefined) mkdirSync(required(options.dataDir), { recursive: true });
  const database = new SQLite(path);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = FULL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  return { db, dialect: 'sqlite', location: path, close: () => db.destroy() };
}

async function openPostgres(url: string, options: DatabaseOptions): Promise<OpenDatabase> {
  const schema = options.schema;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`bad PostgreSQL schema name ${schema}`);
  if (schema !== undefined) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } finally {
      await client.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 16,
    ...(schema !== undefined ? { options: `-c search_path=${schema}` } : {}),
    // COUNT(*) and bigint columns come back as numbers, as from SQLite.
    types: { getTypeParser: (oid: number, format?: string) => (oid === 20 ? Number : (pg.types.getTypeParser as (o: number, f?: string) => unknown)(oid, format)) } as never,
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', location: maskPassword(url), close: () => db.destroy() };
}

function required(dir: string | undefined): string {
  if (dir === undefined) throw new Error('a data dir is needed for the embedded SQLite database');
  return dir;
}

/** A database URL without its password (user:password@ and ?password=). */
export function maskPassword(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@').replace(/([?&]password=)[^&]*/i, '$1***');
}

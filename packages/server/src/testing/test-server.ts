// A server for tests: a fresh database (a temporary SQLite data dir, or a new PostgreSQL schema dropped
// afterwards), an administrator, and helpers to add users and sign them in.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from '../app.js';
import { LoginLimiter, type LoginLimits } from '../auth/login-limiter.js';
import { DEFAULT_SETTINGS, type ServerContext, type ServerSettings } from '../context.js';
import { openDatabase } from '../db/connect.js';
import type { DialectName } from '../db/dialect.js';
import { createUser } from '../routes/user-routes.js';
import { hashPassword } from '../auth/password.js';
import { ApiClient, login } from './api-client.js';
import { TEST_PG_URL } from './dialects.js';

export const TEST_PASSWORD = 'correct horse battery';

export interface TestServer {
  app: FastifyInstance;
  ctx: ServerContext;
  dialect: DialectName;
  dataDir: string;
  /** Signed in as the administrator "admin". */
  admin: ApiClient;
  /** Creates a user (password TEST_PASSWORD) and signs them in. */
  user(username: string, options?: { isAdmin?: boolean }): Promise<ApiClient>;
  close(): Promise<void>;
}

let counter = 0;

/** TEST_PASSWORD hashed once at a low scrypt cost (N=1024; the hash records it): test users sign in fast. */
let testHash: Promise<string> | undefined;
export const testPasswordHash = (): Promise<string> => (testHash ??= hashPassword(TEST_PASSWORD, 1024));

export async function createTestServer(dialect: DialectName, options: { settings?: Partial<ServerSettings>; loginLimits?: LoginLimits } = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cxrlab-server-test-'));
  const schema = `t_${process.pid}_${++counter}_${Math.random().toString(36).slice(2, 8)}`;
  const opened = await openDatabase(dialect === 'postgres' ? { url: TEST_PG_URL, schema, poolSize: 8 } : { dataDir });
  const ctx: ServerContext = { db: opened.db, dialect, dataDir, settings: { ...DEFAULT_SETTINGS, ...options.settings }, loginLimiter: new LoginLimiter(options.loginLimits) };
  const app = await buildApp(ctx);
  await createUser(opened.db, { username: 'admin', displayName: 'Administrator', password: TEST_PASSWORD, passwordHash: await testPasswordHash(), isAdmin: true }, null);
  const admin = await login(app, 'admin', TEST_PASSWORD);
  return {
    app,
    ctx,
    dialect,
    dataDir,
    admin,
    async user(username, userOptions = {}) {
      await createUser(opened.db, { username, displayName: username.toUpperCase(), password: TEST_PASSWORD, passwordHash: await testPasswordHash(), isAdmin: userOptions.isAdmin ?? false }, null);
      return login(app, username, TEST_PASSWORD);
    },
    async close() {
      await app.close();
      await opened.close();
      if (dialect === 'postgres') {
        const client = new pg.Client({ connectionString: TEST_PG_URL });
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await client.end();
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

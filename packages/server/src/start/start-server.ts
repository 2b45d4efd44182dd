// Opens the database (migrating it), makes sure there is an administrator, builds the app and listens.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import { LoginLimiter } from '../auth/login-limiter.js';
import { DEFAULT_SETTINGS, type ServerContext, type ServerSettings } from '../context.js';
import { openDatabase } from '../db/connect.js';
import { ensureAdmin, type FirstAdmin } from './ensure-admin.js';

export interface StartOptions {
  dataDir: string;
  port: number;
  host: string;
  /** postgres://... (default: SQLite in dataDir). */
  dbUrl?: string;
  adminPassword?: string;
  settings?: Partial<ServerSettings>;
  logger?: boolean;
}

export interface RunningServer {
  app: FastifyInstance;
  ctx: ServerContext;
  url: string;
  databaseLocation: string;
  firstAdmin?: FirstAdmin;
  close(): Promise<void>;
}

export async function startServer(options: StartOptions): Promise<RunningServer> {
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const opened = await openDatabase({ ...(options.dbUrl !== undefined ? { url: options.dbUrl } : {}), dataDir });
  try {
    const firstAdmin = await ensureAdmin(opened.db, options.adminPassword);
    const ctx: ServerContext = { db: opened.db, dialect: opened.dialect, dataDir, settings: { ...DEFAULT_SETTINGS, ...options.settings }, loginLimiter: new LoginLimiter() };
    const app = await buildApp(ctx, { logger: options.logger ?? false });
    const address = await app.listen({ port: options.port, host: options.host });
    const url = address.replace('://127.0.0.1', '://localhost').replace('://[::1]', '://localhost');
    return {
      app,
      ctx,
      url,
      databaseLocation: opened.location,
      ...(firstAdmin !== undefined ? { firstAdmin } : {}),
      close: async () => {
        await app.close();
        await opened.close();
      },
    };
  } catch (error) {
    await opened.close();
    throw error;
  }
}

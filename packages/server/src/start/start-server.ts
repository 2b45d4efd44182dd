// Opens the database (migrating it), builds the app, listens, and then makes sure there is an
// administrator (and, when asked, seeds the demo): listening comes first so that a start that fails
// (port in use) never creates the first administrator with a generated password nobody saw.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp, type BuildAppOptions } from '../app.js';
import { LoginLimiter } from '../auth/login-limiter.js';
import { DEFAULT_SETTINGS, type ServerContext, type ServerSettings } from '../context.js';
import { openDatabase, type OpenDatabase } from '../db/connect.js';
import { seedDemo, type DemoSeed, type SeedDemoOptions } from '../demo/seed-demo.js';
import { printableDatabaseUrl, withoutDatabaseSecrets } from './database-location.js';
import { ensureAdmin, type FirstAdmin } from './ensure-admin.js';
import { listenError, StartError } from './start-error.js';

export interface StartOptions {
  dataDir: string;
  /** 0: any free port. */
  port: number;
  host: string;
  /** postgres://... (default: SQLite in dataDir). */
  dbUrl?: string;
  /** The first administrator's password (default: generated, returned in firstAdmin). */
  adminPassword?: string;
  settings?: Partial<ServerSettings>;
  /** Fastify's logger: false (default), true, or pino options (e.g. { stream }). */
  logger?: BuildAppOptions['logger'];
  /** The built browser app to serve at / (BuildAppOptions.webRoot). */
  webRoot?: string;
  /** Seed the demo (once; after the administrator exists): its users' password, image counts, fixtures. */
  demo?: Omit<SeedDemoOptions, 'dataDir' | 'ownerId'>;
}

export interface RunningServer {
  app: FastifyInstance;
  ctx: ServerContext;
  /** http://localhost:PORT for the loopback address, else the address listened on. */
  url: string;
  /** The SQLite file, or the PostgreSQL URL without its password. */
  databaseLocation: string;
  /** Set when this start created the first administrator. */
  firstAdmin?: FirstAdmin;
  /** Whether the browser app is served at / (options.webRoot). */
  webApp: boolean;
  /** What the demo seeding did (with options.demo). */
  demo?: DemoSeed;
  close(): Promise<void>;
}

export async function startServer(options: StartOptions): Promise<RunningServer> {
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const opened = await open(options.dbUrl, dataDir);
  let app: FastifyInstance | undefined;
  try {
    const ctx: ServerContext = { db: opened.db, dialect: opened.dialect, dataDir, settings: { ...DEFAULT_SETTINGS, ...options.settings }, loginLimiter: new LoginLimiter() };
    app = await buildApp(ctx, { logger: options.logger ?? false, ...(options.webRoot !== undefined ? { webRoot: options.webRoot } : {}) });
    let address: string;
    try {
      address = await app.listen({ port: options.port, host: options.host });
    } catch (error) {
      throw listenError(error, options.host, options.port);
    }
    const firstAdmin = await ensureAdmin(opened.db, options.adminPassword);
    const demo = options.demo !== undefined ? await seedDemo(opened.db, { ...options.demo, dataDir }) : undefined;
    const server = app;
    return {
      app,
      ctx,
      url: address.replace('://127.0.0.1', '://localhost').replace('://[::1]', '://localhost'),
      webApp: options.webRoot !== undefined,
      databaseLocation: opened.dialect === 'postgres' && options.dbUrl !== undefined ? printableDatabaseUrl(options.dbUrl) : opened.location,
      ...(firstAdmin !== undefined ? { firstAdmin } : {}),
      ...(demo !== undefined ? { demo } : {}),
      close: async () => {
        await server.close();
        await opened.close();
      },
    };
  } catch (error) {
    await app?.close().catch(() => undefined);
    await opened.close().catch(() => undefined);
    throw error;
  }
}

/** openDatabase, with a failure (unreachable server, bad URL) as a StartError that names no password. */
async function open(dbUrl: string | undefined, dataDir: string): Promise<OpenDatabase> {
  try {
    return await openDatabase({ ...(dbUrl !== undefined ? { url: dbUrl } : {}), dataDir });
  } catch (error) {
    const where = dbUrl !== undefined ? printableDatabaseUrl(dbUrl) : dataDir;
    const why = withoutDatabaseSecrets(error instanceof Error ? error.message : String(error), dbUrl);
    throw new StartError('ERR_DATABASE', `cannot open the database ${where}: ${why}`);
  }
}

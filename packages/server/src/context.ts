// What every route reaches through `app.ctx`: the database, the data dir and the server's settings.
import type { Kysely } from 'kysely';
import type { Database, User } from './db/database.js';
import type { DialectName } from './db/dialect.js';
import type { LoginLimiter } from './auth/login-limiter.js';

export interface ServerSettings {
  /** Largest JSON body, bytes (default 1 MiB). */
  bodyLimit: number;
  /** Largest uploaded DICOM file, bytes (default 256 MiB). */
  uploadLimit: number;
  /** Session lifetime, seconds (default 7 days). */
  sessionSeconds: number;
  /** Set the Secure flag on the session cookie (behind HTTPS). */
  secureCookies: boolean;
}

export const DEFAULT_SETTINGS: ServerSettings = {
  bodyLimit: 1024 * 1024,
  uploadLimit: 256 * 1024 * 1024,
  sessionSeconds: 7 * 24 * 3600,
  secureCookies: false,
};

export interface ServerContext {
  db: Kysely<Database>;
  dialect: DialectName;
  /** The data dir: SQLite file, uploaded images, the image cache, export snapshots. */
  dataDir: string;
  settings: ServerSettings;
  loginLimiter: LoginLimiter;
}

/** Who is calling, and how. */
export interface Auth {
  user: User;
  via: 'session' | 'token';
  /** The session's CSRF token (session auth only). */
  csrfToken?: string;
  sessionId?: string;
}

/** Who may call a route: anyone, any signed-in user, or global admins only. */
export type RouteAccess = 'public' | 'user' | 'admin';

declare module 'fastify' {
  interface FastifyInstance {
    ctx: ServerContext;
  }
  interface FastifyRequest {
    auth?: Auth;
  }
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}

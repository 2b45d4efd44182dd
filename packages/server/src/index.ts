// @cxrlab/server: the labelling platform's HTTP API and database.
export { buildApp, type BuildAppOptions } from './app.js';
export { startServer, type StartOptions, type RunningServer } from './start/start-server.js';
export { openDatabase, SQLITE_FILE, type DatabaseOptions, type OpenDatabase } from './db/connect.js';
export type { Database } from './db/database.js';
export type { DialectName } from './db/dialect.js';
export { DEFAULT_SETTINGS, type ServerContext, type ServerSettings } from './context.js';
export { LoginLimiter } from './auth/login-limiter.js';

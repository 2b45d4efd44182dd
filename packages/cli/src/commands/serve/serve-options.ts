// `cxrlab serve` arguments and environment -> what to start.
import { UsageError } from '../../io.js';
import { parseArguments, wholeNumber } from '../../options.js';
import { dataDirOf, SERVER_DATABASE_OPTIONS } from '../server/server-database.js';

export const DEFAULT_PORT = 8080;
export const DEFAULT_HOST = '127.0.0.1';

export interface ServeRequest {
  dataDir: string;
  port: number;
  host: string;
  dbUrl?: string;
  adminPassword?: string;
  /** Seed the demo projects; the demo users' password when it was given ($CXRLAB_DEMO_PASSWORD). */
  demo: false | { password?: string };
  /** Log every request (Fastify's JSON log) to stdout. */
  log: boolean;
  /** Serve the browser app at / (false with --api-only). */
  web: boolean;
}

/** An environment variable's value; unset and empty are the same. */
function envValue(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value === '' ? undefined : value;
}

export function parseServeArgs(args: string[], env: NodeJS.ProcessEnv): ServeRequest {
  const { values, positionals } = parseArguments({
    args,
    allowPositionals: true,
    options: {
      ...SERVER_DATABASE_OPTIONS,
      port: { type: 'string', short: 'p' },
      host: { type: 'string' },
      demo: { type: 'boolean' },
      log: { type: 'boolean' },
      'api-only': { type: 'boolean' },
    },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const port = wholeNumber('--port', values.port, 0, 65535) ?? DEFAULT_PORT;
  const host = values.host ?? DEFAULT_HOST;
  if (host.trim() === '') throw new UsageError('--host needs an address');
  const dbUrl = values.db ?? envValue(env, 'CXRLAB_DB');
  const adminPassword = envValue(env, 'CXRLAB_ADMIN_PASSWORD');
  const demoPassword = envValue(env, 'CXRLAB_DEMO_PASSWORD');
  return {
    // an empty $CXRLAB_DATA is unset, not the current directory
    dataDir: dataDirOf({ data: values.data ?? envValue(env, 'CXRLAB_DATA') }, {}),
    port,
    host,
    ...(dbUrl !== undefined ? { dbUrl } : {}),
    ...(adminPassword !== undefined ? { adminPassword } : {}),
    demo: values.demo === true ? (demoPassword !== undefined ? { password: demoPassword } : {}) : false,
    log: values.log === true,
    web: values['api-only'] !== true,
  };
}

// A server in its own process for the crash test: `node crash-child.js <sqlite|postgres> <dataDir> [pgSchema]`.
// Prints {"url": ...} on stdout once listening; it is meant to be killed with SIGKILL.
import { buildApp } from '../app.js';
import { LoginLimiter } from '../auth/login-limiter.js';
import { DEFAULT_SETTINGS } from '../context.js';
import { openDatabase } from '../db/connect.js';
import { TEST_PG_URL } from '../testing/dialects.js';

const [dialect, dataDir, schema] = process.argv.slice(2) as ['sqlite' | 'postgres', string, string | undefined];
const opened = await openDatabase(dialect === 'postgres' ? { url: TEST_PG_URL, ...(schema !== undefined ? { schema } : {}) } : { dataDir });
const app = await buildApp({ db: opened.db, dialect, dataDir, settings: DEFAULT_SETTINGS, loginLimiter: new LoginLimiter() });
const url = await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`${JSON.stringify({ url })}\n`);

// The options every command that works on the platform's database shares (serve, import, export
// --project): --data DIR (the data dir: SQLite file, uploads, cache, exports) and --db URL (PostgreSQL).
import { resolve } from 'node:path';
import type { OpenDatabase } from '@cxrlab/server';

export const DEFAULT_DATA_DIR = 'cxrlab-data';

export const SERVER_DATABASE_OPTIONS = {
  data: { type: 'string' },
  db: { type: 'string' },
} as const;

export const SERVER_DATABASE_USAGE = `  --data DIR          the platform's data dir (default $CXRLAB_DATA or ./${DEFAULT_DATA_DIR}):
                      the SQLite database, uploaded images, the image cache, export snapshots
  --db URL            postgres://user@host:port/db to use PostgreSQL instead of SQLite
                      (default $CXRLAB_DB)
`;

export interface ServerDatabaseValues {
  data?: string | undefined;
  db?: string | undefined;
}

/** The data dir the options name (absolute). */
export function dataDirOf(values: ServerDatabaseValues, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(values.data ?? env['CXRLAB_DATA'] ?? DEFAULT_DATA_DIR);
}

/** Opens (and migrates) the database the options name. */
export async function openServerDatabase(values: ServerDatabaseValues, env: NodeJS.ProcessEnv = process.env): Promise<OpenDatabase & { dataDir: string }> {
  const dataDir = dataDirOf(values, env);
  const url = values.db ?? env['CXRLAB_DB'];
  // Loaded here, not at the top: the server package costs a second to load, and `cxrlab export FILE` needs none of it.
  const { openDatabase } = await import('@cxrlab/server');
  return openDatabase({ dataDir, ...(url !== undefined && url !== '' ? { url } : {}) }).then((opened) => Object.assign(opened, { dataDir }));
}

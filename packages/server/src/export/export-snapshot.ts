// A numbered export snapshot: <dataDir>/exports/<KEY>/<number>-<format>/ with the files and
// manifest.json. The files are written into a temporary folder first; the number (max + 1 in a
// transaction; the unique (project_id, number) constraint settles races, which are retried) is
// taken, the manifest written, and the folder renamed into place before the row commits. A reader
// therefore sees a complete snapshot or none.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { audit } from '../audit/audit.js';
import type { Database, Project } from '../db/database.js';
import { now } from '../db/dialect.js';
import { buildExport } from './build-export.js';
import type { ExportFormat } from './export-format.js';
import { MANIFEST_FILE, type ExportManifest } from './export-manifest.js';
import { exportsFolder, snapshotFolderName } from './snapshot-paths.js';
import { syncFolder, writeDurably, writeFilesDurably } from './write-files.js';

export interface SnapshotOptions {
  /** The data dir; snapshots go to <dataDir>/exports/<KEY>/. */
  dataDir: string;
  /** Who asked (kept in the exports table and the audit log, never in the files); null from the CLI. */
  userId: number | null;
  /** Recorded in the audit entry: 'api' or 'cli'. */
  source: 'api' | 'cli';
}

export interface ExportSnapshot extends ExportManifest {
  /** The snapshot folder (absolute). */
  folder: string;
}

const ATTEMPTS = 20;

export async function createExportSnapshot(db: Kysely<Database>, project: Project, format: ExportFormat, options: SnapshotOptions): Promise<ExportSnapshot> {
  const built = await buildExport(db, project, format);
  const root = exportsFolder(options.dataDir, project.key);
  await mkdir(root, { recursive: true });
  const staging = await mkdtemp(join(root, '.staging-'));
  try {
    const files = await writeFilesDurably(staging, built.files);
    for (let attempt = 1; ; attempt++) {
      let placed: string | undefined;
      try {
        const manifest = await db.transaction().execute(async (tx) => {
          const last = await tx.selectFrom('exports').select((eb) => eb.fn.max('number').as('last')).where('project_id', '=', project.id).executeTakeFirst();
          const number = Number(last?.last ?? 0) + 1;
          const createdAt = now();
          const name = snapshotFolderName(number, format);
          await tx
            .insertInto('exports')
            .values({ project_id: project.id, number, format, created_at: createdAt, created_by: options.userId, counts_json: JSON.stringify(built.counts), path: `exports/${project.key}/${name}` })
            .execute();
          await audit(tx, { userId: options.userId, projectId: project.id, action: 'create', entity: 'export', entityId: number, detail: { format, source: options.source, counts: built.counts } });
          const manifest: ExportManifest = { project: project.key, number, format, createdAt, counts: built.counts, files };
          await writeDurably(join(staging, MANIFEST_FILE), Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`), 'w');
          const folder = join(root, name);
          // a folder left by a process killed between rename and commit: its number never committed
          if (existsSync(folder)) await rm(folder, { recursive: true, force: true });
          await rename(staging, folder);
          placed = folder;
          await syncFolder(root);
          return manifest;
        });
        return { ...manifest, folder: placed! };
      } catch (error) {
        if (placed !== undefined) await rename(placed, staging).catch(() => undefined);
        if (attempt >= ATTEMPTS || !isRetryable(error)) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
      }
    }
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** Another export took the number (unique violation), or SQLite was busy: try again. */
function isRetryable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === '40001' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_BUSY';
}

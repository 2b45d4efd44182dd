// Reading snapshots back: the exports table's rows of a project, and a snapshot's manifest and files.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { notFound } from '../http/api-error.js';
import type { ExportCounts } from './export-file.js';
import { MANIFEST_FILE, type ExportManifest } from './export-manifest.js';
import { fileInside, snapshotFolder } from './snapshot-paths.js';

export interface ExportListing {
  number: number;
  format: string;
  createdAt: string;
  /** The user who made it (null: from the command line). */
  createdBy: number | null;
  counts: ExportCounts;
}

export async function listExports(db: Kysely<Database>, projectId: number): Promise<ExportListing[]> {
  const rows = await db.selectFrom('exports').selectAll().where('project_id', '=', projectId).orderBy('number').execute();
  return rows.map((r) => ({ number: r.number, format: r.format, createdAt: r.created_at, createdBy: r.created_by, counts: JSON.parse(r.counts_json) as ExportCounts }));
}

/** A snapshot's folder and manifest; 404 when the number is unknown or its folder is gone. */
export async function openSnapshot(db: Kysely<Database>, dataDir: string, projectId: number, number: number): Promise<{ folder: string; manifest: ExportManifest }> {
  const row = await db.selectFrom('exports').select(['path']).where('project_id', '=', projectId).where('number', '=', number).executeTakeFirst();
  const folder = row?.path ? snapshotFolder(dataDir, row.path) : undefined;
  if (folder === undefined) throw notFound(`export ${number}`);
  try {
    return { folder, manifest: JSON.parse(await readFile(join(folder, MANIFEST_FILE), 'utf8')) as ExportManifest };
  } catch {
    throw notFound(`export ${number}'s files`);
  }
}

/** The path of one of a snapshot's files: it must be listed in the manifest (or be the manifest). */
export function snapshotFilePath(folder: string, manifest: ExportManifest, name: string): string | undefined {
  if (name !== MANIFEST_FILE && !manifest.files.some((f) => f.name === name)) return undefined;
  return fileInside(folder, name);
}

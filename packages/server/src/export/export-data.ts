// What an export holds, read from the database in a few large queries (no query per image or read):
// the project's finished images and their reads (independent workflow) or final consensus.
import type { Kysely } from 'kysely';
import type { LabelSchema } from '@cxrlab/dataset';
import type { Database, Project, Split } from '../db/database.js';
import { loadConsensus, loadSubmittedReads, type ReadRecord } from './load-reads.js';

/** One finished image: its anonymous id, split and size (pixels). */
export interface ExportImage {
  imageId: string;
  split: Split;
  width: number;
  height: number;
}

export interface ExportData {
  project: Project;
  schema: LabelSchema;
  /** reads: the independent reads (with pseudonyms); consensus: the final consensus, one record per image. */
  kind: 'reads' | 'consensus';
  /** The splits the project has images in, train before test. */
  splits: Split[];
  /** The finished images, by image id (code-unit order, the same on every database). */
  images: ExportImage[];
  /** By image (as `images`), then reader (R1, R2, ... R10). */
  records: ReadRecord[];
  /** The project's images left out because they are not finished (reads missing, consensus not final). */
  skippedUnfinished: number;
}

export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Reads a project's finished work. An image of an independent project is finished once it has at
 * least N (readers_per_image) submitted reads; one of a consensus project once its consensus is final.
 * Run inside one transaction (repeatable read on PostgreSQL) so that the queries see one state.
 */
export async function loadExportData(db: Kysely<Database>, project: Project): Promise<ExportData> {
  const run = (tx: Kysely<Database>) => load(tx, project);
  if (db.isTransaction) return run(db);
  return db.transaction().setIsolationLevel('repeatable read').execute(run);
}

async function load(db: Kysely<Database>, project: Project): Promise<ExportData> {
  const schema = JSON.parse(project.schema_json) as LabelSchema;
  const rows = await db.selectFrom('images').select(['id', 'image_id', 'split', 'width', 'height']).where('project_id', '=', project.id).execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const kind = project.workflow === 'independent' ? 'reads' : 'consensus';
  const loaded = kind === 'reads' ? await loadSubmittedReads(db, project.id, byId) : await loadConsensus(db, project.id, byId);

  // finished: enough reads, or a final consensus (loadConsensus returns only final ones)
  const perImage = new Map<string, number>();
  for (const r of loaded) perImage.set(r.imageId, (perImage.get(r.imageId) ?? 0) + 1);
  const needed = kind === 'reads' ? Math.max(1, project.readers_per_image) : 1;
  const finished = (imageId: string): boolean => (perImage.get(imageId) ?? 0) >= needed;

  const images = rows
    .filter((r) => finished(r.image_id))
    .map((r): ExportImage => ({ imageId: r.image_id, split: r.split, width: r.width, height: r.height }))
    .sort((a, b) => compareText(a.imageId, b.imageId));
  const records = loaded.filter((r) => finished(r.imageId)).sort((a, b) => compareText(a.imageId, b.imageId) || a.readerNumber - b.readerNumber);
  const present = new Set(rows.map((r) => r.split));
  const splits = (['train', 'test'] as const).filter((s) => present.has(s));
  return { project, schema, kind, splits, images, records, skippedUnfinished: rows.length - images.length };
}

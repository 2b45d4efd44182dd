// The submitted reads of a project, or its final consensus, as records: three queries in all,
// whatever the project's size (tasks, pseudonyms, then every annotation of those tasks at once).
import type { Kysely } from 'kysely';
import type { Database, Split } from '../db/database.js';
import { conflict } from '../http/api-error.js';

/** A box in image pixels with its (local) label. */
export interface ExportBox {
  label: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** One reader's read of an image, or an image's consensus (no radId). */
export interface ReadRecord {
  imageId: string;
  split: Split;
  /** The reader's pseudonym (R1, R2, ...); undefined for a consensus. */
  radId?: string;
  /** The pseudonym's number (sorts R2 before R10); 0 for a consensus. */
  readerNumber: number;
  /** Global labels, in the order saved. */
  globals: string[];
  /** Boxes, in the order saved. */
  boxes: ExportBox[];
}

export type ImageRow = { image_id: string; split: Split };

export interface LoadReadsOptions {
  /**
   * What to do with a read whose reader has no pseudonym: 'refuse' (exports: never fall back to a
   * user id) or 'internal' (statistics that never show reader ids: key the reader by user id).
   */
  withoutPseudonym?: 'refuse' | 'internal';
}

/** Every submitted annotate task of the project as a read, labelled with its reader's pseudonym. */
export async function loadSubmittedReads(db: Kysely<Database>, projectId: number, images: ReadonlyMap<number, ImageRow>, options: LoadReadsOptions = {}): Promise<ReadRecord[]> {
  const tasks = await db
    .selectFrom('tasks')
    .select(['id', 'image_id', 'user_id'])
    .where('project_id', '=', projectId)
    .where('kind', '=', 'annotate')
    .where('status', '=', 'submitted')
    .execute();
  const pseudonyms = await db.selectFrom('reader_pseudonyms').select(['user_id', 'rad_id', 'number']).where('project_id', '=', projectId).execute();
  const readerOf = new Map(pseudonyms.map((p) => [p.user_id, p]));
  const byTask = new Map<number, ReadRecord>();
  for (const t of tasks) {
    const image = images.get(t.image_id);
    if (image === undefined) continue;
    let reader = readerOf.get(t.user_id);
    if (reader === undefined) {
      // an export never falls back to a user id or name: a read without a pseudonym stops it
      if (options.withoutPseudonym !== 'internal') throw conflict(`a submitted read (task ${t.id}) belongs to a reader without a pseudonym in this project`);
      reader = { user_id: t.user_id, rad_id: `user-${t.user_id}`, number: Number.MAX_SAFE_INTEGER };
    }
    byTask.set(t.id, { imageId: image.image_id, split: image.split, radId: reader.rad_id, readerNumber: reader.number, globals: [], boxes: [] });
  }
  const rows = await db
    .selectFrom('annotations as a')
    .innerJoin('tasks as t', 't.id', 'a.task_id')
    .select(['a.task_id as owner', 'a.kind', 'a.label', 'a.x_min', 'a.y_min', 'a.x_max', 'a.y_max'])
    .where('t.project_id', '=', projectId)
    .where('t.kind', '=', 'annotate')
    .where('t.status', '=', 'submitted')
    // grouped by task, each read's rows in the order saved: SQLite walks its indexes in this order (no sort)
    .orderBy('t.id')
    .orderBy('a.id')
    .execute();
  addAnnotations(byTask, rows);
  return [...byTask.values()];
}

/** Every final consensus of the project, one record per image, without a reader. */
export async function loadConsensus(db: Kysely<Database>, projectId: number, images: ReadonlyMap<number, ImageRow>): Promise<ReadRecord[]> {
  const finals = await db.selectFrom('consensus').select('image_id').where('project_id', '=', projectId).where('status', '=', 'final').execute();
  const byImage = new Map<number, ReadRecord>();
  for (const c of finals) {
    const image = images.get(c.image_id);
    if (image !== undefined) byImage.set(c.image_id, { imageId: image.image_id, split: image.split, readerNumber: 0, globals: [], boxes: [] });
  }
  const rows = await db
    .selectFrom('consensus_annotations as a')
    .innerJoin('consensus as c', 'c.image_id', 'a.image_id')
    .select(['a.image_id as owner', 'a.kind', 'a.label', 'a.x_min', 'a.y_min', 'a.x_max', 'a.y_max'])
    .where('c.project_id', '=', projectId)
    .where('c.status', '=', 'final')
    .orderBy('c.image_id')
    .orderBy('a.id')
    .execute();
  addAnnotations(byImage, rows);
  return [...byImage.values()];
}

type AnnotationRow = { owner: number; kind: string; label: string; x_min: number | null; y_min: number | null; x_max: number | null; y_max: number | null };

function addAnnotations(records: ReadonlyMap<number, ReadRecord>, rows: readonly AnnotationRow[]): void {
  for (const row of rows) {
    const record = records.get(row.owner);
    if (record === undefined) continue;
    if (row.kind === 'global') record.globals.push(row.label);
    else if (row.x_min !== null && row.y_min !== null && row.x_max !== null && row.y_max !== null) {
      record.boxes.push({ label: row.label, xMin: Number(row.x_min), yMin: Number(row.y_min), xMax: Number(row.x_max), yMax: Number(row.y_max) });
    }
  }
}

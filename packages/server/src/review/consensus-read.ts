// Reading consensuses: one image's (for the review view and the approval check) and a project's final
// ones (for the export), the latter in two queries whatever the number of images.
import type { Kysely } from 'kysely';
import type { ConsensusStatus, Database } from '../db/database.js';
import { contentOfRows, type ConsensusContent, type ContentBox } from './consensus-content.js';

export interface StoredBox extends ContentBox {
  /** The consensus_annotations row id (changes with every edit: an edit replaces the rows). */
  id: number;
}

export interface ConsensusState {
  version: number;
  status: ConsensusStatus;
  globals: string[];
  boxes: StoredBox[];
}

/** The consensus of an image (images.id), or undefined when the image has none (yet). */
export async function readConsensus(db: Kysely<Database>, imageRowId: number): Promise<ConsensusState | undefined> {
  const row = await db.selectFrom('consensus').select(['version', 'status']).where('image_id', '=', imageRowId).executeTakeFirst();
  if (row === undefined) return undefined;
  const rows = await db.selectFrom('consensus_annotations').selectAll().where('image_id', '=', imageRowId).orderBy('id').execute();
  const content = contentOfRows(rows, (r, b) => ({ id: r.id, ...b }));
  return { version: row.version, status: row.status, globals: content.globals, boxes: content.boxes as StoredBox[] };
}

/** Every final consensus of a project: images.id -> its globals and boxes (in stored order). */
export async function finalConsensusOfProject(db: Kysely<Database>, projectId: number): Promise<Map<number, ConsensusContent>> {
  const finals = await db.selectFrom('consensus').select('image_id').where('project_id', '=', projectId).where('status', '=', 'final').orderBy('image_id').execute();
  const rows = await db
    .selectFrom('consensus_annotations as a')
    .innerJoin('consensus as c', 'c.image_id', 'a.image_id')
    .select(['a.image_id', 'a.kind', 'a.label', 'a.x_min', 'a.y_min', 'a.x_max', 'a.y_max'])
    .where('c.project_id', '=', projectId)
    .where('c.status', '=', 'final')
    .orderBy('a.image_id')
    .orderBy('a.id')
    .execute();
  const byImage = new Map<number, typeof rows>();
  for (const row of rows) {
    const list = byImage.get(row.image_id);
    if (list === undefined) byImage.set(row.image_id, [row]);
    else list.push(row);
  }
  const result = new Map<number, ConsensusContent>();
  for (const { image_id } of finals) result.set(image_id, contentOfRows(byImage.get(image_id) ?? []));
  return result;
}

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

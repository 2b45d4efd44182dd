// The submitted reads of an image, each labelled by its reader's pseudonym (R1, R2, ...), never by who
// the reader is. Two queries: the tasks with their pseudonyms, then all their annotations.
import type { Kysely } from 'kysely';
import type { Database, Image } from '../db/database.js';
import { contentOfRows, type ContentBox } from './consensus-content.js';

export interface ImageRead {
  /** The reader's pseudonym in the project (R1 ...), or `Reader k` for a reader who has none. */
  reader: string;
  globals: string[];
  boxes: ContentBox[];
  /** Internal: never sent to a client. */
  taskId: number;
  userId: number;
}

export async function submittedReads(db: Kysely<Database>, image: Pick<Image, 'id' | 'project_id'>): Promise<ImageRead[]> {
  const tasks = await db
    .selectFrom('tasks as t')
    .leftJoin('reader_pseudonyms as p', (join) => join.onRef('p.project_id', '=', 't.project_id').onRef('p.user_id', '=', 't.user_id'))
    .select(['t.id', 't.user_id', 'p.rad_id', 'p.number'])
    .where('t.image_id', '=', image.id)
    .where('t.kind', '=', 'annotate')
    .where('t.status', '=', 'submitted')
    .execute();
  tasks.sort((a, b) => (a.number ?? Number.MAX_SAFE_INTEGER) - (b.number ?? Number.MAX_SAFE_INTEGER) || a.id - b.id);
  if (tasks.length === 0) return [];
  const rows = await db.selectFrom('annotations').selectAll().where('task_id', 'in', tasks.map((t) => t.id)).orderBy('id').execute();
  return tasks.map((t, i) => ({
    reader: t.rad_id ?? `Reader ${i + 1}`,
    ...contentOfRows(rows.filter((r) => r.task_id === t.id)),
    taskId: t.id,
    userId: t.user_id,
  }));
}

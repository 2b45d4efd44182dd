// An image's comments as one caller may see them: managers all, with real names; reviewers all, with the
// panel's pseudonyms (R1 ..., Reviewer k; "Manager" for an owner or admin); readers only their own.
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { panelNames } from '../review/index.js';
import type { ImageCommentAccess } from './comment-access.js';

export interface CommentView {
  id: number;
  body: string;
  createdAt: string;
  author: string;
  mine: boolean;
}

export async function visibleComments(db: Kysely<Database>, access: ImageCommentAccess, onlyId?: number): Promise<CommentView[]> {
  let query = db
    .selectFrom('comments as c')
    .innerJoin('users as u', 'u.id', 'c.user_id')
    .select(['c.id', 'c.body', 'c.created_at', 'c.user_id', 'u.display_name'])
    .where('c.image_id', '=', access.image.id)
    .orderBy('c.id');
  if (access.viewer === 'annotator') query = query.where('c.user_id', '=', access.userId);
  if (onlyId !== undefined) query = query.where('c.id', '=', onlyId);
  const rows = await query.execute();
  const names = access.viewer === 'reviewer' ? await panelNames(db, access.image) : undefined;
  return rows.map((r) => ({
    id: r.id,
    body: r.body,
    createdAt: r.created_at,
    author: names !== undefined ? (names.get(r.user_id) ?? 'Manager') : r.display_name,
    mine: r.user_id === access.userId,
  }));
}

// Who may see an image's comments, and as whom: global admins and the project's owners (managers) see
// every comment with real names; a reviewer of the image (an active reviewer with a review task on it
// that was not re-assigned) sees every comment with pseudonyms; a reader of the image (an active
// annotator with such an annotate task) sees only their own. Anyone else gets 404.
import type { Kysely } from 'kysely';
import type { Auth } from '../context.js';
import type { Database, Image } from '../db/database.js';
import { ApiError, notFound } from '../http/api-error.js';

export type CommentViewer = 'manager' | 'reviewer' | 'annotator';

export interface ImageCommentAccess {
  image: Image;
  viewer: CommentViewer;
  userId: number;
  /** The caller's own task on the image (review first), recorded with a new comment; null for a manager without one. */
  taskId: number | null;
}

export async function imageCommentAccess(db: Kysely<Database>, auth: Auth | undefined, imageRowId: number): Promise<ImageCommentAccess> {
  if (auth === undefined) throw new ApiError(401, 'ERR_UNAUTHENTICATED', 'sign in first');
  const missing = notFound(`image ${imageRowId}`);
  const image = await db.selectFrom('images').selectAll().where('id', '=', imageRowId).executeTakeFirst();
  if (image === undefined) throw missing;
  const roles = new Set(
    (await db.selectFrom('memberships').select('role').where('project_id', '=', image.project_id).where('user_id', '=', auth.user.id).where('active', '=', 1).execute()).map((r) => r.role),
  );
  const tasks = await db.selectFrom('tasks').select(['id', 'kind']).where('image_id', '=', image.id).where('user_id', '=', auth.user.id).where('status', '!=', 'reassigned').execute();
  const review = roles.has('reviewer') ? tasks.find((t) => t.kind === 'review') : undefined;
  const annotate = roles.has('annotator') ? tasks.find((t) => t.kind === 'annotate') : undefined;
  const taskId = (review ?? annotate)?.id ?? null;
  if (auth.user.is_admin === 1 || roles.has('owner')) return { image, viewer: 'manager', userId: auth.user.id, taskId };
  if (review !== undefined) return { image, viewer: 'reviewer', userId: auth.user.id, taskId: review.id };
  if (annotate !== undefined) return { image, viewer: 'annotator', userId: auth.user.id, taskId: annotate.id };
  throw missing;
}

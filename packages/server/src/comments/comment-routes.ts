// Comments on an image, for whoever may see the image:
//   GET  /api/images/:id/comments  the comments the caller may see (see comment-view.ts)
//   POST /api/images/:id/comments  add one ({ body }, 1..2000 characters)
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { audit } from '../audit/audit.js';
import { now } from '../db/dialect.js';
import { badRequest } from '../http/api-error.js';
import { ErrorSchema, IdParam } from '../http/schemas.js';
import { imageCommentAccess } from './comment-access.js';
import { visibleComments } from './comment-view.js';

export const MAX_COMMENT_LENGTH = 2000;

const params = Type.Object({ id: IdParam });
const Comment = Type.Object({ id: Type.Integer(), body: Type.String(), createdAt: Type.String(), author: Type.String(), mine: Type.Boolean() });
const NewComment = Type.Object({ body: Type.String({ minLength: 1, maxLength: MAX_COMMENT_LENGTH }) }, { additionalProperties: false });

export async function commentRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.ctx;

  app.get('/api/images/:id/comments', { schema: { tags: ['comments'], params, response: { 200: Type.Object({ comments: Type.Array(Comment) }), 404: ErrorSchema } } }, async (request) => {
    const { id } = request.params as { id: number };
    return { comments: await visibleComments(db, await imageCommentAccess(db, request.auth, id)) };
  });

  app.post('/api/images/:id/comments', { schema: { tags: ['comments'], params, body: NewComment, response: { 201: Comment, 400: ErrorSchema, 404: ErrorSchema } } }, async (request, reply) => {
    const { id } = request.params as { id: number };
    const text = (request.body as { body: string }).body.trim();
    const access = await imageCommentAccess(db, request.auth, id);
    if (text === '') throw badRequest('body.body is empty', 'body.body');
    const created = await db.transaction().execute(async (tx) => {
      const row = await tx
        .insertInto('comments')
        .values({ project_id: access.image.project_id, image_id: access.image.id, task_id: access.taskId, user_id: access.userId, body: text, created_at: now() })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit(tx, { userId: access.userId, projectId: access.image.project_id, action: 'create', entity: 'comment', entityId: row.id, detail: { imageId: access.image.id, length: text.length } });
      return row.id;
    });
    const [view] = await visibleComments(db, access, created);
    return reply.status(201).send(view);
  });
}

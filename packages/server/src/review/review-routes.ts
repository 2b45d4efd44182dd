// The consensus review of an image, through its reviewers' review tasks:
//   GET  /api/tasks/:id/review     the reads (by pseudonym), votes, consensus and approvals
//   PUT  /api/tasks/:id/consensus  replace the consensus (versioned; withdraws every approval)
//   POST /api/tasks/:id/copy       copy a reader's box(es) and optionally globals into the consensus
//   POST /api/tasks/:id/approve    approve the current version (the last approval makes it final)
//   POST /api/tasks/:id/withdraw   withdraw one's approval
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { badRequest, notFound, versionConflict } from '../http/api-error.js';
import { ErrorSchema, IdParam } from '../http/schemas.js';
import type { ContentBox } from './consensus-content.js';
import { approveConsensus, withdrawApproval } from './consensus-approve.js';
import { copyRead } from './consensus-copy.js';
import { editConsensus } from './consensus-edit.js';
import { finalConflict } from './consensus-lock.js';
import { readConsensus } from './consensus-read.js';
import { submittedReads } from './image-reads.js';
import { checkLabels } from './label-check.js';
import { projectSchema } from './project-labels.js';
import {
  ApproveBody, ApproveResultSchema, ConsensusBody, CopyBody, CopyResultSchema, EditResultSchema, ReviewViewSchema, WithdrawResultSchema,
} from './review-schemas.js';
import { reviewTask } from './review-task.js';
import { reviewView } from './review-view.js';

const params = Type.Object({ id: IdParam });
const errors = { 400: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema };

export async function reviewRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.ctx;

  app.get('/api/tasks/:id/review', { schema: { tags: ['review'], params, response: { 200: ReviewViewSchema, 404: ErrorSchema } } }, async (request) => {
    const { id } = request.params as { id: number };
    return reviewView(db, await reviewTask(db, request.auth, id, 'view'));
  });

  app.put('/api/tasks/:id/consensus', { schema: { tags: ['review'], params, body: ConsensusBody, response: { 200: EditResultSchema, ...errors } } }, async (request) => {
    const { id } = request.params as { id: number };
    const body = request.body as { version: number; globals: string[]; boxes: ContentBox[] };
    const rt = await reviewTask(db, request.auth, id, 'act');
    const checked = checkLabels(projectSchema(rt.project), { globals: body.globals, boxes: body.boxes });
    if (!checked.ok) throw badRequest(checked.problem.message, `body.${checked.problem.path}`);
    return editConsensus(db, { image: rt.image, taskId: rt.task.id, userId: rt.userId, version: body.version, content: checked.content });
  });

  app.post('/api/tasks/:id/copy', { schema: { tags: ['review'], params, body: CopyBody, response: { 200: CopyResultSchema, ...errors } } }, async (request) => {
    const { id } = request.params as { id: number };
    const body = request.body as { version: number; from: string; boxIndex?: number; globals?: boolean };
    const rt = await reviewTask(db, request.auth, id, 'act');
    const read = (await submittedReads(db, rt.image)).find((r) => r.reader === body.from);
    if (read === undefined) throw badRequest(`no submitted read of this image by ${body.from}`, 'body.from');
    const current = await readConsensus(db, rt.image.id);
    if (current === undefined) throw notFound('consensus');
    if (current.status === 'final') throw finalConflict();
    if (current.version !== body.version) throw versionConflict('the consensus', current.version);
    const copied = copyRead(current, read, body);
    if (!copied.ok) throw badRequest(copied.message, copied.field);
    const checked = checkLabels(projectSchema(rt.project), copied.content);
    if (!checked.ok) throw badRequest(`${body.from}'s read cannot be copied: ${checked.problem.message}`, 'body.from');
    const detail = { copiedFrom: body.from, ...(body.boxIndex !== undefined ? { boxIndex: body.boxIndex } : {}), copiedGlobals: body.globals === true };
    const result = await editConsensus(db, { image: rt.image, taskId: rt.task.id, userId: rt.userId, version: body.version, content: checked.content, detail });
    return { ...result, copied: copied.copied };
  });

  app.post('/api/tasks/:id/approve', { schema: { tags: ['review'], params, body: ApproveBody, response: { 200: ApproveResultSchema, ...errors, 422: ErrorSchema } } }, async (request) => {
    const { id } = request.params as { id: number };
    const { version } = request.body as { version: number };
    const rt = await reviewTask(db, request.auth, id, 'act');
    return approveConsensus(db, { project: rt.project, image: rt.image, taskId: rt.task.id, userId: rt.userId, version });
  });

  app.post('/api/tasks/:id/withdraw', { schema: { tags: ['review'], params, response: { 200: WithdrawResultSchema, ...errors } } }, async (request) => {
    const { id } = request.params as { id: number };
    const rt = await reviewTask(db, request.auth, id, 'act');
    return withdrawApproval(db, { image: rt.image, taskId: rt.task.id, userId: rt.userId });
  });
}

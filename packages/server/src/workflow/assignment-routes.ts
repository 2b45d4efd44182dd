// POST /api/projects/:key/assignments: a project manager assigns the images that still need reads and,
// in a consensus project, the review tasks that open consensus images still lack.
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { projectAccess, requireManager } from '../access/project-access.js';
import type { Split } from '../db/database.js';
import { IdParam, ProjectKey } from '../http/schemas.js';
import { assignProject } from './assign.js';

const AssignmentBody = Type.Object(
  {
    annotators: Type.Optional(Type.Array(IdParam, { minItems: 1, maxItems: 1000, description: 'user ids; default every active annotator' })),
    reviewers: Type.Optional(Type.Array(IdParam, { minItems: 1, maxItems: 1000, description: 'user ids who may get missing review tasks; default every active reviewer' })),
    split: Type.Optional(Type.Union([Type.Literal('train'), Type.Literal('test')], { description: 'only the images of this split (reads and reviews)' })),
  },
  { additionalProperties: false },
);

const AssignmentResponse = Type.Object({
  created: Type.Integer(),
  perReader: Type.Array(Type.Object({ userId: Type.Integer(), count: Type.Integer() })),
  shortfall: Type.Integer({ description: 'reads that could not be assigned (too few annotators)' }),
  reviewsCreated: Type.Integer({ description: 'review tasks created for open consensus images that had fewer than M' }),
  reviewShortfall: Type.Integer({ description: 'review tasks still missing (too few eligible reviewers)' }),
});

const DESCRIPTION = [
  'Assigns every image that lacks reads to active annotators (body may be empty). In a consensus project it also',
  'tops up review tasks: each image whose consensus is open and which has fewer than M live review tasks gets',
  'the missing ones, for active reviewers who did not read it and hold no review of it (images whose consensus',
  'is final are never touched). Adding a member (PUT /api/projects/{key}/members/{userId}) assigns nothing by',
  'itself: run this again after adding annotators or reviewers. Idempotent: a second run creates nothing new.',
].join(' ');

export async function assignmentRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.ctx;
  app.post(
    '/api/projects/:key/assignments',
    {
      schema: { tags: ['workflow'], description: DESCRIPTION, params: Type.Object({ key: ProjectKey }), body: AssignmentBody, response: { 200: AssignmentResponse } },
      // no body at all means "every active annotator and reviewer, every image"
      preValidation: async (request) => {
        if (request.body === undefined || request.body === null) request.body = {};
      },
    },
    async (request) => {
      const { key } = request.params as { key: string };
      const body = request.body as { annotators?: number[]; reviewers?: number[]; split?: Split };
      const access = await projectAccess(db, request.auth, key);
      requireManager(access);
      return assignProject(db, {
        project: access.project,
        actorId: access.userId,
        ...(body.annotators !== undefined ? { annotators: body.annotators } : {}),
        ...(body.reviewers !== undefined ? { reviewers: body.reviewers } : {}),
        ...(body.split !== undefined ? { split: body.split } : {}),
      });
    },
  );
}

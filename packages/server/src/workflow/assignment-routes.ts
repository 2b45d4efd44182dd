// POST /api/projects/:key/assignments: a project manager assigns the images that still need reads.
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { projectAccess, requireManager } from '../access/project-access.js';
import type { Split } from '../db/database.js';
import { IdParam, ProjectKey } from '../http/schemas.js';
import { assignProject } from './assign.js';

const AssignmentBody = Type.Object(
  {
    annotators: Type.Optional(Type.Array(IdParam, { minItems: 1, maxItems: 1000, description: 'user ids; default every active annotator' })),
    split: Type.Optional(Type.Union([Type.Literal('train'), Type.Literal('test')])),
  },
  { additionalProperties: false },
);

const AssignmentResponse = Type.Object({
  created: Type.Integer(),
  perReader: Type.Array(Type.Object({ userId: Type.Integer(), count: Type.Integer() })),
  shortfall: Type.Integer({ description: 'reads that could not be assigned (too few annotators)' }),
});

export async function assignmentRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.ctx;
  app.post(
    '/api/projects/:key/assignments',
    {
      schema: { tags: ['workflow'], description: 'Assigns every image that lacks reads (body may be empty).', params: Type.Object({ key: ProjectKey }), body: AssignmentBody, response: { 200: AssignmentResponse } },
      // no body at all means "every active annotator, every image"
      preValidation: async (request) => {
        if (request.body === undefined || request.body === null) request.body = {};
      },
    },
    async (request) => {
      const { key } = request.params as { key: string };
      const body = request.body as { annotators?: number[]; split?: Split };
      const access = await projectAccess(db, request.auth, key);
      requireManager(access);
      return assignProject(db, {
        project: access.project,
        actorId: access.userId,
        ...(body.annotators !== undefined ? { annotators: body.annotators } : {}),
        ...(body.split !== undefined ? { split: body.split } : {}),
      });
    },
  );
}

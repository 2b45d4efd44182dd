// Progress routes: the whole project for its managers (owners, administrators), and each member's own.
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { projectAccess, requireManager } from '../access/project-access.js';
import { ProjectKey } from '../http/schemas.js';
import { myProgress } from './my-progress.js';
import { projectProgress } from './project-progress.js';

const Nullable = <T extends ReturnType<typeof Type.Number>>(t: T) => Type.Union([t, Type.Null()]);

const ReaderSchema = Type.Object({
  radId: Type.Union([Type.String(), Type.Null()]),
  userId: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  done: Type.Integer(),
  remaining: Type.Integer(),
  skipped: Type.Integer(),
  medianReadingMs: Nullable(Type.Number()),
});

const AgreementSchema = Type.Object({
  raters: Type.Integer(),
  imagesUsed: Type.Integer(),
  imagesLeftOut: Type.Integer(),
  labels: Type.Array(Type.Object({ label: Type.String(), kappa: Nullable(Type.Number()), images: Type.Integer(), positiveRatings: Type.Integer() })),
  overall: Nullable(Type.Number()),
  boxes: Type.Array(Type.Object({ className: Type.String(), pairImages: Type.Integer(), boxes: Type.Integer(), matched: Type.Integer(), f1: Nullable(Type.Number()), meanIou: Nullable(Type.Number()) })),
});

const ProgressSchema = Type.Object({
  images: Type.Integer(),
  reads: Type.Object({ needed: Type.Integer(), submitted: Type.Integer(), inProgress: Type.Integer(), pending: Type.Integer(), skipped: Type.Integer() }),
  consensus: Type.Optional(Type.Object({ open: Type.Integer(), final: Type.Integer() })),
  perReader: Type.Array(ReaderSchema),
  agreement: Type.Union([AgreementSchema, Type.Null()]),
});

const MyProgressSchema = Type.Object({
  done: Type.Integer(),
  remaining: Type.Integer(),
  skipped: Type.Integer(),
  medianReadingMs: Nullable(Type.Number()),
  reviews: Type.Object({ done: Type.Integer(), remaining: Type.Integer() }),
});

const Params = Type.Object({ key: ProjectKey });
const Query = Type.Object({ agreement: Type.Optional(Type.Boolean({ description: 'compute inter-reader agreement (default true)' })) }, { additionalProperties: false });

export async function progressRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.ctx;

  app.get('/api/projects/:key/progress', { schema: { tags: ['progress'], params: Params, querystring: Query, response: { 200: ProgressSchema } } }, async (request) => {
    const access = await projectAccess(db, request.auth, (request.params as { key: string }).key);
    requireManager(access);
    const { agreement } = request.query as { agreement?: boolean };
    return projectProgress(db, access.project, agreement === undefined ? {} : { agreement });
  });

  app.get('/api/projects/:key/progress/me', { schema: { tags: ['progress'], params: Params, response: { 200: MyProgressSchema } } }, async (request) => {
    const access = await projectAccess(db, request.auth, (request.params as { key: string }).key);
    return myProgress(db, access.project.id, access.userId);
  });
}

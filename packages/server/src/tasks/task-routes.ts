// The reader's routes: next task, worklist, one task's view, saving a draft, submitting, skipping.
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { projectAccess } from '../access/project-access.js';
import type { Project, TaskKind } from '../db/database.js';
import { ErrorSchema, IdParam, ProjectKey } from '../http/schemas.js';
import { nextTask } from './next-task.js';
import { saveAnnotation, type SaveAnnotationInput } from './save-annotation.js';
import { skipTask } from './skip-task.js';
import { submitTask, type SubmitInput } from './submit-task.js';
import { taskAccess } from './task-access.js';
import { NextTaskSchema, SaveAnnotationBody, SkipBody, SkipResponse, SubmitBody, SubmitResponse, TaskKindSchema, TaskViewSchema, WorklistQuerySchema, WorklistSchema } from './task-schemas.js';
import { taskSummary, taskView, type TaskView } from './task-view.js';
import { worklist, type WorklistStatus } from './worklist.js';

const KeyParams = Type.Object({ key: ProjectKey });
const IdParams = Type.Object({ id: IdParam });
const errors = { 400: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema };

export async function taskRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.ctx;

  /** The caller's next task of `kind` in the project, started, as a view; null when none is left. */
  async function nextView(project: Project, userId: number, kind: TaskKind): Promise<TaskView | null> {
    const task = await nextTask(db, { projectId: project.id, userId, kind });
    return task === undefined ? null : taskView(db, task, project);
  }

  app.get(
    '/api/projects/:key/tasks/next',
    {
      schema: {
        tags: ['tasks'],
        description: "The caller's task in progress, else their first pending one (which is then started); { task: null } when none is left.",
        params: KeyParams,
        querystring: Type.Object({ kind: Type.Optional(TaskKindSchema) }, { additionalProperties: false }),
        response: { 200: NextTaskSchema, 404: ErrorSchema },
      },
    },
    async (request) => {
      const { key } = request.params as { key: string };
      const { kind } = request.query as { kind?: TaskKind };
      const access = await projectAccess(db, request.auth, key);
      const task = await nextTask(db, { projectId: access.project.id, userId: access.userId, kind: kind ?? 'annotate' });
      if (task === undefined) return { task: null, project: { key: access.project.key, workflow: access.project.workflow } };
      return taskView(db, task, access.project);
    },
  );

  app.get(
    '/api/projects/:key/tasks',
    { schema: { tags: ['tasks'], description: "The caller's worklist in their order, and counts per status.", params: KeyParams, querystring: WorklistQuerySchema, response: { 200: WorklistSchema, 404: ErrorSchema } } },
    async (request) => {
      const { key } = request.params as { key: string };
      const query = request.query as { status?: WorklistStatus; kind?: TaskKind; limit?: number; offset?: number };
      const access = await projectAccess(db, request.auth, key);
      return worklist(db, {
        projectId: access.project.id,
        userId: access.userId,
        limit: query.limit ?? 100,
        offset: query.offset ?? 0,
        ...(query.status !== undefined ? { status: query.status } : {}),
        ...(query.kind !== undefined ? { kind: query.kind } : {}),
      });
    },
  );

  app.get('/api/tasks/:id', { schema: { tags: ['tasks'], params: IdParams, response: { 200: TaskViewSchema, 404: ErrorSchema } } }, async (request) => {
    const { task, project } = await taskAccess(db, request.auth, (request.params as { id: number }).id, 'read');
    return taskView(db, task, project);
  });

  app.put(
    '/api/tasks/:id/annotation',
    { schema: { tags: ['tasks'], description: 'Replaces the draft read (from the version loaded: a stale one gets 409).', params: IdParams, body: SaveAnnotationBody, response: { 200: Type.Object({ version: Type.Integer() }), ...errors } } },
    async (request) => {
      const { task, project, access } = await taskAccess(db, request.auth, (request.params as { id: number }).id, 'write');
      return saveAnnotation(db, { task, project, userId: access.userId, input: request.body as SaveAnnotationInput });
    },
  );

  app.post(
    '/api/tasks/:id/submit',
    { schema: { tags: ['tasks'], description: "Checks the read against the project's rules (422 ERR_RULES with the violations) and submits it; returns the next task.", params: IdParams, body: SubmitBody, response: { 200: SubmitResponse, ...errors, 422: ErrorSchema } } },
    async (request) => {
      const { task, project, access } = await taskAccess(db, request.auth, (request.params as { id: number }).id, 'write');
      const submitted = await submitTask(db, { task, project, userId: access.userId, input: request.body as SubmitInput });
      return { task: taskSummary(submitted), next: await nextView(project, access.userId, task.kind) };
    },
  );

  app.post(
    '/api/tasks/:id/skip',
    { schema: { tags: ['tasks'], description: 'Skips the task with a reason; another member takes the image when one can.', params: IdParams, body: SkipBody, response: { 200: SkipResponse, ...errors } } },
    async (request) => {
      const { task, project, access } = await taskAccess(db, request.auth, (request.params as { id: number }).id, 'write');
      const { reason } = request.body as { reason: string };
      const skipped = await skipTask(db, { task, project, userId: access.userId, reason });
      return { task: taskSummary(skipped.task), replaced: skipped.replaced, next: await nextView(project, access.userId, task.kind) };
    },
  );
}

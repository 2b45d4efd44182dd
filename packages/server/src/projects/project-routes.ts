// Projects: create (global admins), list (mine; all for admins), read (any member), change (managers),
// and the rules (read by any member: the annotation view shows them live; replaced by managers).
import type { LabelSchema } from '@cxrlab/dataset';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { projectAccess, requireManager } from '../access/project-access.js';
import { audit } from '../audit/audit.js';
import type { Project, ProjectRole, Workflow } from '../db/database.js';
import { conflict } from '../http/api-error.js';
import { ProjectKey } from '../http/schemas.js';
import { createProject } from './create-project.js';
import { LabelSchemaBody } from './label-schema-check.js';
import { listMembers } from './member-list.js';
import { PROJECT_ROLES } from './memberships.js';
import { checkRules, projectSchema } from './project-rules.js';
import { checkSetup, MAX_READERS, MAX_REVIEWERS, type ProjectTemplate } from './project-settings.js';
import { imageCounts, NO_IMAGES, projectDetail, ProjectDetailSchema, projectSummary, ProjectSummarySchema, RulesSchema } from './project-view.js';

const KeyParams = Type.Object({ key: ProjectKey });
const Readers = Type.Integer({ minimum: 1, maximum: MAX_READERS });
const Reviewers = Type.Integer({ minimum: 0, maximum: MAX_REVIEWERS });
const RulesBody = Type.Array(Type.Unknown(), { maxItems: 256 });

const NewProjectBody = Type.Object(
  {
    key: ProjectKey,
    name: Type.String({ minLength: 1, maxLength: 200 }),
    template: Type.Optional(Type.Union([Type.Literal('vindr-train'), Type.Literal('vindr-test')])),
    workflow: Type.Optional(Type.Union([Type.Literal('independent'), Type.Literal('consensus')])),
    readersPerImage: Type.Optional(Readers),
    reviewersPerImage: Type.Optional(Reviewers),
    schema: Type.Optional(LabelSchemaBody),
    rules: Type.Optional(RulesBody),
  },
  { additionalProperties: false },
);

const ProjectPatchBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    rules: Type.Optional(RulesBody),
    readersPerImage: Type.Optional(Readers),
    reviewersPerImage: Type.Optional(Reviewers),
  },
  { additionalProperties: false, minProperties: 1 },
);

const ordered = (roles: ReadonlySet<ProjectRole>): ProjectRole[] => PROJECT_ROLES.filter((r) => roles.has(r));

export async function projectRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.ctx;

  const detail = async (project: Project, roles: ReadonlySet<ProjectRole>, manager: boolean) =>
    projectDetail(project, ordered(roles), manager, (await imageCounts(db, [project.id])).get(project.id) ?? NO_IMAGES, manager ? await listMembers(db, project.id) : undefined);

  app.post('/api/projects', { config: { access: 'admin' }, schema: { tags: ['projects'], body: NewProjectBody, response: { 201: ProjectDetailSchema } } }, async (request, reply) => {
    const body = request.body as { key: string; name: string; template?: ProjectTemplate; workflow?: Workflow; readersPerImage?: number; reviewersPerImage?: number; schema?: LabelSchema; rules?: unknown[] };
    const project = await createProject(db, body, request.auth!.user.id);
    return reply.status(201).send(await detail(project, new Set(['owner']), true));
  });

  app.get('/api/projects', { schema: { tags: ['projects'], response: { 200: Type.Object({ projects: Type.Array(ProjectSummarySchema) }) } } }, async (request) => {
    const user = request.auth!.user;
    const memberships = await db.selectFrom('memberships').select(['project_id', 'role']).where('user_id', '=', user.id).where('active', '=', 1).execute();
    const roles = new Map<number, Set<ProjectRole>>();
    for (const m of memberships) roles.set(m.project_id, (roles.get(m.project_id) ?? new Set()).add(m.role));
    const admin = user.is_admin === 1;
    if (!admin && roles.size === 0) return { projects: [] };
    let query = db.selectFrom('projects').selectAll().orderBy('key');
    if (!admin) query = query.where('id', 'in', [...roles.keys()]);
    const projects = await query.execute();
    const counts = await imageCounts(db, projects.map((p) => p.id));
    return {
      projects: projects.map((p) => {
        const mine = roles.get(p.id) ?? new Set<ProjectRole>();
        return projectSummary(p, ordered(mine), admin || mine.has('owner'), counts.get(p.id) ?? NO_IMAGES);
      }),
    };
  });

  app.get('/api/projects/:key', { schema: { tags: ['projects'], params: KeyParams, response: { 200: ProjectDetailSchema } } }, async (request) => {
    const access = await projectAccess(db, request.auth, (request.params as { key: string }).key);
    return detail(access.project, access.roles, access.manager);
  });

  app.patch('/api/projects/:key', { schema: { tags: ['projects'], params: KeyParams, body: ProjectPatchBody, response: { 200: ProjectDetailSchema } } }, async (request) => {
    const access = await projectAccess(db, request.auth, (request.params as { key: string }).key);
    requireManager(access);
    const body = request.body as { name?: string; rules?: unknown[]; readersPerImage?: number; reviewersPerImage?: number };
    const { project } = access;
    const rules = body.rules === undefined ? undefined : checkRules(body.rules, projectSchema(project));
    const changesSetup = body.readersPerImage !== undefined || body.reviewersPerImage !== undefined;
    if (changesSetup) {
      checkSetup({ workflow: project.workflow, readersPerImage: body.readersPerImage ?? project.readers_per_image, reviewersPerImage: body.reviewersPerImage ?? project.reviewers_per_image });
    }
    const updated = await db.transaction().execute(async (tx) => {
      if (changesSetup) {
        const task = await tx.selectFrom('tasks').select('id').where('project_id', '=', project.id).limit(1).executeTakeFirst();
        if (task !== undefined) throw conflict('readers and reviewers per image cannot change once tasks have been assigned');
      }
      const set = {
        ...(body.name !== undefined ? { name: body.name } : {}),
        ...(rules !== undefined ? { rules_json: JSON.stringify(rules) } : {}),
        ...(body.readersPerImage !== undefined ? { readers_per_image: body.readersPerImage } : {}),
        ...(body.reviewersPerImage !== undefined ? { reviewers_per_image: body.reviewersPerImage } : {}),
      };
      await tx.updateTable('projects').set(set).where('id', '=', project.id).execute();
      await audit(tx, {
        userId: access.userId,
        projectId: project.id,
        action: 'update',
        entity: 'project',
        entityId: project.id,
        detail: { fields: Object.keys(body), before: { name: project.name, readersPerImage: project.readers_per_image, reviewersPerImage: project.reviewers_per_image }, ...(rules !== undefined ? { rules } : {}) },
      });
      return tx.selectFrom('projects').selectAll().where('id', '=', project.id).executeTakeFirstOrThrow();
    });
    return detail(updated, access.roles, access.manager);
  });

  const RulesReply = Type.Object({ rules: RulesSchema });
  app.get('/api/projects/:key/rules', { schema: { tags: ['projects'], params: KeyParams, response: { 200: RulesReply } } }, async (request) => {
    const access = await projectAccess(db, request.auth, (request.params as { key: string }).key);
    return { rules: JSON.parse(access.project.rules_json) as unknown[] };
  });

  app.put(
    '/api/projects/:key/rules',
    { schema: { tags: ['projects'], params: KeyParams, body: Type.Object({ rules: RulesBody }, { additionalProperties: false }), response: { 200: RulesReply } } },
    async (request) => {
      const access = await projectAccess(db, request.auth, (request.params as { key: string }).key);
      requireManager(access);
      const rules = checkRules((request.body as { rules: unknown[] }).rules, projectSchema(access.project));
      await db.transaction().execute(async (tx) => {
        await tx.updateTable('projects').set({ rules_json: JSON.stringify(rules) }).where('id', '=', access.project.id).execute();
        await audit(tx, { userId: access.userId, projectId: access.project.id, action: 'update-rules', entity: 'project', entityId: access.project.id, detail: { before: JSON.parse(access.project.rules_json) as unknown, after: rules } });
      });
      return { rules };
    },
  );
}

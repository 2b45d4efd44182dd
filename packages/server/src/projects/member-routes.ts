// A project's members, managed by its owners and the global admins: list, set a user's roles, remove.
// Reading roles give the user a stable pseudonym (R1, R2, ...); removing a member, or a reading role,
// re-assigns their open tasks (of that role) in the same transaction; a project never loses its last owner.
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { projectAccess, requireManager } from '../access/project-access.js';
import { audit } from '../audit/audit.js';
import type { ProjectRole, TaskKind } from '../db/database.js';
import { badRequest, notFound } from '../http/api-error.js';
import { IdParam, ProjectKey } from '../http/schemas.js';
import { reassignOpenTasks } from '../workflow/reassign.js';
import { lockProject } from '../workflow/row-locks.js';
import { listMembers, MemberSchema, RoleSchema } from './member-list.js';
import { activeRoles, ownerCount, PROJECT_ROLES, READING_ROLES, setRoles } from './memberships.js';

const MemberParams = Type.Object({ key: ProjectKey, userId: IdParam });
const RolesBody = Type.Object({ roles: Type.Array(RoleSchema, { minItems: 1, maxItems: 3, uniqueItems: true }) }, { additionalProperties: false });
const kindOf = (role: ProjectRole): TaskKind => (role === 'annotator' ? 'annotate' : 'review');
const SetRolesReply = Type.Object({ ...MemberSchema.properties, reassigned: Type.Integer(), unassigned: Type.Integer() });

export async function memberRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.ctx;

  app.get(
    '/api/projects/:key/members',
    { schema: { tags: ['members'], params: Type.Object({ key: ProjectKey }), response: { 200: Type.Object({ members: Type.Array(MemberSchema) }) } } },
    async (request) => {
      const access = await projectAccess(db, request.auth, (request.params as { key: string }).key);
      requireManager(access);
      return { members: await listMembers(db, access.project.id) };
    },
  );

  app.put('/api/projects/:key/members/:userId', { schema: { tags: ['members'], params: MemberParams, body: RolesBody, response: { 200: SetRolesReply } } }, async (request) => {
    const { key, userId } = request.params as { key: string; userId: number };
    const access = await projectAccess(db, request.auth, key);
    requireManager(access);
    const wanted = PROJECT_ROLES.filter((r) => (request.body as { roles: ProjectRole[] }).roles.includes(r));
    const user = await db.selectFrom('users').select(['id', 'disabled']).where('id', '=', userId).executeTakeFirst();
    if (user === undefined) throw notFound(`user ${userId}`);
    if (user.disabled === 1) throw badRequest(`user ${userId} is disabled`, 'params.userId');
    const { project } = access;
    const result = await db.transaction().execute(async (tx) => {
      await lockProject(tx, project.id);
      const before = await activeRoles(tx, project.id, userId);
      if (before.includes('owner') && !wanted.includes('owner') && (await ownerCount(tx, project.id)) <= 1) {
        throw badRequest(`user ${userId} is the project's last owner; make someone else an owner first`, 'body.roles');
      }
      // the reading roles given up: their open tasks go to other members, in this transaction
      const dropped = READING_ROLES.filter((r) => before.includes(r) && !wanted.includes(r));
      const { radId } = await setRoles(tx, project.id, userId, wanted);
      const moved = dropped.length > 0 ? await reassignOpenTasks(tx, { project, userId, actorId: access.userId, kinds: dropped.map(kindOf) }) : { reassigned: 0, unassigned: 0 };
      await audit(tx, { userId: access.userId, projectId: project.id, action: 'set-roles', entity: 'membership', entityId: userId, detail: { before, after: wanted, radId, ...moved } });
      return { radId, ...moved };
    });
    const member = (await listMembers(db, project.id)).find((m) => m.userId === userId)!;
    return { ...member, ...result };
  });

  app.delete(
    '/api/projects/:key/members/:userId',
    { schema: { tags: ['members'], params: MemberParams, response: { 200: Type.Object({ removed: Type.Boolean(), reassigned: Type.Integer(), unassigned: Type.Integer() }) } } },
    async (request) => {
      const { key, userId } = request.params as { key: string; userId: number };
      const access = await projectAccess(db, request.auth, key);
      requireManager(access);
      const { project } = access;
      return db.transaction().execute(async (tx) => {
        await lockProject(tx, project.id);
        const before = await activeRoles(tx, project.id, userId);
        if (before.length === 0) throw notFound(`member ${userId} of project ${project.key}`);
        if (before.includes('owner') && (await ownerCount(tx, project.id)) <= 1) {
          throw badRequest(`user ${userId} is the project's last owner; make someone else an owner first`, 'params.userId');
        }
        await tx.updateTable('memberships').set({ active: 0 }).where('project_id', '=', project.id).where('user_id', '=', userId).execute();
        const moved = await reassignOpenTasks(tx, { project, userId, actorId: access.userId });
        await audit(tx, { userId: access.userId, projectId: project.id, action: 'remove', entity: 'membership', entityId: userId, detail: { roles: before, ...moved } });
        return { removed: true, reassigned: moved.reassigned, unassigned: moved.unassigned };
      });
    },
  );
}

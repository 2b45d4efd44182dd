// Who may do what in a project. Global admins and project owners see everything; annotators their own
// tasks; reviewers the images they review. A project the caller is not a member of is "not found".
import type { Kysely } from 'kysely';
import type { Database, Project, ProjectRole } from '../db/database.js';
import { ApiError, notFound } from '../http/api-error.js';
import type { Auth } from '../context.js';

export interface ProjectAccess {
  project: Project;
  roles: ReadonlySet<ProjectRole>;
  /** Global admin or project owner: sees and manages everything in the project. */
  manager: boolean;
  userId: number;
}

export async function projectAccess(db: Kysely<Database>, auth: Auth | undefined, key: string): Promise<ProjectAccess> {
  if (auth === undefined) throw new ApiError(401, 'ERR_UNAUTHENTICATED', 'sign in first');
  return accessTo(auth, await projectWithRoles(db, auth.user.id, 'key', key), `project ${key}`);
}

export async function projectAccessById(db: Kysely<Database>, auth: Auth | undefined, projectId: number): Promise<ProjectAccess> {
  if (auth === undefined) throw new ApiError(401, 'ERR_UNAUTHENTICATED', 'sign in first');
  return accessTo(auth, await projectWithRoles(db, auth.user.id, 'id', projectId), 'project');
}

/** The project and the caller's active roles in it, in one query (one row per role, or one without). */
function projectWithRoles(db: Kysely<Database>, userId: number, by: 'key' | 'id', value: string | number) {
  return db
    .selectFrom('projects')
    .leftJoin('memberships', (join) => join.onRef('memberships.project_id', '=', 'projects.id').on('memberships.user_id', '=', userId).on('memberships.active', '=', 1))
    .selectAll('projects')
    .select('memberships.role')
    .where(`projects.${by}`, '=', value)
    .execute();
}

function accessTo(auth: Auth, rows: Array<Project & { role: ProjectRole | null }>, what: string): ProjectAccess {
  const first = rows[0];
  if (first === undefined) throw notFound(what);
  const { role: _role, ...project } = first;
  const roles = new Set(rows.flatMap((r) => (r.role === null ? [] : [r.role])));
  const admin = auth.user.is_admin === 1;
  if (!admin && roles.size === 0) throw notFound(`project ${project.key}`);
  return { project, roles, manager: admin || roles.has('owner'), userId: auth.user.id };
}

/** Throws 403 unless the caller manages the project or holds one of `roles` in it. */
export function requireRole(access: ProjectAccess, ...roles: ProjectRole[]): void {
  if (access.manager) return;
  if (roles.some((r) => access.roles.has(r))) return;
  throw new ApiError(403, 'ERR_FORBIDDEN', roles.length === 0 ? `only the project's owners may do this` : `this needs the ${roles.join(' or ')} role in project ${access.project.key}`);
}

export function requireManager(access: ProjectAccess): void {
  if (!access.manager) throw new ApiError(403, 'ERR_FORBIDDEN', `only the project's owners and administrators may do this`);
}

// What the project routes send: a project as its members see it (managers see a little more).
import type { Kysely } from 'kysely';
import { Type } from 'typebox';
import type { Database, Project, ProjectRole } from '../db/database.js';
import { LabelSchemaBody } from './label-schema-check.js';
import { MemberSchema, RoleSchema, type Member } from './member-list.js';
import { projectRules, projectSchema } from './project-rules.js';

export const ImageCountsSchema = Type.Object({ total: Type.Integer(), train: Type.Integer(), test: Type.Integer() });
export type ImageCounts = { total: number; train: number; test: number };

export const ProjectSummarySchema = Type.Object({
  key: Type.String(),
  name: Type.String(),
  workflow: Type.Union([Type.Literal('independent'), Type.Literal('consensus')]),
  readersPerImage: Type.Integer(),
  reviewersPerImage: Type.Integer(),
  myRoles: Type.Array(RoleSchema),
  /** Global admin or owner of the project. */
  manager: Type.Boolean(),
  images: ImageCountsSchema,
  createdAt: Type.String(),
});

export const RulesSchema = Type.Array(Type.Unknown());

export const ProjectDetailSchema = Type.Object({
  ...ProjectSummarySchema.properties,
  schema: LabelSchemaBody,
  rules: RulesSchema,
  /** Managers only: the seed every reader's task order is shuffled with. */
  assignmentSeed: Type.Optional(Type.Integer()),
  /** Managers only. */
  members: Type.Optional(Type.Array(MemberSchema)),
});

export function projectSummary(project: Project, myRoles: readonly ProjectRole[], manager: boolean, images: ImageCounts) {
  return {
    key: project.key,
    name: project.name,
    workflow: project.workflow,
    readersPerImage: project.readers_per_image,
    reviewersPerImage: project.reviewers_per_image,
    myRoles: [...myRoles],
    manager,
    images,
    createdAt: project.created_at,
  };
}

export function projectDetail(project: Project, myRoles: readonly ProjectRole[], manager: boolean, images: ImageCounts, members: Member[] | undefined) {
  return {
    ...projectSummary(project, myRoles, manager, images),
    schema: projectSchema(project),
    rules: projectRules(project),
    ...(manager ? { assignmentSeed: project.assignment_seed, members } : {}),
  };
}

/** Image counts by project id (projects without images are absent). */
export async function imageCounts(db: Kysely<Database>, projectIds: readonly number[]): Promise<Map<number, ImageCounts>> {
  const out = new Map<number, ImageCounts>();
  if (projectIds.length === 0) return out;
  const rows = await db
    .selectFrom('images')
    .select(['project_id', 'split', (eb) => eb.fn.countAll<number>().as('n')])
    .where('project_id', 'in', [...projectIds])
    .groupBy(['project_id', 'split'])
    .execute();
  for (const row of rows) {
    const counts = out.get(row.project_id) ?? { total: 0, train: 0, test: 0 };
    const n = Number(row.n);
    counts.total += n;
    if (row.split === 'train' || row.split === 'test') counts[row.split] += n;
    out.set(row.project_id, counts);
  }
  return out;
}

export const NO_IMAGES: ImageCounts = { total: 0, train: 0, test: 0 };

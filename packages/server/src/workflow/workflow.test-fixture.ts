// Test-only: projects, members and images inserted directly (so the workflow tests do not depend on the
// project and import routes), and a small project with signed-in members of every role.
import { defaultRules, VINDR_CXR_SCHEMA } from '@cxrlab/dataset';
import type { Kysely } from 'kysely';
import type { Database, Project, ProjectRole, Split, Workflow } from '../db/database.js';
import { now } from '../db/dialect.js';
import type { ApiClient, TestServer } from '../testing/index.js';
import { chunks } from './place-tasks.js';

export const IMAGE_WIDTH = 2048;
export const IMAGE_HEIGHT = 2500;

let projectCount = 0;

export async function insertProject(
  db: Kysely<Database>,
  options: { key?: string; workflow?: Workflow; readers?: number; reviewers?: number; seed?: number; rules?: unknown } = {},
): Promise<Project> {
  projectCount++;
  return db
    .insertInto('projects')
    .values({
      key: options.key ?? `P${projectCount}-${Math.random().toString(36).slice(2, 8).toUpperCase()}`,
      name: `project ${projectCount}`,
      workflow: options.workflow ?? 'independent',
      readers_per_image: options.readers ?? 3,
      reviewers_per_image: options.reviewers ?? (options.workflow === 'consensus' ? 2 : 0),
      schema_json: JSON.stringify(VINDR_CXR_SCHEMA),
      rules_json: JSON.stringify(options.rules ?? defaultRules(VINDR_CXR_SCHEMA)),
      assignment_seed: options.seed ?? 20221231,
      created_at: now(),
      created_by: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function addMember(db: Kysely<Database>, projectId: number, userId: number, role: ProjectRole): Promise<void> {
  await db.insertInto('memberships').values({ project_id: projectId, user_id: userId, role, active: 1, created_at: now() }).execute();
}

export async function deactivateMember(db: Kysely<Database>, projectId: number, userId: number): Promise<void> {
  await db.updateTable('memberships').set({ active: 0 }).where('project_id', '=', projectId).where('user_id', '=', userId).execute();
}

/** Inserts `count` images (anonymous ids `<prefix>000001`...) and returns their row ids in order. */
export async function insertImages(db: Kysely<Database>, projectId: number, count: number, options: { split?: Split; prefix?: string } = {}): Promise<number[]> {
  const at = now();
  const prefix = options.prefix ?? `img${projectId}-`;
  const rows = Array.from({ length: count }, (_, i) => ({
    project_id: projectId,
    image_id: `${prefix}${String(i + 1).padStart(6, '0')}`,
    split: options.split ?? ('train' as Split),
    path: `/data/${prefix}${i + 1}.dicom`,
    file_size: 1_000_000,
    width: IMAGE_WIDTH,
    height: IMAGE_HEIGHT,
    bits_stored: 12,
    photometric: 'MONOCHROME2',
    header_json: JSON.stringify({ windows: [{ name: 'Lung', center: -600, width: 1500 }], keyValues: { Modality: 'DX', ViewPosition: 'PA' } }),
    created_at: at,
  }));
  const ids: number[] = [];
  for (const batch of chunks(rows, 500)) ids.push(...(await db.insertInto('images').values(batch).returning('id').execute()).map((r) => r.id));
  return ids;
}

export interface StudyFixture {
  project: Project;
  owner: ApiClient;
  annotators: ApiClient[];
  reviewers: ApiClient[];
  /** Signed in, not a member. */
  outsider: ApiClient;
  imageIds: number[];
}

let studyCount = 0;

/** A project with an owner, `annotators` annotators, `reviewers` reviewers, an outsider and `images` images. */
export async function createStudy(
  server: TestServer,
  options: { workflow?: Workflow; readers?: number; reviewersPerImage?: number; annotators?: number; reviewers?: number; images?: number; rules?: unknown } = {},
): Promise<StudyFixture> {
  const db = server.ctx.db;
  const n = ++studyCount;
  const project = await insertProject(db, {
    key: `STUDY${n}`,
    workflow: options.workflow ?? 'independent',
    readers: options.readers ?? 3,
    ...(options.reviewersPerImage !== undefined ? { reviewers: options.reviewersPerImage } : {}),
    ...(options.rules !== undefined ? { rules: options.rules } : {}),
  });
  const owner = await server.user(`owner${n}`);
  await addMember(db, project.id, owner.userId!, 'owner');
  const annotators: ApiClient[] = [];
  for (let i = 1; i <= (options.annotators ?? 4); i++) {
    const client = await server.user(`s${n}-reader${i}`);
    await addMember(db, project.id, client.userId!, 'annotator');
    annotators.push(client);
  }
  const reviewers: ApiClient[] = [];
  for (let i = 1; i <= (options.reviewers ?? 0); i++) {
    const client = await server.user(`s${n}-reviewer${i}`);
    await addMember(db, project.id, client.userId!, 'reviewer');
    reviewers.push(client);
  }
  const outsider = await server.user(`s${n}-outsider`);
  const imageIds = await insertImages(db, project.id, options.images ?? 10, { prefix: `s${n}img` });
  return { project, owner, annotators, reviewers, outsider, imageIds };
}

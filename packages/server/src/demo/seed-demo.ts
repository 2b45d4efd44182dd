// `cxrlab serve --demo`: a small VinDr-CXR-like study to click through. Users ann1-ann3 (annotators)
// and rev1-rev2 (reviewers); DEMO-TRAIN (independent, 3 reads per image) and DEMO-TEST (consensus,
// 3 reads then 2 reviewers), owned by the first administrator, with de-identified chest radiographs
// registered and assigned through the same functions the API uses. Once: a project that exists and has
// tasks is left alone, so a restart keeps (and never duplicates) the work done on the demo.
import type { Kysely } from 'kysely';
import { audit } from '../audit/audit.js';
import { generatedPassword, passwordProblem } from '../auth/password.js';
import type { Database, Project, Split, Workflow } from '../db/database.js';
import { importImages } from '../import/import-images.js';
import { createProject } from '../projects/create-project.js';
import { activeRoles, setRoles } from '../projects/memberships.js';
import type { ProjectTemplate } from '../projects/project-settings.js';
import { StartError } from '../start/start-error.js';
import { assignProject } from '../workflow/assign.js';
import { writeDemoImages, type DemoImageCounts, type DemoImages } from './demo-images.js';
import { DEMO_USERS, ensureDemoUsers, type DemoRole, type DemoUser } from './demo-users.js';

interface DemoProjectSpec {
  key: string;
  name: string;
  template: ProjectTemplate;
  split: Split;
  /** The demo users' roles that take part. */
  roles: readonly DemoRole[];
}

export const DEMO_PROJECTS: readonly DemoProjectSpec[] = [
  { key: 'DEMO-TRAIN', name: 'Demo training split: 3 independent blinded reads per image', template: 'vindr-train', split: 'train', roles: ['annotator'] },
  { key: 'DEMO-TEST', name: 'Demo test split: 3 reads, then consensus by 2 reviewers', template: 'vindr-test', split: 'test', roles: ['annotator', 'reviewer'] },
];

export interface SeedDemoOptions {
  /** The data dir: the images are written under <dataDir>/demo-images. */
  dataDir: string;
  /** The demo users' password (default: generated, and returned when users were created with it). */
  password?: string;
  /** Owner of the demo projects (default: the first active administrator). */
  ownerId?: number;
  /** Synthetic images per split and their size (default 6 + 4, 2048 x 2048). */
  images?: DemoImageCounts;
  /** Real radiographs added to the training split (default: the shared RG1 fixture when present). */
  fixtures?: readonly string[];
}

export interface DemoProject {
  key: string;
  name: string;
  workflow: Workflow;
  readersPerImage: number;
  reviewersPerImage: number;
  images: number;
  annotateTasks: number;
  /** Set up by this call. */
  created: boolean;
}

export interface DemoSeed {
  /** Whether this call set anything up (false: the demo was there already). */
  created: boolean;
  /** The generated password of the users created now (only when no password was given). */
  generatedPassword?: string;
  users: Array<Omit<DemoUser, 'id'>>;
  projects: DemoProject[];
  /** Demo files that could not be registered, and why (none expected). */
  problems: string[];
}

export async function seedDemo(db: Kysely<Database>, options: SeedDemoOptions): Promise<DemoSeed> {
  const pending: DemoProjectSpec[] = [];
  for (const spec of DEMO_PROJECTS) if (!(await isSeeded(db, spec.key))) pending.push(spec);
  if (pending.length === 0) {
    const users = await db.selectFrom('users').select('username').where('username', 'in', DEMO_USERS.map((u) => u.username)).execute();
    const present = new Set(users.map((u) => u.username));
    return { created: false, users: DEMO_USERS.filter((u) => present.has(u.username)).map(({ username, role }) => ({ username, role, created: false })), projects: await summaries(db, new Set()), problems: [] };
  }

  if (options.password !== undefined) {
    const problem = passwordProblem(options.password);
    if (problem !== undefined) throw new StartError('ERR_DEMO_PASSWORD', `the demo users' password (CXRLAB_DEMO_PASSWORD): ${problem}`);
  }
  const ownerId = options.ownerId ?? (await firstAdmin(db));
  const password = options.password ?? generatedPassword();
  const users = await ensureDemoUsers(db, password, ownerId);
  const images = await writeDemoImages(options.dataDir, options.images, options.fixtures);
  const problems: string[] = [];
  for (const spec of pending) problems.push(...(await setUp(db, spec, users, images, ownerId)));

  const createdUsers = users.some((u) => u.created);
  return {
    created: true,
    ...(options.password === undefined && createdUsers ? { generatedPassword: password } : {}),
    users: users.map(({ username, role, created }) => ({ username, role, created })),
    projects: await summaries(db, new Set(pending.map((p) => p.key))),
    problems,
  };
}

/** A demo project is seeded once it exists and has tasks (one without: a seeding that was interrupted). */
async function isSeeded(db: Kysely<Database>, key: string): Promise<boolean> {
  const project = await db.selectFrom('projects').select('id').where('key', '=', key).executeTakeFirst();
  if (project === undefined) return false;
  const task = await db.selectFrom('tasks').select('id').where('project_id', '=', project.id).limit(1).executeTakeFirst();
  return task !== undefined;
}

async function firstAdmin(db: Kysely<Database>): Promise<number> {
  const admin = await db.selectFrom('users').select('id').where('is_admin', '=', 1).where('disabled', '=', 0).orderBy('id').limit(1).executeTakeFirst();
  if (admin === undefined) throw new Error('the demo needs an administrator to own its projects');
  return admin.id;
}

/** Creates the project (unless an interrupted seeding did), adds the members, registers and assigns the images; the problems. */
async function setUp(db: Kysely<Database>, spec: DemoProjectSpec, users: DemoUser[], images: DemoImages, ownerId: number): Promise<string[]> {
  const project: Project =
    (await db.selectFrom('projects').selectAll().where('key', '=', spec.key).executeTakeFirst()) ??
    (await createProject(db, { key: spec.key, name: spec.name, template: spec.template }, ownerId));
  for (const user of users) {
    if (!spec.roles.includes(user.role)) continue;
    await db.transaction().execute(async (tx) => {
      const before = await activeRoles(tx, project.id, user.id);
      const { radId } = await setRoles(tx, project.id, user.id, [user.role]);
      await audit(tx, { userId: ownerId, projectId: project.id, action: 'set-roles', entity: 'membership', entityId: user.id, detail: { before, after: [user.role], radId, demo: true } });
    });
  }
  const dir = spec.split === 'train' ? images.trainDir : images.testDir;
  const imported = await importImages(db, { project, paths: [dir], split: spec.split, actorId: ownerId, source: `demo: ${dir}` });
  await assignProject(db, { project, actorId: ownerId });
  return [
    ...imported.refused.map((r) => `${spec.key}: ${r.file} refused: ${r.reason}`),
    ...imported.failed.map((f) => `${spec.key}: ${f.file} failed: ${f.reason}`),
  ];
}

async function summaries(db: Kysely<Database>, createdNow: Set<string>): Promise<DemoProject[]> {
  const out: DemoProject[] = [];
  for (const spec of DEMO_PROJECTS) {
    const project = await db.selectFrom('projects').selectAll().where('key', '=', spec.key).executeTakeFirst();
    if (project === undefined) continue;
    const images = await db.selectFrom('images').select((eb) => eb.fn.countAll<number>().as('n')).where('project_id', '=', project.id).executeTakeFirstOrThrow();
    const tasks = await db.selectFrom('tasks').select((eb) => eb.fn.countAll<number>().as('n')).where('project_id', '=', project.id).where('kind', '=', 'annotate').executeTakeFirstOrThrow();
    out.push({
      key: project.key,
      name: project.name,
      workflow: project.workflow,
      readersPerImage: project.readers_per_image,
      reviewersPerImage: project.reviewers_per_image,
      images: Number(images.n),
      annotateTasks: Number(tasks.n),
      created: createdNow.has(spec.key),
    });
  }
  return out;
}

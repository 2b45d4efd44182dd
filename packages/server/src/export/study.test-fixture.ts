// Test-only: a small VinDr-like study in the state the workflow leaves it, inserted row by row (so
// these tests depend on no other feature's code):
// - TRAIN (independent, N = 3): images img-001..img-003 read by carol, alice and bob (pseudonyms R1,
//   R2, R3: deliberately not in user order), img-004 unfinished (one read submitted, one in
//   progress, one pending, one skipped by dave).
// - TEST (consensus, N = 3, M = 2): t-01 and t-02 with a final consensus, t-03 with an open one;
//   reads by alice, bob and carol; review tasks for erin and frank.
// The owner olga owns both; oscar is a member of neither. Usernames are distinctive so that tests
// can look for them in every exported file.
import { VINDR_CXR_SCHEMA } from '@cxrlab/dataset';
import type { Kysely } from 'kysely';
import type { Database, Split, TaskKind, TaskStatus } from '../db/database.js';
import { now } from '../db/dialect.js';
import type { ApiClient, TestServer } from '../testing/index.js';

export interface Read {
  globals: string[];
  boxes: Array<{ label: string; xMin: number; yMin: number; xMax: number; yMax: number }>;
}

export const box = (label: string, xMin: number, yMin: number, xMax: number, yMax: number) => ({ label, xMin, yMin, xMax, yMax });

export const TRAIN_IMAGES: Array<{ imageId: string; width: number; height: number }> = [
  // inserted in this order (not the export's order)
  { imageId: 'img-003', width: 2048, height: 2500 },
  { imageId: 'img-001', width: 2000, height: 2400 },
  { imageId: 'img-004', width: 1800, height: 2200 },
  { imageId: 'img-002', width: 3000, height: 3000 },
];

type Reader = 'carol' | 'alice' | 'bob';

/** The submitted reads of TRAIN by image and reader (carol = R1, alice = R2, bob = R3). */
export const TRAIN_READS: Record<string, Partial<Record<Reader, Read>>> = {
  'img-001': {
    carol: { globals: ['Other diseases'], boxes: [box('Cardiomegaly', 691, 1375, 1653, 1831), box('Aortic enlargement', 1264, 743, 1611, 1019)] },
    alice: { globals: ['Other diseases'], boxes: [box('Cardiomegaly', 700.5, 1380, 1650, 1840.25)] },
    bob: { globals: ['No finding'], boxes: [] },
  },
  'img-002': {
    carol: { globals: ['No finding'], boxes: [] },
    alice: { globals: ['No finding'], boxes: [] },
    bob: { globals: ['Pneumonia', 'Tuberculosis'], boxes: [box('Rib fracture', 10, 20, 30, 40), box('Nodule/Mass', 100, 200, 150, 260)] },
  },
  'img-003': {
    carol: { globals: ['Lung tumor'], boxes: [box('Nodule/Mass', 1000, 1000, 1100, 1120)] },
    alice: { globals: ['Lung tumor'], boxes: [box('Nodule/Mass', 1005, 990, 1098, 1125)] },
    bob: { globals: ['Lung tumor', 'COPD'], boxes: [box('Nodule/Mass', 1002, 1001, 1103, 1119), box('Pleural effusion', 0.25, 1500, 400, 2100.75)] },
  },
  'img-004': { carol: { globals: ['No finding'], boxes: [] } },
};

/** Reading times (ms) of TRAIN's tasks by reader, in image order img-001..img-004. */
export const TRAIN_READING_MS: Record<Reader, number[]> = { carol: [30000, 10000, 20000, 40000], alice: [5000, 7000, 9000, 0], bob: [12000, 8000, 16000, 0] };

export const TEST_IMAGES: Array<{ imageId: string; width: number; height: number }> = [
  { imageId: 't-02', width: 2100, height: 2600 },
  { imageId: 't-03', width: 2200, height: 2700 },
  { imageId: 't-01', width: 2300, height: 2800 },
];

/** TEST's consensus by image; t-03 stays open. */
export const TEST_CONSENSUS: Record<string, Read & { status: 'open' | 'final' }> = {
  't-01': { status: 'final', globals: ['Other diseases', 'Pneumonia'], boxes: [box('Consolidation', 300, 400, 900, 1200.5), box('Lung Opacity', 320, 410, 880, 1190)] },
  't-02': { status: 'final', globals: ['No finding'], boxes: [] },
  't-03': { status: 'open', globals: ['COPD'], boxes: [box('Emphysema', 10, 10, 500, 500)] },
};

export interface Study {
  db: Kysely<Database>;
  admin: ApiClient;
  owner: ApiClient;
  alice: ApiClient;
  bob: ApiClient;
  carol: ApiClient;
  dave: ApiClient;
  erin: ApiClient;
  frank: ApiClient;
  outsider: ApiClient;
  train: { id: number; key: string };
  test: { id: number; key: string };
  /** Every name and display name of every user, none of which may appear in an exported file. */
  names: string[];
}

let studies = 0;

export async function seedStudy(server: TestServer): Promise<Study> {
  const db = server.ctx.db;
  const n = ++studies;
  const u = (name: string) => server.user(`${name}-${n}`);
  const [owner, alice, bob, carol, dave, erin, frank, outsider] = await Promise.all(['owner-olga', 'dr-alice', 'dr-bob', 'dr-carol', 'dr-dave', 'senior-erin', 'senior-frank', 'outsider-oscar'].map(u)) as [ApiClient, ApiClient, ApiClient, ApiClient, ApiClient, ApiClient, ApiClient, ApiClient];
  const at = now();
  const id = (c: ApiClient) => c.userId!;

  const project = async (key: string, workflow: 'independent' | 'consensus', m: number) =>
    db.insertInto('projects').values({ key, name: `VinDr ${key}`, workflow, readers_per_image: 3, reviewers_per_image: m, schema_json: JSON.stringify(VINDR_CXR_SCHEMA), rules_json: '[]', assignment_seed: 7, created_at: at, created_by: null }).returning(['id', 'key']).executeTakeFirstOrThrow();
  const train = await project(`TRAIN${n}`, 'independent', 0);
  const test = await project(`TEST${n}`, 'consensus', 2);

  const members: Array<[{ id: number }, ApiClient, 'owner' | 'annotator' | 'reviewer']> = [
    [train, owner, 'owner'], [train, alice, 'annotator'], [train, bob, 'annotator'], [train, carol, 'annotator'], [train, dave, 'annotator'],
    [test, owner, 'owner'], [test, alice, 'annotator'], [test, bob, 'annotator'], [test, carol, 'annotator'], [test, erin, 'reviewer'], [test, frank, 'reviewer'],
  ];
  await db.insertInto('memberships').values(members.map(([p, c, role]) => ({ project_id: p.id, user_id: id(c), role, active: 1, created_at: at }))).execute();
  await db.insertInto('reader_pseudonyms').values([
    { project_id: train.id, user_id: id(carol), rad_id: 'R1', number: 1 },
    { project_id: train.id, user_id: id(alice), rad_id: 'R2', number: 2 },
    { project_id: train.id, user_id: id(bob), rad_id: 'R3', number: 3 },
    { project_id: test.id, user_id: id(alice), rad_id: 'R1', number: 1 },
    { project_id: test.id, user_id: id(bob), rad_id: 'R2', number: 2 },
    { project_id: test.id, user_id: id(carol), rad_id: 'R3', number: 3 },
  ]).execute();

  const image = async (projectId: number, split: Split, i: { imageId: string; width: number; height: number }) =>
    (await db.insertInto('images').values({ project_id: projectId, image_id: i.imageId, split, path: `/srv/private/dicom/${i.imageId}.dicom`, file_size: 1000, width: i.width, height: i.height, bits_stored: 12, photometric: 'MONOCHROME2', header_json: '{}', created_at: at }).returning('id').executeTakeFirstOrThrow()).id;
  let position = 0;
  const task = async (projectId: number, imageRow: number, user: ApiClient, kind: TaskKind, status: TaskStatus, readingMs = 0) =>
    (await db.insertInto('tasks').values({ project_id: projectId, image_id: imageRow, kind, user_id: id(user), status, position: position++, version: 1, reading_ms: readingMs, skip_reason: status === 'skipped' ? 'cannot read' : null, created_at: at, started_at: status === 'pending' ? null : at, submitted_at: status === 'submitted' ? at : null, updated_at: at }).returning('id').executeTakeFirstOrThrow()).id;
  const annotate = async (taskId: number, imageRow: number, read: Read) => {
    const rows = [
      ...read.globals.map((label) => ({ task_id: taskId, image_id: imageRow, kind: 'global' as const, label, x_min: null, y_min: null, x_max: null, y_max: null })),
      ...read.boxes.map((b) => ({ task_id: taskId, image_id: imageRow, kind: 'local' as const, label: b.label, x_min: b.xMin, y_min: b.yMin, x_max: b.xMax, y_max: b.yMax })),
    ];
    if (rows.length > 0) await db.insertInto('annotations').values(rows).execute();
  };

  const readers: Record<Reader, ApiClient> = { carol, alice, bob };
  const order = ['img-001', 'img-002', 'img-003', 'img-004'];
  for (const i of TRAIN_IMAGES) {
    const row = await image(train.id, 'train', i);
    // bob's reads are inserted first: the export must sort readers by pseudonym, not by insertion
    for (const name of ['bob', 'carol', 'alice'] as const) {
      const read = TRAIN_READS[i.imageId]![name];
      const ms = TRAIN_READING_MS[name][order.indexOf(i.imageId)]!;
      if (read !== undefined) await annotate(await task(train.id, row, readers[name], 'annotate', 'submitted', ms), row, read);
      else if (name === 'alice') await annotate(await task(train.id, row, alice, 'annotate', 'in_progress', ms), row, { globals: ['COPD'], boxes: [] });
      else await task(train.id, row, readers[name], 'annotate', 'pending', ms);
    }
    if (i.imageId === 'img-004') await task(train.id, row, dave, 'annotate', 'skipped');
  }

  for (const i of TEST_IMAGES) {
    const row = await image(test.id, 'test', i);
    for (const name of ['alice', 'bob', 'carol'] as const) await annotate(await task(test.id, row, readers[name], 'annotate', 'submitted', 1000), row, { globals: ['No finding'], boxes: [] });
    const c = TEST_CONSENSUS[i.imageId]!;
    await db.insertInto('consensus').values({ image_id: row, project_id: test.id, version: 3, status: c.status, updated_by: id(erin), updated_at: at }).execute();
    const rows = [
      ...c.globals.map((label) => ({ image_id: row, kind: 'global' as const, label, x_min: null, y_min: null, x_max: null, y_max: null })),
      ...c.boxes.map((b) => ({ image_id: row, kind: 'local' as const, label: b.label, x_min: b.xMin, y_min: b.yMin, x_max: b.xMax, y_max: b.yMax })),
    ];
    await db.insertInto('consensus_annotations').values(rows).execute();
    for (const reviewer of [erin, frank]) await task(test.id, row, reviewer, 'review', c.status === 'final' ? 'submitted' : 'in_progress');
  }

  const users = await db.selectFrom('users').select(['username', 'display_name']).execute();
  return { db, admin: server.admin, owner, alice, bob, carol, dave, erin, frank, outsider, train, test, names: users.flatMap((x) => [x.username, x.display_name]) };
}

// Test-only: a consensus project in the state the workflow leaves it after the reads (rows inserted
// directly, so these tests do not depend on the assignment code). Image A has three submitted reads
// (by alice, bob and carol, whose pseudonyms are R2, R1 and R3), an unfinished read by dave (R4), an
// open consensus at version 0 and two review tasks (reviewer1, reviewer2). Image B has one submitted
// read by erin (R5) and one review task (otherReviewer). Plus the project's owner and an outsider.
import { defaultRules, VINDR_CXR_SCHEMA } from '@cxrlab/dataset';
import type { Kysely } from 'kysely';
import type { Database, TaskStatus } from '../db/database.js';
import { now } from '../db/dialect.js';
import type { ApiClient, TestServer } from '../testing/index.js';
import type { ConsensusContent } from './consensus-content.js';

export const IMAGE_WIDTH = 2000;
export const IMAGE_HEIGHT = 2500;

/** The reads of image A as inserted, by reader name. */
export const READS: Record<'alice' | 'bob' | 'carol' | 'dave', ConsensusContent> = {
  alice: {
    globals: ['Pneumonia', 'Other diseases'],
    boxes: [
      { label: 'Nodule/Mass', xMin: 100, yMin: 120, xMax: 300.5, yMax: 310 },
      { label: 'Pleural effusion', xMin: 1500, yMin: 1800, xMax: 1900, yMax: 2400 },
    ],
  },
  bob: { globals: ['Pneumonia'], boxes: [{ label: 'Nodule/Mass', xMin: 110, yMin: 90, xMax: 310, yMax: 290 }] },
  carol: { globals: ['No finding'], boxes: [] },
  dave: { globals: ['COPD'], boxes: [{ label: 'Emphysema', xMin: 10, yMin: 10, xMax: 500, yMax: 500 }] },
};

export interface ReviewFixture {
  db: Kysely<Database>;
  project: { id: number; key: string };
  owner: ApiClient;
  admin: ApiClient;
  reviewer1: ApiClient;
  reviewer2: ApiClient;
  /** Reviews image B only. */
  otherReviewer: ApiClient;
  alice: ApiClient;
  bob: ApiClient;
  carol: ApiClient;
  /** Reads image A, not submitted yet. */
  dave: ApiClient;
  /** Reads image B only. */
  erin: ApiClient;
  /** A user who is not a member of the project. */
  outsider: ApiClient;
  image: { id: number; imageId: string };
  otherImage: { id: number; imageId: string };
  reviewTask1: number;
  reviewTask2: number;
  otherReviewTask: number;
  /** Annotate task ids on image A by reader name. */
  annotateTasks: Record<'alice' | 'bob' | 'carol' | 'dave', number>;
  /** Every client whose user reads image A (their user names must never reach a reviewer). */
  readersOfImage: ApiClient[];
}

let projects = 0;

export async function buildReviewFixture(server: TestServer, prefix: string, options: { rules?: unknown[] } = {}): Promise<ReviewFixture> {
  const db = server.ctx.db;
  const at = now();
  const u = (name: string) => server.user(`${prefix}.${name}`);
  const [owner, reviewer1, reviewer2, otherReviewer, alice, bob, carol, dave, erin, outsider] = await Promise.all(
    ['owner', 'reviewer1', 'reviewer2', 'reviewer3', 'alice', 'bob', 'carol', 'dave', 'erin', 'outsider'].map(u),
  ) as [ApiClient, ApiClient, ApiClient, ApiClient, ApiClient, ApiClient, ApiClient, ApiClient, ApiClient, ApiClient];
  const key = `REV${++projects}${prefix.toUpperCase().replace(/[^A-Z0-9]/g, '')}`.slice(0, 32);
  const project = await db
    .insertInto('projects')
    .values({
      key,
      name: `Review test ${prefix}`,
      workflow: 'consensus',
      readers_per_image: 3,
      reviewers_per_image: 2,
      schema_json: JSON.stringify(VINDR_CXR_SCHEMA),
      rules_json: JSON.stringify(options.rules ?? defaultRules(VINDR_CXR_SCHEMA)),
      assignment_seed: 7,
      created_at: at,
      created_by: server.admin.userId!,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const member = (client: ApiClient, role: 'owner' | 'annotator' | 'reviewer') => ({ project_id: project.id, user_id: client.userId!, role, active: 1, created_at: at });
  await db
    .insertInto('memberships')
    .values([
      member(owner, 'owner'),
      ...[reviewer1, reviewer2, otherReviewer].map((c) => member(c, 'reviewer')),
      ...[alice, bob, carol, dave, erin].map((c) => member(c, 'annotator')),
    ])
    .execute();
  const pseudonyms: [ApiClient, string][] = [[bob, 'R1'], [alice, 'R2'], [carol, 'R3'], [dave, 'R4'], [erin, 'R5']];
  await db.insertInto('reader_pseudonyms').values(pseudonyms.map(([c, rad]) => ({ project_id: project.id, user_id: c.userId!, rad_id: rad, number: Number(rad.slice(1)) }))).execute();

  const insertImage = (imageId: string) =>
    db
      .insertInto('images')
      .values({
        project_id: project.id,
        image_id: imageId,
        split: 'test',
        path: `/data/${imageId}.dicom`,
        file_size: 1234,
        width: IMAGE_WIDTH,
        height: IMAGE_HEIGHT,
        bits_stored: 12,
        photometric: 'MONOCHROME2',
        header_json: JSON.stringify({ windows: [{ name: 'Lung', center: -600, width: 1500 }, { name: 'Broken', center: 40, width: 0 }], keyValues: { Modality: 'DX' } }),
        created_at: at,
      })
      .returning(['id', 'image_id'])
      .executeTakeFirstOrThrow();
  const imageRow = await insertImage(`${prefix}a0f3c1d2e9b8`);
  const otherRow = await insertImage(`${prefix}b7e6d5c4b3a2`);

  const insertTask = async (imageRowId: number, kind: 'annotate' | 'review', client: ApiClient, status: TaskStatus, position: number) =>
    (
      await db
        .insertInto('tasks')
        .values({
          project_id: project.id,
          image_id: imageRowId,
          kind,
          user_id: client.userId!,
          status,
          position,
          version: status === 'submitted' ? 3 : 1,
          reading_ms: 1000,
          skip_reason: null,
          created_at: at,
          started_at: at,
          submitted_at: status === 'submitted' ? at : null,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const insertRead = async (taskId: number, imageRowId: number, read: ConsensusContent) => {
    const rows = [
      ...read.globals.map((label) => ({ task_id: taskId, image_id: imageRowId, kind: 'global' as const, label, x_min: null, y_min: null, x_max: null, y_max: null })),
      ...read.boxes.map((b) => ({ task_id: taskId, image_id: imageRowId, kind: 'local' as const, label: b.label, x_min: b.xMin, y_min: b.yMin, x_max: b.xMax, y_max: b.yMax })),
    ];
    if (rows.length > 0) await db.insertInto('annotations').values(rows).execute();
  };
  // Inserted in the order alice, bob, carol: the review view must order by pseudonym, not by task.
  const annotateTasks = {
    alice: await insertTask(imageRow.id, 'annotate', alice, 'submitted', 0),
    bob: await insertTask(imageRow.id, 'annotate', bob, 'submitted', 1),
    carol: await insertTask(imageRow.id, 'annotate', carol, 'submitted', 0),
    dave: await insertTask(imageRow.id, 'annotate', dave, 'in_progress', 0),
  };
  for (const name of ['alice', 'bob', 'carol', 'dave'] as const) await insertRead(annotateTasks[name], imageRow.id, READS[name]);
  const erinTask = await insertTask(otherRow.id, 'annotate', erin, 'submitted', 0);
  await insertRead(erinTask, otherRow.id, { globals: ['Tuberculosis'], boxes: [] });

  await db
    .insertInto('consensus')
    .values([imageRow, otherRow].map((img) => ({ image_id: img.id, project_id: project.id, version: 0, status: 'open' as const, updated_by: null, updated_at: at })))
    .execute();
  const reviewTask1 = await insertTask(imageRow.id, 'review', reviewer1, 'pending', 0);
  const reviewTask2 = await insertTask(imageRow.id, 'review', reviewer2, 'pending', 0);
  const otherReviewTask = await insertTask(otherRow.id, 'review', otherReviewer, 'pending', 0);

  return {
    db,
    project: { id: project.id, key },
    owner,
    admin: server.admin,
    reviewer1,
    reviewer2,
    otherReviewer,
    alice,
    bob,
    carol,
    dave,
    erin,
    outsider,
    image: { id: imageRow.id, imageId: imageRow.image_id },
    otherImage: { id: otherRow.id, imageId: otherRow.image_id },
    reviewTask1,
    reviewTask2,
    otherReviewTask,
    annotateTasks,
    readersOfImage: [alice, bob, carol, dave],
  };
}

/** The audit rows of a project with one action, oldest first, their detail parsed. */
export async function auditRows(db: Kysely<Database>, projectId: number, action: string) {
  const rows = await db.selectFrom('audit_log').selectAll().where('project_id', '=', projectId).where('action', '=', action).orderBy('id').execute();
  return rows.map((r) => ({ ...r, detail: JSON.parse(r.detail_json) as Record<string, unknown> }));
}

// The load test's database, per dialect, seeded straight through @cxrlab/server's functions and timed:
//  users      an administrator and BIG.annotators annotators (one scrypt hash, reused: hashing 51 times
//             would only cost seconds), inserted in one statement
//  project    createProject (VinDr train template: independent, N = 3, VINDR_CXR_SCHEMA, defaultRules),
//             every annotator added with setRoles (pseudonyms R1..), plus the empty project IMPORT.live
//             that the import-under-load phase fills
//  images     BIG.images rows pointing at the POOL files in turn (header values read from each file as
//             the import does), batches of 1000 rows, one transaction each
//  assignment assignProject (the real one: planner + shuffled per-reader order) -> images x N tasks
// Kept between runs while its manifest (sizes, pool files, this file, sha256 of packages/server/src) matches and
// the database still has those counts. The load changes task states: resetTasks() puts every task of
// the project back to pending, version 0, and deletes the annotations, before each run.
import { createHash } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { VINDR_CXR_SCHEMA } from '@cxrlab/dataset';
import { sourceFingerprint } from '../machine-info.mjs';
import { BIG, IMPORT, ROOT, serverModule } from './config.mjs';
import { dropPlace, openPlace } from './databases.mjs';

export const PASSWORD = 'bench-password-0123';
export const ADMIN = 'bench-admin';
export const annotatorName = (i) => `reader${String(i + 1).padStart(3, '0')}`;

const { hashPassword } = await serverModule('auth/password.js');
const { createProject } = await serverModule('projects/create-project.js');
const { setRoles } = await serverModule('projects/memberships.js');
const { assignProject } = await serverModule('workflow/assign.js');
const { readImageHeader } = await serverModule('images/index.js');

const md5 = (s) => createHash('md5').update(s).digest('hex');
const manifestPath = (p) => `${p.dataDir}.manifest.json`;
const count = async (db, table, projectId) => Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).where('project_id', '=', projectId).executeTakeFirstOrThrow()).n);
const timed = async (work) => {
  const t0 = performance.now();
  const value = await work();
  return { value, seconds: (performance.now() - t0) / 1000 };
};

/** The big project of `p` (seeding it when needed): { projectId, liveProjectId, seeded: {step: seconds} | undefined, counts }. */
export async function ensureBigProject(p, pool, { reseed }) {
  const generator = md5(readFileSync(new URL(import.meta.url)));
  const want = { ...BIG, pool: pool.paths.map((f) => basename(f)), generator, server: sourceFingerprint(ROOT, ['server']).sha256 };
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(manifestPath(p), 'utf8'));
  } catch { /* none */ }
  if (!reseed && manifest && JSON.stringify(manifest.want) === JSON.stringify(want)) {
    const opened = await openPlace(p).catch(() => undefined);
    if (opened !== undefined) {
      try {
        const project = await opened.db.selectFrom('projects').select('id').where('key', '=', BIG.key).executeTakeFirst();
        const live = await opened.db.selectFrom('projects').select('id').where('key', '=', IMPORT.live).executeTakeFirst();
        if (project && live && (await count(opened.db, 'images', project.id)) === BIG.images && (await count(opened.db, 'tasks', project.id)) === BIG.images * BIG.readersPerImage) {
          return { projectId: project.id, liveProjectId: live.id, seeded: undefined, counts: manifest.counts };
        }
      } finally {
        await opened.close();
      }
    }
  }
  await dropPlace(p);
  const opened = await openPlace(p);
  try {
    const out = await seed(opened.db, pool);
    writeFileSync(manifestPath(p), JSON.stringify({ want, counts: out.counts, seeded: out.seeded }, null, 1));
    return out;
  } finally {
    await opened.close();
  }
}

async function seed(db, pool) {
  const seeded = {};
  const at = new Date().toISOString();
  const users = await timed(async () => {
    const hash = await hashPassword(PASSWORD);
    const rows = [{ username: ADMIN, display_name: 'Bench administrator', password_hash: hash, is_admin: 1, disabled: 0, created_at: at }];
    for (let i = 0; i < BIG.annotators; i++) rows.push({ username: annotatorName(i), display_name: `Reader ${i + 1}`, password_hash: hash, is_admin: 0, disabled: 0, created_at: at });
    const ids = await db.insertInto('users').values(rows).returning(['id', 'username']).execute();
    return { adminId: ids.find((r) => r.username === ADMIN).id, annotatorIds: ids.filter((r) => r.username !== ADMIN).map((r) => r.id) };
  });
  seeded.users = users.seconds;
  const { adminId, annotatorIds } = users.value;

  const project = await timed(async () => {
    const big = await createProject(db, { key: BIG.key, name: 'bench: 100,000 images x 3 reads', template: 'vindr-train', schema: VINDR_CXR_SCHEMA }, adminId);
    await db.transaction().execute(async (tx) => {
      for (const id of annotatorIds) await setRoles(tx, big.id, id, ['annotator']);
    });
    const live = await createProject(db, { key: IMPORT.live, name: 'bench: import while labelling', template: 'vindr-train' }, adminId);
    return { big, live };
  });
  seeded.project = project.seconds;
  const { big, live } = project.value;

  const images = await timed(async () => {
    const headers = [];
    for (const path of pool.paths) {
      const h = await readImageHeader(path);
      headers.push({ path, file_size: statSync(path).size, width: h.width, height: h.height, bits_stored: h.bitsStored, photometric: h.photometric,
        header_json: JSON.stringify({ windows: h.windows, keyValues: h.keyValues, transferSyntaxUid: h.transferSyntaxUid }) });
    }
    for (let start = 0; start < BIG.images; start += 1000) {
      const rows = [];
      for (let i = start; i < Math.min(BIG.images, start + 1000); i++) {
        rows.push({ project_id: big.id, image_id: md5(`cxrlab-bench-${i}`), split: 'train', ...headers[i % headers.length], created_at: at });
      }
      await db.transaction().execute((tx) => tx.insertInto('images').values(rows).execute());
    }
  });
  seeded.images = images.seconds;

  const assigned = await timed(() => assignProject(db, { project: big, actorId: adminId }));
  seeded.assignment = assigned.seconds;
  if (assigned.value.created !== BIG.images * BIG.readersPerImage) throw new Error(`assignProject created ${assigned.value.created} tasks, expected ${BIG.images * BIG.readersPerImage}`);
  const per = assigned.value.perReader.map((r) => r.count);
  const counts = { users: annotatorIds.length + 1, images: BIG.images, tasks: assigned.value.created, perReaderMin: Math.min(...per), perReaderMax: Math.max(...per), shortfall: assigned.value.shortfall };
  return { projectId: big.id, liveProjectId: live.id, seeded, counts };
}

/**
 * Puts the load project back as seeded: every task pending at version 0 with no annotations; and the
 * LIVE project without images (left by a previous import-under-load). Returns { tasks, annotations, images, seconds }.
 */
export async function resetProject(p, projectId, liveProjectId) {
  const t0 = performance.now();
  const opened = await openPlace(p);
  try {
    return await opened.db.transaction().execute(async (tx) => {
      const tasks = await tx.updateTable('tasks')
        .set((eb) => ({ status: 'pending', version: 0, reading_ms: 0, skip_reason: null, started_at: null, submitted_at: null, updated_at: eb.ref('created_at') }))
        .where('project_id', '=', projectId).where((eb) => eb.or([eb('status', '!=', 'pending'), eb('version', '!=', 0)])).executeTakeFirst();
      const annotations = await tx.deleteFrom('annotations').executeTakeFirst();
      const images = await tx.deleteFrom('images').where('project_id', '=', liveProjectId).executeTakeFirst();
      await tx.deleteFrom('import_runs').where('project_id', '=', liveProjectId).execute();
      return { tasks: Number(tasks.numUpdatedRows), annotations: Number(annotations.numDeletedRows), images: Number(images.numDeletedRows), seconds: (performance.now() - t0) / 1000 };
    });
  } finally {
    await opened.close();
  }
}

// Export of a finished VinDr-train-like project: EXPORT.images images x 3 submitted reads (a database
// made again each run). Seeded through the package functions (createProject, setRoles, assignProject
// with 17 annotators, as VinDr-CXR had 17 radiologists), then in bulk: every task submitted, and its
// read written as annotation rows, seeded: on EXPORT.abnormal of the images every read has 1-2 global
// labels and 1-4 boxes (mean 2.3) with random local labels; the other reads are 'No finding' alone.
// Timed: buildExport (in this process, files in memory, per format) and the export command as a whole
// process (spawn to exit: it opens the database, reads, writes the numbered snapshot durably). The
// counts it reports (images, reads, boxes) must equal what was seeded, else the row is an error.
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { VINDR_CXR_SCHEMA } from '@cxrlab/dataset';
import { randomGenerator } from '@cxrlab/dicom';
import { EXPORT, serverModule } from './config.mjs';
import { exportCommand, runTimed } from './commands.mjs';
import { dropPlace, openPlace, place } from './databases.mjs';
import { waitForIdle } from './cpu.mjs';
import { progress } from './progress.mjs';

const { createProject } = await serverModule('projects/create-project.js');
const { setRoles } = await serverModule('projects/memberships.js');
const { assignProject } = await serverModule('workflow/assign.js');
const { buildExport } = await serverModule('export/index.js');

const RADIOLOGISTS = 17;
const LOCAL = VINDR_CXR_SCHEMA.labels.filter((l) => l.kind === 'local').map((l) => l.name);
const GLOBAL = VINDR_CXR_SCHEMA.labels.filter((l) => l.kind === 'global' && l.name !== VINDR_CXR_SCHEMA.noFinding).map((l) => l.name);

const random = randomGenerator;

async function seed(db, pool) {
  const t0 = performance.now();
  const at = new Date().toISOString();
  const users = [{ username: 'bench-admin', display_name: 'Bench administrator', password_hash: 'x', is_admin: 1, disabled: 0, created_at: at }];
  for (let i = 0; i < RADIOLOGISTS; i++) users.push({ username: `rad${i + 1}`, display_name: `Radiologist ${i + 1}`, password_hash: 'x', is_admin: 0, disabled: 0, created_at: at });
  const ids = await db.insertInto('users').values(users).returning(['id', 'username']).execute();
  const adminId = ids.find((u) => u.username === 'bench-admin').id;
  const project = await createProject(db, { key: EXPORT.key, name: 'bench: export', template: 'vindr-train' }, adminId);
  await db.transaction().execute(async (tx) => {
    for (const u of ids) if (u.id !== adminId) await setRoles(tx, project.id, u.id, ['annotator']);
  });
  const header = { path: pool.paths[0], file_size: statSync(pool.paths[0]).size, width: 2048, height: 2048, bits_stored: 12, photometric: 'MONOCHROME2', header_json: '{"windows":[],"keyValues":{}}' };
  for (let start = 0; start < EXPORT.images; start += 1000) {
    const rows = [];
    for (let i = start; i < Math.min(EXPORT.images, start + 1000); i++) rows.push({ project_id: project.id, image_id: createHash('md5').update(`cxrlab-bench-export-${i}`).digest('hex'), split: 'train', ...header, created_at: at });
    await db.transaction().execute((tx) => tx.insertInto('images').values(rows).execute());
  }
  const assigned = await assignProject(db, { project, actorId: adminId });
  await db.updateTable('tasks').set({ status: 'submitted', version: 1, started_at: at, submitted_at: at, updated_at: at, reading_ms: 45_000 }).where('project_id', '=', project.id).execute();

  const rand = random(EXPORT.seed);
  const abnormal = new Map();
  // in image order, then task id: the same reads on both dialects, whatever the assignment's seed
  const tasks = await db.selectFrom('tasks').select(['id', 'image_id']).where('project_id', '=', project.id).orderBy('image_id').orderBy('id').execute();
  const expected = { images: EXPORT.images, reads: tasks.length, boxes: 0, globalLabels: 0, tasks: assigned.created };
  let rows = [];
  const flush = async () => {
    if (rows.length === 0) return;
    const batch = rows;
    rows = [];
    await db.transaction().execute((tx) => tx.insertInto('annotations').values(batch).execute());
  };
  for (const task of tasks) {
    if (!abnormal.has(task.image_id)) abnormal.set(task.image_id, rand() < EXPORT.abnormal);
    const base = { task_id: task.id, image_id: task.image_id };
    const none = { x_min: null, y_min: null, x_max: null, y_max: null };
    if (!abnormal.get(task.image_id)) {
      rows.push({ ...base, kind: 'global', label: VINDR_CXR_SCHEMA.noFinding, ...none });
      expected.globalLabels++;
    } else {
      const globals = 1 + Math.floor(rand() * 2);
      const first = Math.floor(rand() * GLOBAL.length);
      for (let g = 0; g < globals; g++) rows.push({ ...base, kind: 'global', label: GLOBAL[(first + g) % GLOBAL.length], ...none });
      expected.globalLabels += globals;
      const u = rand();
      const boxes = u < 0.3 ? 1 : u < 0.6 ? 2 : u < 0.8 ? 3 : 4; // mean 2.3
      for (let b = 0; b < boxes; b++) {
        const x = rand() * 1600;
        const y = rand() * 1600;
        rows.push({ ...base, kind: 'local', label: LOCAL[Math.floor(rand() * LOCAL.length)], x_min: Math.round(x), y_min: Math.round(y), x_max: Math.round(x + 40 + rand() * 400), y_max: Math.round(y + 40 + rand() * 400) });
      }
      expected.boxes += boxes;
    }
    if (rows.length >= 1000) await flush();
  }
  await flush();
  return { project, expected, seconds: (performance.now() - t0) / 1000 };
}

const matches = (counts, expected) => counts.images === expected.images && counts.reads === expected.reads && counts.boxes === expected.boxes;

export async function exportPhase(dialect, pool) {
  const p = place(dialect, 'export');
  await dropPlace(p);
  let opened = await openPlace(p);
  let seeded;
  try {
    progress(`${dialect}: export data (${EXPORT.images} images x ${EXPORT.readers} reads)`);
    seeded = await seed(opened.db, pool);
  } finally {
    await opened.close();
  }
  const out = { dialect, expected: seeded.expected, seedSeconds: seeded.seconds, formats: [] };
  for (const format of EXPORT.formats) {
    progress(`${dialect}: export ${format}`);
    // in this process: the database read and the files made in memory (no snapshot written)
    opened = await openPlace(p);
    let inProcess;
    try {
      const t0 = performance.now();
      const built = await buildExport(opened.db, seeded.project, format);
      inProcess = { seconds: (performance.now() - t0) / 1000, counts: built.counts, bytes: built.files.reduce((n, f) => n + Buffer.byteLength(f.content), 0), files: built.files.length };
    } finally {
      await opened.close();
    }
    const command = exportCommand(p, EXPORT.key, format);
    const idle = await waitForIdle({ maxSeconds: 10, label: `${dialect} export ${format}: ` });
    let run;
    try {
      run = await runTimed(command);
    } catch (error) {
      out.formats.push({ format, command: command.display, inProcess, process: { seconds: undefined, counts: {} }, ok: false, problem: error.message });
      continue;
    }
    opened = await openPlace(p);
    let row;
    try {
      row = await opened.db.selectFrom('exports').select(['number', 'counts_json']).where('format', '=', format).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    } finally {
      await opened.close();
    }
    const counts = JSON.parse(row.counts_json);
    const ok = matches(inProcess.counts, seeded.expected) && matches(counts, seeded.expected);
    out.formats.push({ format, command: command.display, inProcess, process: { seconds: run.seconds, busyBefore: idle.busy, number: row.number, counts }, ok,
      problem: ok ? undefined : `expected ${JSON.stringify(seeded.expected)}, got in-process ${JSON.stringify(inProcess.counts)}, process ${JSON.stringify(counts)}` });
  }
  return out;
}

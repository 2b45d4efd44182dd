// One dialect's load test on the big project (./seed-project.mjs), the server in a child process:
//  1. reset the task states; touch the POOL files (a new mtime is a new ETag: the server's image cache
//     misses), start the server
//  2. cold/warm image fetch: the administrator fetches each POOL file's pixels once (rendered from the
//     DICOM: cold), then again (from the cache: warm), one request at a time
//  3. READERS annotators sign in (POST /api/auth/login), then readers (./readers.mjs) for a warm-up of
//     WARMUP s (not reported), then DURATION s: the load figures
//  4. the same readers without the pixel fetch (next -> save -> submit) for DURATION / 2 s: what the
//     database paths cost when the image transfers do not share the server (a diagnostic phase)
//  5. paced: the same loop with a pause after each submit (exponential, mean THINK_MS; a radiologist
//     needs 30 s or more per image), PACED_DURATION s (--paced, default 90): the latency a reader sees on a server that is busy
//     but not saturated (the phases before are closed loops with no pause: their latencies are the
//     queue of 50 callers, mean latency = 50 / requests per second)
//  6. the paced readers going on WHILE the import command registers IMPORT.files new files into project
//     IMPORT.live of the same database (a separate process, as an administrator would run it): the
//     figures of the import's duration (to set beside 5), and the import's own time under load
//  7. stop the server; every acknowledged submit must be a submitted task in the database
import { utimesSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { BIG, DURATION, IMPORT, PACED_DURATION, POOL, READERS, THINK_MS } from './config.mjs';
import { importCommand, runTimed } from './commands.mjs';
import { openPlace, place } from './databases.mjs';
import { login } from './http-client.mjs';
import { lastImportRun } from './import-phase.mjs';
import { progress } from './progress.mjs';
import { Recorder, percentiles, runReaders } from './readers.mjs';
import { ADMIN, PASSWORD, annotatorName, ensureBigProject, resetProject } from './seed-project.mjs';
import { cpuMeter, waitForIdle } from './cpu.mjs';
import { startServerChild } from './server-process.mjs';

const WARMUP = Math.min(3, Math.max(1, DURATION / 10));
const after = (seconds) => new Promise((resolve) => setTimeout(resolve, seconds * 1000));

/** This process's event-loop delay: a late load generator would inflate the latencies it measures. */
const generatorLag = monitorEventLoopDelay({ resolution: 5 });
generatorLag.enable();

/** Starts measuring a phase; the result, called at its end, gives { cpu, lag: { server, generator } } (delays in ms). */
async function startMeter(server) {
  await server.lag();
  generatorLag.reset();
  const cpu = cpuMeter(server.pid);
  return async () => {
    const out = { cpu: cpu(), lag: { server: await server.lag(), generator: { p50: generatorLag.percentile(50) / 1e6, p99: generatorLag.percentile(99) / 1e6, max: generatorLag.max / 1e6 } } };
    generatorLag.reset();
    return out;
  };
}

async function imageRows(p, projectId) {
  const opened = await openPlace(p);
  try {
    return await opened.db.selectFrom('images').select(['id', 'path']).where('project_id', '=', projectId).orderBy('id').limit(POOL.files).execute();
  } finally {
    await opened.close();
  }
}

async function submittedTasks(p, projectId) {
  const opened = await openPlace(p);
  try {
    const row = await opened.db.selectFrom('tasks').select((eb) => eb.fn.countAll().as('n')).where('project_id', '=', projectId).where('status', '=', 'submitted').executeTakeFirstOrThrow();
    return Number(row.n);
  } finally {
    await opened.close();
  }
}

export async function loadPhase(dialect, pool, importFiles, { reseed }) {
  const p = place(dialect, 'big');
  progress(`${dialect}: the big project (${BIG.images} images x ${BIG.readersPerImage} reads)`);
  const seeded = await ensureBigProject(p, pool, { reseed });
  const reset = await resetProject(p, seeded.projectId, seeded.liveProjectId);
  const rows = await imageRows(p, seeded.projectId);
  const now = new Date();
  for (const path of new Set(rows.map((r) => r.path))) utimesSync(path, now, now);

  const server = await startServerChild(p);
  const out = { dialect, seeded, reset, phases: {} };
  try {
    const admin = await login(server.url, ADMIN, PASSWORD);
    progress(`${dialect}: cold and warm image fetches (${rows.length})`);
    for (const pass of ['cold', 'warm']) {
      const ms = [];
      for (const row of rows) {
        const r = await admin.get(`/api/images/${row.id}/pixels`, { discard: true });
        if (r.status !== 200) throw new Error(`GET /api/images/${row.id}/pixels as the administrator: ${r.status} ${r.body?.toString().slice(0, 200)}`);
        ms.push(r.ms);
        out.pixelBytes = r.bytes;
      }
      out[pass] = { n: ms.length, ...percentiles(ms) };
    }

    progress(`${dialect}: ${READERS} readers sign in`);
    const t0 = performance.now();
    const sessions = await Promise.all(Array.from({ length: READERS }, (_, i) => login(server.url, annotatorName(i), PASSWORD)));
    out.loginSeconds = (performance.now() - t0) / 1000;

    const run = async (name, seconds, options) => {
      const idle = await waitForIdle({ label: `${dialect} ${name}: ` });
      const meter = await startMeter(server);
      const rec = new Recorder(name);
      await runReaders(sessions, BIG.key, rec, after(seconds), options);
      return { ...rec.summary(), ...(await meter()), exhausted: rec.exhausted ?? 0, idleBefore: idle };
    };
    progress(`${dialect}: warm-up ${WARMUP} s`);
    out.phases.warmup = await run('warm-up', WARMUP);
    progress(`${dialect}: load ${DURATION} s`);
    out.phases.load = await run('load', DURATION);
    progress(`${dialect}: load without images ${DURATION / 2} s`);
    out.phases.api = await run('no images', DURATION / 2, { images: false });
    // paced, then (the readers going on) paced while the import runs: one run of the readers, two recorders
    progress(`${dialect}: paced load ${PACED_DURATION} s (think ${THINK_MS / 1000} s), then while importing ${importFiles.paths.length} files`);
    const idle = await waitForIdle({ label: `${dialect} paced: ` });
    const command = importCommand(p, importFiles.dir, IMPORT.live);
    const paced = new Recorder('paced');
    let during;
    const ref = { current: paced };
    let meter = await startMeter(server);
    let pacedMeter;
    let importing;
    const switched = after(PACED_DURATION).then(async () => {
      paced.end();
      ref.current = during = new Recorder('paced + import');
      pacedMeter = await meter();
      meter = await startMeter(server);
      importing = runTimed(command);
      return importing.then(() => undefined, () => undefined);
    });
    await runReaders(sessions, BIG.key, ref, switched, { thinkMs: THINK_MS });
    // requests that started before the switch count in the paced phase, also those that ended after it
    out.phases.paced = { ...paced.summary(), ...pacedMeter, exhausted: paced.exhausted ?? 0, idleBefore: idle };
    out.phases.importing = { ...during.summary(), ...(await meter()), exhausted: during.exhausted ?? 0 };
    const imported = await importing;
    const counts = await lastImportRun(p, IMPORT.live);
    out.liveImport = { command: command.display, seconds: imported.seconds, counts, ok: Number(counts.added) === importFiles.paths.length && Number(counts.failed) === 0 && Number(counts.refused) === 0 };
  } finally {
    await server.stop();
  }
  const acknowledged = Object.values(out.phases).reduce((n, ph) => n + ph.kinds.submit.n, 0);
  out.submitted = { acknowledged, inDatabase: await submittedTasks(p, seeded.projectId) };
  return out;
}

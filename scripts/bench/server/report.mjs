// The tables `npm run bench:server` prints, its targets and the Label Studio comparison, and the
// Markdown section for docs/benchmarks.md.
import { BIG, EXPORT, IMPORT, LABEL_STUDIO, POOL, QUICK, READERS, TARGETS, THINK_MS } from './config.mjs';
import { KINDS } from './readers.mjs';
import { fmt, fmtRate, log, markdownTable } from '../format.mjs';

const NAMES = { sqlite: 'SQLite', postgres: 'PostgreSQL' };
const ms = (x) => fmt(x, x !== undefined && x < 10 ? 2 : 1);
const s2 = (x) => fmt(x, 2);
const errorText = (ph) => (ph.errorCount === 0 ? '0' : `${ph.errorCount}: ${Object.entries(ph.errors).map(([k, n]) => `${k} x${n}`).join(', ')}`);
const PHASES = { load: 'closed loop', api: 'closed loop, no images', paced: 'paced', importing: 'paced, during import' };

export function printData(files, loads) {
  log('## data');
  const made = (f) => (f.seconds === undefined ? 'reused' : `made in ${f.seconds.toFixed(1)} s`);
  log(`image pool: ${files.pool.paths.length} synthetic chest radiographs, ${POOL.size} x ${POOL.size}, 12-bit, de-identified (VinDr profile), ${fmt(files.pool.bytes / 1e6, 0)} MB — ${made(files.pool)}`);
  log(`import files: ${fmt(files.import.paths.length)} de-identified ${IMPORT.size} x ${IMPORT.size} files, one SOP Instance UID each, <md5>.dicom, ${fmt(files.import.bytes / 1e6, 1)} MB — ${made(files.import)}`);
  for (const l of loads) {
    const c = l.seeded.counts;
    const seeded = l.seeded.seeded;
    log(`${NAMES[l.dialect]} load project ${BIG.key}: ${fmt(c.images)} images x ${BIG.readersPerImage} reads = ${fmt(c.tasks)} tasks, ${c.users - 1} annotators (${fmt(c.perReaderMin)}-${fmt(c.perReaderMax)} tasks each), VinDr train template — ` +
      (seeded === undefined ? 'reused (manifest matched)' : `seeded in ${fmt(Object.values(seeded).reduce((a, b) => a + b, 0), 1)} s: users ${s2(seeded.users)} s, project + memberships ${s2(seeded.project)} s, image rows ${s2(seeded.images)} s, assignProject ${s2(seeded.assignment)} s`));
    log(`  reset before the run: ${fmt(l.reset.tasks)} tasks back to pending/version 0, ${fmt(l.reset.annotations)} annotation rows and ${fmt(l.reset.images)} ${IMPORT.live} images deleted, ${s2(l.reset.seconds)} s`);
  }
  log('');
}

export function printLoad(loads) {
  log(`## load: ${READERS} readers (closed loop: no pause; paced: a pause after each submit, exponential, mean ${THINK_MS / 1000} s; then the same while ${fmt(IMPORT.files)} files are imported)`);
  markdownTable(['dialect', 'phase', 's', 'requests/s', 'reads submitted/s', 'next p50 / p99 ms', 'image p50 / p99 ms', 'save p50 / p99 ms', 'submit p50 / p99 ms', 'errors', 'server cores', 'load generator cores', 'PostgreSQL cores', 'other processes cores', 'server event-loop delay p99 / max ms', 'load generator delay p99 ms'],
    loads.flatMap((l) => Object.entries(PHASES).map(([key, name]) => {
      const ph = l.phases[key];
      const pair = (k) => `${ms(ph.kinds[k].p50)} / ${ms(ph.kinds[k].p99)}`;
      return [NAMES[l.dialect], name, fmt(ph.seconds, 1), fmtRate(ph.perSecond), fmtRate(ph.cycles / ph.seconds), pair('next'), pair('image'), pair('save'), pair('submit'), errorText(ph), s2(ph.cpu.serverCores), s2(ph.cpu.generatorCores), s2(ph.cpu.postgresCores), s2(ph.cpu.otherCores),
        `${ms(ph.lag?.server.p99)} / ${ms(ph.lag?.server.max)}`, ms(ph.lag?.generator.p99)];
    })), ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'l', 'r', 'r', 'r', 'r', 'r', 'r']);
  log('- cores: CPU seconds / wall seconds of the phase, from /proc: the server process, this process (the load generator), every');
  log('  process named postgres, and the rest of the machine (other people\'s work: figures with more than ~0.3 there are disturbed).');
  log('- event-loop delay (perf_hooks.monitorEventLoopDelay, 5 ms resolution): how late the server\'s one thread, and the load generator\'s,');
  log('  got round to a timer: the time a request can wait behind synchronous work (SQLite calls, fsync, big buffers) before it is read.');
  for (const l of loads) {
    for (const ph of Object.values(l.phases)) for (const [key, body] of Object.entries(ph.errorSamples ?? {})) log(`- ${NAMES[l.dialect]} ${ph.phase}: first ${key}: ${body}`);
  }
  log(`- closed loop: ${READERS} callers that never pause keep the server saturated, so mean latency = ${READERS} / (requests per second) (Little's law):`);
  log('  those figures measure throughput; the paced ones the latency a reader sees on a busy, not saturated, server.');
  const waits = loads.flatMap((l) => Object.values(l.phases).map((ph) => ph.idleBefore?.waited ?? 0));
  log(`- before each phase the script waits (up to 20 s; --max-wait S in all) for the machine to be idle (< 0.3 cores busy over 1 s): ${fmt(waits.reduce((a, b) => a + b, 0), 0)} s waited in all;` +
    ` phases that started busy: ${loads.flatMap((l) => Object.values(l.phases).filter((ph) => ph.idleBefore && ph.idleBefore.busy >= 0.3).map((ph) => `${NAMES[l.dialect]} ${ph.phase} (${s2(ph.idleBefore.busy)} cores)`)).join(', ') || 'none'}.`);
  log('');
  log('### latency per request kind, ms (first byte sent to last byte received, at the load generator)');
  markdownTable(['dialect', 'phase', 'kind', 'requests', 'p50', 'p95', 'p99', 'max', 'mean'],
    loads.flatMap((l) => Object.entries(PHASES).flatMap(([key, name]) => KINDS.map((k) => {
      const x = l.phases[key].kinds[k];
      return [NAMES[l.dialect], name, k, fmt(x.n), ms(x.p50), ms(x.p95), ms(x.p99), ms(x.max), ms(x.mean)];
    }))), ['l', 'l', 'l', 'r', 'r', 'r', 'r', 'r', 'r']);
  log('');
  log('### image pixels, one request at a time (the administrator; each pool file once)');
  markdownTable(['dialect', 'cold p50 ms', 'cold max ms', 'warm p50 ms', 'warm max ms', 'blob bytes (deflate)', 'sign-in of the readers s'],
    loads.map((l) => [NAMES[l.dialect], ms(l.cold.p50), ms(l.cold.max), ms(l.warm.p50), ms(l.warm.max), fmt(l.pixelBytes), s2(l.loginSeconds)]), ['l', 'r', 'r', 'r', 'r', 'r', 'r']);
  log('- cold: the first request for the file after its mtime changed (new ETag): DICOM read, modality LUT, deflate, cached on disk; warm: from that cache.');
  for (const l of loads) {
    const lost = l.submitted.acknowledged !== l.submitted.inDatabase;
    log(`- ${NAMES[l.dialect]}: ${fmt(l.submitted.acknowledged)} submits acknowledged, ${fmt(l.submitted.inDatabase)} tasks submitted in the database${lost ? ' — MISMATCH' : ''};` +
      ` warm-up ${fmt(l.phases.warmup.requests)} requests (not shown)${Object.values(l.phases).reduce((n, ph) => n + ph.exhausted, 0) > 0 ? `; readers that ran out of tasks: ${Object.values(l.phases).reduce((n, ph) => n + ph.exhausted, 0)}` : ''}.`);
  }
  log('');
}

export function printImport(imports, loads) {
  log(`## import of ${fmt(IMPORT.files)} de-identified files (whole process, spawn to exit; headers only, files registered where they are)`);
  markdownTable(['dialect', 'command', 'first run s', 'files/s', 'again s (all unchanged)', 'while 50 readers work s', 'counts'],
    imports.map((im) => {
      const [first, again] = im.runs;
      const live = loads.find((l) => l.dialect === im.dialect)?.liveImport;
      const ok = im.runs.every((r) => r.ok) && (live?.ok ?? true);
      return [NAMES[im.dialect], im.command, s2(first.seconds), fmt(im.files / first.seconds, 0), s2(again.seconds), live ? s2(live.seconds) : '—', ok ? 'as expected' : `WRONG: ${im.runs.map((r) => r.problem).filter(Boolean).join('; ')}${live && !live.ok ? ` live ${JSON.stringify(live.counts)}` : ''}`];
    }), ['l', 'l', 'r', 'r', 'r', 'r', 'l']);
  busyNote(imports.flatMap((im) => im.runs.map((r) => [`${NAMES[im.dialect]} import ${r.name}`, r.busyBefore])));
  log('');
}

function busyNote(pairs) {
  const busy = pairs.filter(([, b]) => b !== undefined && b >= 0.3);
  if (busy.length > 0) log(`- started while other work kept the CPUs busy (cores in the second before): ${busy.map(([n, b]) => `${n} (${s2(b)})`).join(', ')}.`);
}

export function printExport(exports) {
  const e = exports[0]?.expected;
  log(`## export of ${fmt(EXPORT.images)} images x ${EXPORT.readers} submitted reads (${e ? `${fmt(e.boxes)} boxes, ${fmt(e.globalLabels)} global labels` : ''}; ${EXPORT.abnormal * 100}% of images abnormal)`);
  markdownTable(['dialect', 'format', 'buildExport in process s', 'whole process s', 'files', 'bytes', 'images', 'reads', 'boxes', 'counts'],
    exports.flatMap((x) => x.formats.map((f) => [NAMES[x.dialect], f.format, s2(f.inProcess.seconds), s2(f.process.seconds), fmt(f.inProcess.files), fmt(f.inProcess.bytes), fmt(f.process.counts.images), fmt(f.process.counts.reads), fmt(f.process.counts.boxes), f.ok ? 'as seeded' : `${f.process.seconds === undefined ? 'FAILED' : 'WRONG'}: ${f.problem.split('\n')[0].slice(0, 300)}`])),
    ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'l']);
  log(`- whole process: ${exports[0]?.formats[0]?.command.replace(/ vindr$/, ' FORMAT') ?? ''} (opens the database, reads, writes the numbered snapshot durably);` +
    ' buildExport: the same read and files in memory, in this process.');
  busyNote(exports.flatMap((x) => x.formats.map((f) => [`${NAMES[x.dialect]} export ${f.format}`, f.process.busyBefore])));
  log('');
}

/** The verdicts: [{ target, [dialect]: {value, met} }]. */
export function verdicts(loads, imports, exports) {
  const rows = [
    { target: `"next task" p99 < ${TARGETS.nextP99Ms} ms, closed loop (no pause)`, unit: 'ms', limit: TARGETS.nextP99Ms, of: (d) => loads.find((l) => l.dialect === d)?.phases.load.kinds.next.p99 },
    { target: `"save annotation" p99 < ${TARGETS.saveP99Ms} ms, closed loop (no pause)`, unit: 'ms', limit: TARGETS.saveP99Ms, of: (d) => loads.find((l) => l.dialect === d)?.phases.load.kinds.save.p99 },
    { target: `"next task" p99 < ${TARGETS.nextP99Ms} ms, paced (${THINK_MS / 1000} s mean pause)`, unit: 'ms', limit: TARGETS.nextP99Ms, of: (d) => loads.find((l) => l.dialect === d)?.phases.paced.kinds.next.p99 },
    { target: `"save annotation" p99 < ${TARGETS.saveP99Ms} ms, paced (${THINK_MS / 1000} s mean pause)`, unit: 'ms', limit: TARGETS.saveP99Ms, of: (d) => loads.find((l) => l.dialect === d)?.phases.paced.kinds.save.p99 },
    { target: `import of ${fmt(IMPORT.files)} files < ${TARGETS.importSeconds} s`, unit: 's', limit: TARGETS.importSeconds, of: (d) => imports.find((i) => i.dialect === d)?.runs[0].seconds },
    { target: `export of ${fmt(EXPORT.images)} x 3 reads < ${TARGETS.exportSeconds} s (vindr, whole process)`, unit: 's', limit: TARGETS.exportSeconds, of: (d) => exports.find((x) => x.dialect === d)?.formats.find((f) => f.format === 'vindr')?.process.seconds },
  ];
  return rows.map((r) => ({ target: r.target, unit: r.unit, limit: r.limit, ...Object.fromEntries(['sqlite', 'postgres'].map((d) => {
    const value = r.of(d);
    return [d, value === undefined ? undefined : { value, met: value < r.limit }];
  })) }));
}

export function printTargets(rows) {
  log(`## targets (the issue's)${QUICK ? ' — QUICK RUN: sizes / 10, not the issue\'s sizes' : ''}`);
  const cell = (v, unit) => (v === undefined ? '—' : `${unit === 'ms' ? ms(v.value) : s2(v.value)} ${unit} ${v.met ? 'MET' : 'MISSED'}`);
  markdownTable(['target', 'SQLite', 'PostgreSQL'], rows.map((r) => [r.target, cell(r.sqlite, r.unit), cell(r.postgres, r.unit)]), ['l', 'r', 'r']);
  log('');
}

export function printLabelStudio(loads) {
  const during = (d, k) => loads.find((l) => l.dialect === d)?.phases.importing.kinds[k].p99;
  const at = (d, k) => loads.find((l) => l.dialect === d)?.phases.paced.kinds[k].p99;
  const closed = (d, k) => loads.find((l) => l.dialect === d)?.phases.load.kinds[k].p99;
  log('## against Label Studio\'s published guidance (docs/source/guide/storedata.md, "Labeling performance"; quoted, not measured: Label Studio is not installed here)');
  markdownTable(['Label Studio says', `cxrlab here (${READERS} concurrent readers, ${fmt(BIG.images * BIG.readersPerImage)} tasks)`], [
    [LABEL_STUDIO[0], `SQLite with ${fmt(BIG.images * BIG.readersPerImage)} tasks, paced: next p99 ${ms(at('sqlite', 'next'))} ms, save p99 ${ms(at('sqlite', 'save'))} ms (closed loop: ${ms(closed('sqlite', 'next'))} / ${ms(closed('sqlite', 'save'))} ms)`],
    [LABEL_STUDIO[1], `paced, during an import of ${fmt(IMPORT.files)} files: next p99 ${ms(during('sqlite', 'next'))} ms / save p99 ${ms(during('sqlite', 'save'))} ms (SQLite); ${ms(during('postgres', 'next'))} / ${ms(during('postgres', 'save'))} ms (PostgreSQL); max ${ms(Math.max(...['sqlite', 'postgres'].flatMap((d) => ['next', 'save'].map((k) => loads.find((l) => l.dialect === d)?.phases.importing.kinds[k].max ?? 0))))} ms`],
    [LABEL_STUDIO[2], `paced: PostgreSQL next p99 ${ms(at('postgres', 'next'))} ms, save p99 ${ms(at('postgres', 'save'))} ms; SQLite ${ms(at('sqlite', 'next'))} / ${ms(at('sqlite', 'save'))} ms`],
  ], ['l', 'l']);
  log('');
}

// `npm run bench:web`: the browser reading room (@cxrlab/web) in headless Chromium, measured with the app's
// own performance marks (User Timing). The code is in scripts/bench/web/ (config, seed, page-probes,
// open-phase, session-phase, wl-phase, crowd-phase, report); this file runs them in order.
//
// Set-up: a real server (startServer, in this process, SQLite in a temporary data dir, serving
// packages/web/bundle/), one annotator, BENCH: 8 synthetic 2788 x 2446 16-bit chest radiographs (VinDr's
// size), one read each; CROWD: one such image with 500 boxes seeded into the draft.
// Measures (targets from the issue):
//  (1) next task -> first full-resolution frame, not prefetched (< 300 ms): the next image's prefetch is
//      refused, so it is fetched and decoded after the click; the server's pixel cache is warm. Also: a task
//      opened in a fresh tab (navigation -> first frame), with the server's pixel cache cold, then warm.
//  (2) prefetched: submit -> next task's first frame (< 50 ms).
//  (3) window/level: the viewer's cxr:wl measure per right-drag step (< 16 ms).
//  (4) 500 boxes: rAF intervals while panning, zooming and drawing (no visible lag: p95 < 33 ms), long tasks.
// Chromium draws WebGL2 with SwiftShader (software GL, on the CPU): on a 2-core VM it shares the cores with
// the server and the page; a GPU would make the render figures much smaller. The run states the renderer.
// Options: --quick (4 images, 1 repetition: to try the script, not to quote), --json PATH. Needs
// `tsc -b` and `npm run build -w @cxrlab/web` first, and /usr/bin/chromium (scripts/setup-reference-tools.sh).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { release } from 'node:os';
import { join, relative } from 'node:path';
import { cpuModel, gitCommit, memoryGiB, sourceFingerprint } from './machine-info.mjs';
import { BENCH, CROWD, IMAGE, JSON_OUT, QUICK, READING, ROOT, TARGETS, VIEWPORT, harness } from './web/config.mjs';
import { crowdPhase } from './web/crowd-phase.mjs';
import { openPhase } from './web/open-phase.mjs';
import { glRenderer } from './web/page-probes.mjs';
import { markdownSection, printLongTasks, printResults, resultRows } from './web/report.mjs';
import { seedBench } from './web/seed.mjs';
import { sessionPhase } from './web/session-phase.mjs';
import { wlPhase } from './web/wl-phase.mjs';
import { waitForIdle } from './web/idle.mjs';
import { captureConsole, log } from './format.mjs';

const startedAt = Date.now();
// everything printed is also kept for the Markdown section's "Output of the run"
const lines = captureConsole();
const progress = (text) => process.stderr.write(`  [${((Date.now() - startedAt) / 1000).toFixed(0).padStart(4)} s] ${text}\n`);

const h = await harness();
h.requireWebBundle();
h.requireChromium();
mkdirSync(BENCH, { recursive: true });
const nproc = execFileSync('nproc', { encoding: 'utf8' }).trim();
const source = sourceFingerprint(ROOT, ['web']);
const [loadAverage] = readFileSync('/proc/loadavg', 'utf8').split(' ');

const bench = await seedBench(progress);
const browser = await h.launchBrowser();
const results = {};
const failures = [];
const busyAtStart = {};
let renderer = 'unknown';
try {
  {
    const page = await browser.newPage();
    await page.goto(`${bench.web.url}/`);
    renderer = await glRenderer(page);
    await page.close();
  }
  log('# cxrlab browser reading room benchmark (npm run bench:web)');
  log(`date: ${new Date().toISOString()}${QUICK ? ' — QUICK RUN (4 images, 1 repetition): to try the script, not to quote' : ''}`);
  log(`machine: nproc=${nproc}, CPU: ${cpuModel()}, RAM ${memoryGiB().toFixed(1)} GiB; Linux ${release()}; load average at the start ${loadAverage}`);
  log(`browser: Chromium ${browser.version()} headless, ${VIEWPORT.width} x ${VIEWPORT.height} CSS px, device pixel ratio 1; WebGL2: ${renderer} (software GL on the CPU cores: no GPU)`);
  log(`code: packages/web/src, ${source.files} .ts files, sha256 ${source.sha256}, newest change ${source.newest}; HEAD ${gitCommit(ROOT)}; node ${process.version}`);
  log(`set-up: server in this process (startServer, SQLite, pixels rendered in its worker threads); ${READING.images} images of ${IMAGE.columns} x ${IMAGE.rows} px (width x height), ${IMAGE.bitsStored}-bit; seeded in ${bench.seedSeconds.toFixed(1)} s`);
  log('');
  const attempt = async (name, work) => {
    try {
      results[name] = await work();
    } catch (error) {
      failures.push({ name, message: error.message, stack: error.stack });
      progress(`${name} FAILED: ${error.message.split('\n')[0]}`);
    }
  };
  const idle = async (name) => {
    const found = await waitForIdle(progress, { label: `${name}: ` });
    busyAtStart[name] = found.busy;
  };
  await idle('open');
  await attempt('open', () => openPhase(browser, bench, progress));
  await idle('session');
  await attempt('session', () => sessionPhase(browser, bench, progress));
  if (results.session) {
    await idle('wl');
    await attempt('wl', () => wlPhase(results.session.page, progress));
  }
  await idle('crowd');
  await attempt('crowd', async () => ({ ...(await crowdPhase(browser, bench, progress, results.session?.page)), boxes: CROWD.boxes }));
  await results.session?.context.close();
} finally {
  await browser.close();
  await bench.web.close();
}

const rows = resultRows(results);
printResults(rows);
printLongTasks(results.crowd);
if (results.session) log(`\nprefetch check: ${results.session.checks.filter((c) => c.prefetched && !c.pixelsReadyBeforeSubmit).length} prefetched transitions had no pixels ready before the submit (expected 0)`);
if (results.wl?.missed) log(`window/level: ${results.wl.missed} steps drew no cxr:wl-frame within 2 s`);
log(`CPU cores busy (whole machine, 1 s) before each phase: ${Object.entries(busyAtStart).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ')} (the script waits up to 20 s for < 0.4)`);
if (results.crowd) log(`500 boxes: ${results.crowd.boxesListed} listed in the box list on opening, ${results.crowd.boxesAfter} after the interactions`);
for (const f of failures) {
  log(`FAILED: ${f.name}: ${f.stack ?? f.message}`);
  process.exitCode = 1;
}
const total = (Date.now() - startedAt) / 1000;
log(`benchmark time: ${total.toFixed(0)} s`);
const sectionPath = join(BENCH, QUICK ? 'benchmarks-section-quick.md' : 'benchmarks-section.md');
writeFileSync(sectionPath, markdownSection('## Reading room (`npm run bench:web`)', lines));
const { page: _p, context: _c, ...session } = results.session ?? {};
writeFileSync(JSON_OUT, JSON.stringify({
  date: new Date().toISOString(), quick: QUICK, node: process.version, nproc, cpu: cpuModel(), memoryGiB: memoryGiB(), kernel: release(), chromium: renderer,
  source, commit: gitCommit(ROOT), targets: TARGETS, busyAtStart, results: { ...results, session }, rows, failures, totalSeconds: total,
}, null, 1));
log(`raw figures: ${relative(process.cwd(), JSON_OUT)}; Markdown section for docs/benchmarks.md: ${relative(process.cwd(), sectionPath)}`);

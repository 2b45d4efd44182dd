// The data of `npm run bench:dataset`, in bench-data/dataset (made once, then reused while the manifest
// matches): `cxrlab synth-release` releases (the full one and a 1-image one for the start-up rows),
// and a seeded submission for each release's test images (./submission.mjs).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { sourceFingerprint } from '../machine-info.mjs';
import { BENCH, CLI, DATA, HERE, ROOT, TINY } from './config.mjs';
import { writeSubmission } from './submission.mjs';
import { fmt, log, tail } from '../format.mjs';
import { parseCsv, progress } from '../filter/util.mjs';

const files = (dir) => (existsSync(dir) ? readdirSync(dir, { recursive: true }).map(String).filter((f) => statSync(join(dir, f)).isFile()).sort() : []);
const sizesOf = (dir) => Object.fromEntries(files(dir).map((f) => [f, statSync(join(dir, f)).size]));
const lines = (path) => parseCsv(readFileSync(path, 'utf8')).filter((r) => r.length > 1).length - 1;
const idsOf = (path) => new Set(parseCsv(readFileSync(path, 'utf8')).slice(1).filter((r) => r.length > 1).map((r) => r[0]));

/** Makes (or reuses) `name`: { dir, release, submission, made: seconds | undefined, ... }; throws on failure. */
function ensure(name, want) {
  const dir = join(BENCH, name);
  const manifestPath = join(BENCH, `${name}.manifest.json`);
  const generator = createHash('sha256').update(readFileSync(join(HERE, 'submission.mjs'))).digest('hex').slice(0, 16);
  // remade when the generator or @cxrlab/dataset (synth-release) changes: 5 s
  const wanted = { ...want, generator, dataset: sourceFingerprint(ROOT, ['dataset']).sha256 };
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  } catch { /* none */ }
  const fresh = manifest && JSON.stringify(manifest.want) === JSON.stringify(wanted) && JSON.stringify(manifest.sizes) === JSON.stringify(sizesOf(dir));
  const out = { dir, release: join(dir, 'release'), submission: join(dir, 'submission.csv') };
  if (fresh) return { ...out, ...manifest.info };
  progress(`data: cxrlab synth-release --train ${want.train} --test ${want.test} --seed ${want.seed}, and the submission`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [CLI, 'synth-release', out.release, '--train', String(want.train), '--test', String(want.test), '--seed', String(want.seed)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`cxrlab synth-release failed (exit ${r.status}): ${tail(r.stderr || r.stdout)}`);
  const { images, detections } = writeSubmission(out.release, out.submission, want.submission);
  const labelled = idsOf(join(out.release, 'annotations', 'image_labels_test.csv'));
  const annotated = idsOf(join(out.release, 'annotations', 'annotations_test.csv'));
  const info = {
    images, detections, testImages: labelled.size, withoutRows: [...labelled].filter((id) => !annotated.has(id)).length,
    rows: Object.fromEntries(files(join(out.release, 'annotations')).map((f) => [f, lines(join(out.release, 'annotations', f))])),
  };
  writeFileSync(manifestPath, JSON.stringify({ want: wanted, info, sizes: sizesOf(dir) }, null, 1));
  return { ...out, ...info, made: (performance.now() - t0) / 1000 };
}

/** Returns { full, tiny, seconds }; prints the "## data" lines. */
export function prepareData() {
  const t0 = performance.now();
  mkdirSync(BENCH, { recursive: true });
  log('## data');
  const full = ensure(`release-t${DATA.train}-s${DATA.test}-seed${DATA.seed}`, DATA);
  const tiny = ensure(`tiny-t${TINY.train}-s${TINY.test}-seed${TINY.seed}`, TINY);
  const mb = (f) => fmt(statSync(f).size / 1e6, 1);
  const csv = (f) => join(full.release, 'annotations', f);
  log(`release: cxrlab synth-release --train ${DATA.train} --test ${DATA.test} --seed ${DATA.seed} — ${full.made ? `made in ${full.made.toFixed(1)} s (with the submission)` : 'reused'} (${relative(ROOT, full.release)})`);
  log(`  ${Object.entries(full.rows).map(([f, n]) => `${f} ${fmt(n)} rows, ${mb(csv(f))} MB`).join('; ')}`);
  log(`submission: ${fmt(full.detections)} detections, ${DATA.submission.perImage} on each of ${fmt(full.images)} test images, seed ${DATA.submission.seed}, ${mb(full.submission)} MB (${relative(ROOT, full.submission)})`);
  if (full.withoutRows) {
    log(`  the release has ${fmt(full.testImages)} test images; ${full.withoutRows} of them have only global labels and no row in annotations_test.csv,`);
    log('  and the numpy reference takes its images from the ground-truth rows, so the submission covers the other ones (cxrlab eval would');
    log('  count predictions on those 16 as false positives: it lists the images from image_labels_test.csv beside --gt)');
  }
  log(`start-up rows: the same on a 1-image release (--train ${TINY.train} --test ${TINY.test}), ${fmt(tiny.detections)} detections (${relative(ROOT, tiny.dir)})`);
  return { full, tiny, seconds: (performance.now() - t0) / 1000 };
}

// The commands `npm run bench:dataset` times. Each step is one row: its command line, what its output
// must show for the run to count (step.value: what it computed, the same on every run), and its
// start-up step (the same command on the 1-image release). `pairs` compare cxrlab with its reference.
import { readFileSync, rmSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { CLI, DATA, IOU, OUT, PY, PYTHON, ROOT, TINY } from './config.mjs';
import { parseCsv } from '../filter/util.mjs';

const json = (text) => JSON.parse(text.trim().split('\n').at(-1));
const short = (args) => args.map((a) => (a.startsWith(ROOT) ? basename(a) : a)).join(' ');

/** A step running `cmd args`; `read(stdout)` returns its value (with `seconds`: {part: s} the script timed itself) or throws. */
function step(id, row, tool, cmd, args, read, { display, before, count } = {}) {
  return {
    id, row, tool, count,
    display: display ?? (tool === 'cxrlab' ? `cxrlab ${short(args.slice(1))}` : `python ${short(args)}`),
    before: before ?? (() => {}),
    commands: [[cmd, args]],
    check(r) {
      let value;
      try {
        value = read(r.stdout[0]);
      } catch (error) {
        return `unexpected output: ${error.message}`;
      }
      const { seconds, ...rest } = value ?? {};
      if (this.value !== undefined && JSON.stringify(rest) !== JSON.stringify(this.value)) return 'output differs from the previous run';
      this.value = rest;
      this.own = seconds ? Object.values(seconds).reduce((a, b) => a + b, 0) : undefined;
      return undefined;
    },
  };
}

const cx = (id, row, args, read, extra) => step(id, row, 'cxrlab', process.execPath, [CLI, ...args], read, extra);
const py = (id, row, script, args, read, extra) => step(id, row, 'python', PYTHON, [script, ...args], read, extra);

/** Consensus rows of a fuse output file: [image, class, score, x1, y1, x2, y2] (coordinates as numbers, NaN when empty). */
function consensus(path) {
  const [head, ...rows] = parseCsv(readFileSync(path, 'utf8')).filter((r) => r.length > 1);
  if (head.join() !== 'image_id,class_name,x_min,y_min,x_max,y_max,score') throw new Error(`header ${head.join()}`);
  return { rows: rows.map((r) => [r[0], r[1], Number(r[6]), ...r.slice(2, 6).map((v) => (v === '' ? NaN : Number(v)))]) };
}

/** Steps for a data set { release, submission } (`tag`: '' for the full set, '-1' for the 1-image one). */
function stepsFor(data, tag, want) {
  const ann = (f) => join(data.release, 'annotations', f);
  const fused = (who) => join(OUT, `consensus-${who}${tag}.csv`);
  const synthDir = join(OUT, `synth${tag}`);
  const sizes = ['--train', String(want.train), '--test', String(want.test)];
  return [
    cx(`a-cxrlab${tag}`, 'a', ['stats', data.release, '--json'], json),
    py(`a-python${tag}`, 'a', PY.stats, [data.release], json, { display: 'python stats_reference.py (csv + NumPy majority vote)' }),
    cx(`b-cxrlab${tag}`, 'b', ['eval', '--gt', ann('annotations_test.csv'), '--pred', data.submission, '--json', ...(IOU === 0.4 ? [] : ['--iou', String(IOU)])], json),
    py(`b-python${tag}`, 'b', PY.eval, [ann('annotations_test.csv'), data.submission, String(IOU)], json, { display: 'python eval_reference.py (goldens evaluate(), NumPy)' }),
    cx(`c-cxrlab${tag}`, 'c', ['fuse', ann('annotations_train.csv'), '--out', fused('cxrlab')], () => consensus(fused('cxrlab')),
      { before: () => rmSync(fused('cxrlab'), { force: true }) }),
    py(`c-python${tag}`, 'c', PY.fuse, [ann('annotations_train.csv'), fused('python'), String(IOU)], (out) => ({ ...consensus(fused('python')), seconds: json(out).seconds }),
      { display: 'python fuse_reference.py (goldens wbf(), NumPy)', before: () => rmSync(fused('python'), { force: true }) }),
    cx(`d-agreement${tag}`, 'd', ['agreement', '--labels', ann('image_labels_train.csv'), '--boxes', ann('annotations_train.csv')], (out) => {
      if (!/Fleiss' kappa/.test(out)) throw new Error('no Fleiss kappa table');
      return { lines: out.trim().split('\n').length };
    }),
    cx(`d-synth${tag}`, 'd', ['synth-release', synthDir, ...sizes, '--seed', String(want.seed)], () => {
      for (const f of ['annotations_train.csv', 'annotations_test.csv', 'image_labels_train.csv', 'image_labels_test.csv']) {
        if (!readFileSync(join(synthDir, 'annotations', f)).equals(readFileSync(ann(f)))) throw new Error(`${f} differs from the data's (same seed)`);
      }
      return { same: true };
    }, { display: `cxrlab synth-release ${relative(ROOT, synthDir)} ${sizes.join(' ')} --seed ${want.seed}`, before: () => rmSync(synthDir, { recursive: true, force: true }) }),
  ];
}

/** The steps, each with its 1-image start-up step, and `cxrlab --help` (the fixed cost of node and the CLI). */
export function makeSteps({ full, tiny }) {
  const steps = stepsFor(full, '', DATA);
  const ones = stepsFor(tiny, '-1', TINY);
  steps.forEach((s, i) => { s.startup = ones[i]; });
  const help = cx('help', '—', ['--help'], (out) => { if (!/Usage: cxrlab/.test(out)) throw new Error('no usage'); return {}; });
  return [...steps, help];
}

const close = (a, b, tol) => (a === null && b === null) || (Number.isNaN(a) && Number.isNaN(b)) || Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b));

/** cxrlab's value against the reference's, per row: a description of the first difference, or undefined. */
export const COMPARE = {
  a(c, p) {
    for (const split of ['train', 'test']) {
      const x = c[split], y = p[split];
      if (x.images !== y.images || x.readers_per_image !== y.readers_per_image) return `${split}: ${x.images} images, ${x.readers_per_image} readers / reference ${y.images}, ${y.readers_per_image}`;
      const names = [...new Set([...Object.keys(x.labels), ...Object.keys(y.labels)])];
      const bad = names.filter((n) => x.labels[n]?.count !== y.labels[n]?.count || x.labels[n]?.percent !== y.labels[n]?.percent);
      if (bad.length) return `${split}: ${bad.length} labels differ, e.g. ${bad[0]}: ${JSON.stringify(x.labels[bad[0]])} / reference ${JSON.stringify(y.labels[bad[0]])}`;
    }
    return undefined;
  },
  b(c, p) {
    for (const k of ['mAP', 'mAP_without_no_finding']) if (!close(c[k], p[k], 1e-9)) return `${k} ${c[k]} / reference ${p[k]}`;
    const ids = [...new Set([...Object.keys(c.per_class), ...Object.keys(p.per_class)])];
    const bad = ids.find((id) => !close(c.per_class[id] ?? NaN, p.per_class[id] ?? NaN, 1e-9));
    return bad === undefined ? undefined : `class ${bad} AP ${c.per_class[bad]} / reference ${p.per_class[bad]}`;
  },
  c(c, p) {
    if (c.rows.length !== p.rows.length) return `${c.rows.length} consensus rows / reference ${p.rows.length}`;
    const i = c.rows.findIndex((r, k) => r.some((v, j) => (j < 3 ? v !== p.rows[k][j] : !close(v, p.rows[k][j], 1e-9))));
    return i < 0 ? undefined : `row ${i + 2}: ${c.rows[i].join(',')} / reference ${p.rows[i].join(',')}`;
  },
};

// The commands `npm run bench:filter` times. Each step is one row: a command line per process, what
// its output must show for the run to count, and the 1-file step that gives its fixed start-up cost.
import { readFileSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { CLI, HEADERS_PY, MODEL, OUT, PREPROCESS_PY, PYTHON } from './config.mjs';
import { parseCsv } from './util.mjs';

/** Header rules that drop an image before its pixel data is read. */
const HEADER_DROPS = /\b(NOT_IMAGE|MODALITY_NOT_XRAY|BODY_PART_NOT_CHEST|VIEW_LATERAL|AGE_UNDER_MIN|MULTI_FRAME|NOT_MONOCHROME|TOO_SMALL|ASPECT_RATIO)\b/;

/** The decisions and reason codes of each step's last checked manifest, e.g. "60 keep" or "3000 drop (TOO_SMALL 3000)". */
export const tallies = {};

function tally(decisions, reasons) {
  const count = (xs) => [...xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map())];
  const codes = count(reasons.flatMap((r) => r.split(';').filter(Boolean)));
  return `${count(decisions).map(([k, n]) => `${n} ${k}`).join(', ')}${codes.length ? ` (${codes.map(([k, n]) => `${k} ${n}`).join(', ')})` : ''}`;
}

/** `cxrlab filter DIR --out M --force --workers W ...flags`; checks M has a row per file (and a score each with --model). */
function cxrlab(id, dir, count, flags, workers) {
  const manifest = join(OUT, `${id}.csv`);
  const args = [CLI, 'filter', dir, '--out', manifest, '--force', '--workers', String(workers), ...flags];
  return {
    tool: 'cxrlab',
    display: `cxrlab filter ${basename(dir)} ${[...flags.map((f) => (f === MODEL ? 'resnet18.onnx' : f)), '--workers', workers].join(' ')}`,
    count,
    before: () => {
      rmSync(manifest, { force: true });
      rmSync(join(dirname(manifest), `.${basename(manifest)}.jsonl`), { force: true });
    },
    commands: [[process.execPath, args]],
    check: () => {
      let rows;
      try {
        rows = parseCsv(readFileSync(manifest, 'utf8')).filter((r) => r.length > 1);
      } catch (error) {
        return `no manifest (${error.message})`;
      }
      const [head, ...body] = rows;
      if (body.length !== count) return `manifest has ${body.length} rows for ${count} files`;
      const unreadable = body.filter((r) => /UNREADABLE|UNDECODABLE|CHECK_FAILED/.test(r[head.indexOf('reasons')])).length;
      if (unreadable) return `${unreadable} files UNREADABLE, UNDECODABLE or CHECK_FAILED`;
      const reasons = body.map((r) => r[head.indexOf('reasons')]);
      const headerDrops = reasons.filter((r) => HEADER_DROPS.test(r)).length;
      if (!flags.includes('--header-only') && headerDrops) return `${headerDrops} files dropped by the header rules (their pixels are not checked)`;
      tallies[id] = tally(body.map((r) => r[head.indexOf('decision')]), reasons);
      const scored = body.filter((r) => r[head.indexOf('score')] !== '').length;
      if (flags.includes('--model') && scored !== count) return `only ${scored} of ${count} rows have a score (the model did not run on every image)`;
      return undefined;
    },
  };
}

/** A Python script on `files` in `procs` processes (even / odd indexes); checks each printed {"files": n}. */
function python(script, label, files, procs) {
  const parts = procs === 1 ? [files] : Array.from({ length: procs }, (_, p) => files.filter((_, i) => i % procs === p));
  return {
    tool: 'python',
    display: `${label}${procs > 1 ? `, ${procs} processes on ${procs === 2 ? 'halves' : 'parts'}` : ', 1 process'}`,
    count: files.length,
    before: () => {},
    commands: parts.map((part) => [PYTHON, [script, ...part]]),
    check: (result) => {
      let loop = 0;
      for (const [k, out] of result.stdout.entries()) {
        let json;
        try {
          json = JSON.parse(out.trim().split('\n').pop());
        } catch {
          return `no JSON line from ${basename(script)}: ${out.slice(-200)}`;
        }
        if (json.files !== parts[k].length) return `${basename(script)} did ${json.files} of ${parts[k].length} files`;
        loop = Math.max(loop, json.seconds);
      }
      result.loopSeconds = loop;
      return undefined;
    },
  };
}

/**
 * The rows: { id, row, ...step, startup: step on 1 file }. (a) header-only on the small set (also 1 worker),
 * (b) header + quality on the chest set, (c) with the model, (d) header-only on the chest set.
 */
export function makeSteps({ chest, small }) {
  const hdr = ['--header-only'];
  const model = ['--model', MODEL];
  const steps = [
    { id: 'a-cxrlab', row: 'a', ...cxrlab('a-cxrlab', small.dir, small.files.length, hdr, 2), startup: cxrlab('a-cxrlab-1', small.one.dir, 1, hdr, 2) },
    { id: 'a-cxrlab-w1', row: 'a', ...cxrlab('a-cxrlab-w1', small.dir, small.files.length, hdr, 1), startup: cxrlab('a-cxrlab-w1-1', small.one.dir, 1, hdr, 1) },
    { id: 'a-pydicom', row: 'a', ...python(HEADERS_PY, 'pydicom headers', small.files, 1), startup: python(HEADERS_PY, 'pydicom headers', [small.one.file], 1) },
    { id: 'a-pydicom-2', row: 'a', ...python(HEADERS_PY, 'pydicom headers', small.files, 2), startupOf: 'a-pydicom' },
    { id: 'b-cxrlab', row: 'b', ...cxrlab('b-cxrlab', chest.dir, chest.files.length, [], 2), startup: cxrlab('b-cxrlab-1', chest.one.dir, 1, [], 2) },
    { id: 'b-python', row: 'b', ...python(PREPROCESS_PY, 'pydicom+numpy+Pillow VinDr preprocessing', chest.files, 1), startup: python(PREPROCESS_PY, 'vindr_preprocess.py', [chest.one.file], 1) },
    { id: 'b-python-2', row: 'b', ...python(PREPROCESS_PY, 'pydicom+numpy+Pillow VinDr preprocessing', chest.files, 2), startupOf: 'b-python' },
    { id: 'c-cxrlab', row: 'c', ...cxrlab('c-cxrlab', chest.dir, chest.files.length, model, 2), startup: cxrlab('c-cxrlab-1', chest.one.dir, 1, model, 2) },
    { id: 'c-cxrlab-w1', row: 'c', ...cxrlab('c-cxrlab-w1', chest.dir, chest.files.length, model, 1), startup: cxrlab('c-cxrlab-w1-1', chest.one.dir, 1, model, 1) },
    { id: 'd-cxrlab', row: 'd', ...cxrlab('d-cxrlab', chest.dir, chest.files.length, hdr, 2), startup: cxrlab('d-cxrlab-1', chest.one.dir, 1, hdr, 2) },
  ];
  return steps;
}

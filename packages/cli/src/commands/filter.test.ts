import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sharedFixture } from '@cxrlab/dicom/testing';
import { linearHeadModel, writeFilterCorpus, type CorpusFile } from '@cxrlab/filter/testing';
import { runCli } from '../run-cli.js';
import { MANIFEST_COLUMNS } from './filter/filter-manifest.js';

type Run = { code: number; stdout: string; stderr: string };

/** The command's entry point, for the test that needs a process of its own (a signal). */
const CXRLAB = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'cxrlab.js');

async function cli(...args: string[]): Promise<Run> {
  const out = { stdout: '', stderr: '' };
  const io = { stdout: { write: (t: string) => (out.stdout += t) }, stderr: { isTTY: false, write: (t: string) => (out.stderr += t) } };
  const code = await runCli(args, io);
  return { code, ...out };
}

/** A minimal RFC 4180 reader (quoted fields with "" and commas), for the manifest. */
function readCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += c;
  }
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries(header!.map((h, k) => [h, r[k]!])));
}

function byName(rows: Record<string, string>[], root: string): Map<string, Record<string, string>> {
  return new Map(rows.map((r) => [relative(root, r.file!), r]));
}

function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const p = join(dir, name);
    if (statSync(p).isFile()) files.set(name, readFileSync(p).toString('base64'));
  }
  return files;
}

const FIXTURES: Array<[string, string, string[]]> = [
  ['cr', 'RG1_JLSN.dcm', []],
  ['cr', 'CR-MONO1-10-chest.dcm', []],
  ['cr', 'RG2_UNC.dcm', ['BODY_PART_NOT_CHEST']],
  ['cr', 'RG3_JPLL.dcm', ['BODY_PART_NOT_CHEST', 'VIEW_LATERAL_HINT']],
  ['edge', 'CT_small.dcm', ['MODALITY_NOT_XRAY', 'AGE_UNDER_MIN', 'TOO_SMALL']],
  ['edge', 'MR_small.dcm', ['MODALITY_NOT_XRAY', 'TOO_SMALL']],
  ['edge', 'OBXXXX1A.dcm', ['MODALITY_NOT_XRAY', 'NOT_MONOCHROME']],
  ['edge', 'test-SR.dcm', ['MODALITY_NOT_XRAY', 'NOT_IMAGE']],
  ['edge', 'MR_truncated.dcm', ['UNREADABLE']],
];

let root: string;
let input: string;
let corpus: CorpusFile[];

before(async () => {
  root = mkdtempSync(join(tmpdir(), 'cxrlab-filter-'));
  input = join(root, 'in');
  mkdirSync(join(input, 'fixtures'), { recursive: true });
  for (const [dir, name] of FIXTURES) copyFileSync(sharedFixture(dir, name), join(input, 'fixtures', name));
  corpus = await writeFilterCorpus(join(input, 'synthetic'));
});

describe('cxrlab filter', () => {
  it('keeps the adult frontal chests and drops every other image for the right reasons', async () => {
    const before = snapshot(input);
    const manifest = join(root, 'out', 'manifest.csv');
    const run = await cli('filter', input, '--out', manifest, '--workers', '2');
    assert.equal(run.code, 0, run.stderr);
    const text = readFileSync(manifest, 'utf8');
    assert.equal(text.split('\r\n')[0], MANIFEST_COLUMNS.join(','));
    const rows = byName(readCsv(text), input);
    assert.equal(rows.size, FIXTURES.length + corpus.length);
    for (const [, name, expected] of FIXTURES) {
      const row = rows.get(join('fixtures', name))!;
      assert.equal(row.reasons, expected.join(';'), `${name}: ${row.details}`);
      assert.equal(row.decision, expected.length === 0 ? 'keep' : 'drop', name);
    }
    for (const file of corpus) {
      const row = rows.get(join('synthetic', `${file.name}.dcm`))!;
      assert.equal(row.reasons, file.expected.join(';'), `${file.name}: ${row.details}`);
      assert.equal(row.decision, file.expected.length === 0 ? 'keep' : 'drop', file.name);
    }
    // the reasons say what was seen; the tag columns hold the header values
    const rg2 = rows.get(join('fixtures', 'RG2_UNC.dcm'))!;
    assert.equal(rg2.details, 'BODY_PART_NOT_CHEST: Body Part Examined HIP');
    assert.deepEqual([rg2.modality, rg2.body_part_examined, rg2.rows, rg2.columns, rg2.photometric_interpretation], ['CR', 'HIP', '2140', '1760', 'MONOCHROME2']);
    assert.match(rows.get(join('fixtures', 'MR_truncated.dcm'))!.details!, /^UNREADABLE: value length 8192 runs past the end of the data .*at byte 1488/);
    assert.match(rows.get(join('synthetic', 'child-8y.dcm'))!.details!, /Patient Age 008Y: 8 years < 18/);
    // a summary, and no progress bar in a pipe
    assert.match(run.stderr, /^cxrlab filter: 15 files checked in [\d.]+ s \(\d+ files\/s\): 3 keep, 0 review, 12 drop\n/);
    assert.match(run.stderr, /\n {2}BODY_PART_NOT_CHEST +3\n/);
    assert.doesNotMatch(run.stderr, /\r|\[#/);
    assert.deepEqual(snapshot(input), before, 'inputs are never modified');
  });

  it('resumes from its journal: a re-run checks nothing again and writes the same manifest', async () => {
    const manifest = join(root, 'resume', 'manifest.csv');
    assert.equal((await cli('filter', input, '--out', manifest)).code, 0);
    const first = readFileSync(manifest);
    // a task module that fails every file: a re-run that used it would change the manifest
    const failing = join(root, 'failing-task.mjs');
    writeFileSync(failing, 'export function run() { throw new Error("should not run"); }\n');
    const { runFilter } = await import('./filter.js');
    const out = { stderr: '' };
    const code = await runFilter([input, '--out', manifest], { stdout: { write: () => true }, stderr: { write: (t: string) => (out.stderr += t) } }, { task: failing });
    assert.equal(code, 0, out.stderr);
    assert.match(out.stderr, /^cxrlab filter: 0 files checked in [\d.]+ s \(0 files\/s\), 15 known from the journal: 3 keep, 0 review, 12 drop\n/);
    assert.ok(readFileSync(manifest).equals(first));
    // --force checks again (and here fails every file, with the error as the reason)
    const forced = await runFilter([input, '--out', manifest, '--force'], { stdout: { write: () => true }, stderr: { write: () => true } }, { task: failing });
    assert.equal(forced, 1);
    assert.ok(readCsv(readFileSync(manifest, 'utf8')).every((r) => r.decision === 'drop' && /CHECK_FAILED: .*should not run/.test(r.details!)));
  });

  it('does not take its own manifest and journal for inputs when --out is inside an input directory', async () => {
    const dir = join(root, 'self');
    mkdirSync(dir, { recursive: true });
    copyFileSync(corpus[0]!.path, join(dir, 'chest.dcm'));
    for (let run = 0; run < 2; run++) {
      assert.equal((await cli('filter', dir, '--out', join(dir, 'manifest.csv'))).code, 0);
      const rows = readCsv(readFileSync(join(dir, 'manifest.csv'), 'utf8'));
      assert.deepEqual(rows.map((r) => [relative(dir, r.file!), r.decision]), [['chest.dcm', 'keep']], `run ${run + 1}`);
    }
  });

  it('--header-only reads no pixels: the blank and saturated images pass, the header reasons stay', async () => {
    const manifest = join(root, 'header-only.csv');
    assert.equal((await cli('filter', join(input, 'synthetic'), '--out', manifest, '--header-only')).code, 0);
    const rows = byName(readCsv(readFileSync(manifest, 'utf8')), join(input, 'synthetic'));
    assert.equal(rows.get('blank.dcm')!.decision, 'keep');
    assert.equal(rows.get('saturated.dcm')!.decision, 'keep');
    assert.equal(rows.get('lateral.dcm')!.reasons, 'VIEW_LATERAL');
  });

  it('--min-age, --min-size and --modalities change the rules', async () => {
    const manifest = join(root, 'options.csv');
    assert.equal((await cli('filter', join(input, 'synthetic'), '--out', manifest, '--min-age', '5', '--min-size', '600', '--modalities', 'DX')).code, 0);
    const rows = byName(readCsv(readFileSync(manifest, 'utf8')), join(input, 'synthetic'));
    assert.deepEqual(rows.get('child-8y.dcm')!.reasons!.split(';'), ['MODALITY_NOT_XRAY', 'TOO_SMALL']);
  });

  it('--copy-kept copies and --link-kept links exactly the kept images, under their input paths', async () => {
    const copies = join(root, 'kept-copy');
    assert.equal((await cli('filter', input, '--out', join(root, 'k1.csv'), '--copy-kept', copies)).code, 0);
    const kept = ['fixtures/CR-MONO1-10-chest.dcm', 'fixtures/RG1_JLSN.dcm', 'synthetic/chest.dcm'];
    assert.deepEqual([...snapshot(copies).keys()].sort(), kept);
    for (const k of kept) assert.ok(readFileSync(join(copies, k)).equals(readFileSync(join(input, k))));
    // a stale file at a kept path (same size, another time) is replaced; a copy from before is left alone
    const stale = join(copies, kept[2]!);
    writeFileSync(stale, Buffer.alloc(statSync(stale).size));
    const before = statSync(join(copies, kept[0]!)).ino;
    assert.equal((await cli('filter', input, '--out', join(root, 'k1.csv'), '--copy-kept', copies)).code, 0);
    assert.ok(readFileSync(stale).equals(readFileSync(join(input, kept[2]!))), 'the stale copy is replaced');
    assert.equal(statSync(join(copies, kept[0]!)).ino, before, 'an up-to-date copy is not made again');
    const links = join(root, 'kept-link');
    assert.equal((await cli('filter', input, '--out', join(root, 'k2.csv'), '--link-kept', links)).code, 0);
    for (const k of kept) assert.equal(statSync(join(links, k)).ino, statSync(join(input, k)).ino, k);
    // a re-run leaves what is there
    assert.equal((await cli('filter', input, '--out', join(root, 'k2.csv'), '--link-kept', links)).code, 0);
    assert.equal(existsSync(join(links, 'fixtures', 'RG2_UNC.dcm')), false);
  });

  it('--model scores each image: the score decides drop, review or keep around --threshold', async () => {
    // weights 0: the logits are the bias whatever the image, so the outlier score is sigmoid(1.2) = 0.768525
    const model = join(root, 'constant.onnx');
    writeFileSync(model, linearHeadModel({ channels: 3, height: 224, width: 224, weights: [[0, 0, 0], [0, 0, 0]], bias: [0, 1.2] }));
    const expected = 1 / (1 + Math.exp(-1.2));
    const chest = join(input, 'synthetic', 'chest.dcm');
    for (const [threshold, decision, reasons] of [['0.5', 'drop', 'CNN_OUTLIER'], ['0.8', 'review', 'CNN_UNCERTAIN'], ['0.9', 'keep', '']] as const) {
      const manifest = join(root, `model-${threshold}.csv`);
      const run = await cli('filter', chest, '--out', manifest, '--model', model, '--threshold', threshold);
      assert.equal(run.code, 0, run.stderr);
      const [row] = readCsv(readFileSync(manifest, 'utf8'));
      assert.equal(row!.decision, decision, threshold);
      assert.equal(row!.reasons, reasons, threshold);
      assert.ok(Math.abs(Number(row!.score) - expected) < 1e-6, row!.score);
    }
  });

  it('reads the model input from a JSON sidecar and refuses a model that does not fit it', async () => {
    const model = join(root, 'grey.onnx');
    writeFileSync(model, linearHeadModel({ channels: 1, height: 64, width: 48, weights: [[0], [0]], bias: [0.5, 0] }));
    writeFileSync(join(root, 'grey.json'), JSON.stringify({ inputSize: [64, 48], channels: 1, mean: [0.5], std: [0.25] }));
    const manifest = join(root, 'grey.csv');
    const ok = await cli('filter', join(input, 'synthetic', 'chest.dcm'), '--out', manifest, '--model', model);
    assert.equal(ok.code, 0, ok.stderr);
    assert.ok(Math.abs(Number(readCsv(readFileSync(manifest, 'utf8'))[0]!.score) - 1 / (1 + Math.exp(0.5))) < 1e-6);
    const wrong = join(root, 'wrong.json');
    writeFileSync(wrong, JSON.stringify({ inputSize: [224, 224], channels: 1, mean: [0.5], std: [0.25] }));
    const bad = await cli('filter', join(input, 'synthetic', 'chest.dcm'), '--out', join(root, 'bad.csv'), '--model', model, '--model-config', wrong);
    assert.notEqual(bad.code, 0);
    assert.match(bad.stderr, /grey\.onnx.*\[batch, 1, 64, 48\].*expected \[\*, 1, 224, 224\]/);
  });

  it('explains bad arguments', async () => {
    for (const [args, message] of [
      [[input], /--out MANIFEST.csv is required/],
      [[input, '--out', 'x.csv', '--threshold', '2'], /--threshold must be a number from 0 to 1/],
      [[input, '--out', 'x.csv', '--header-only', '--model', 'm.onnx'], /--header-only reads no pixels/],
      [[input, '--out', 'x.csv', '--quality', 'nonsense=1'], /--quality takes name=value/],
      [[input, '--out', 'x.csv', '--copy-kept', 'a', '--link-kept', 'b'], /cannot both be given/],
      [[input, '--out', 'x.csv', '--model', join(root, 'missing.onnx')], /cannot read --model/],
    ] as const) {
      const run = await cli('filter', ...args);
      assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.match(run.stderr, message);
    }
  });
});

describe('cxrlab filter: Ctrl-C', () => {
  it('keeps what was checked in the journal, and a re-run writes the manifest an uninterrupted run writes', async () => {
    // twelve images of their own, one batch each (over 1 MiB), one worker: room to interrupt
    const dir = join(root, 'interrupt-in');
    const big = await writeFilterCorpus(join(root, 'interrupt-src'), { rows: 1024, columns: 1024 });
    mkdirSync(dir);
    for (let k = 0; k < 12; k++) copyFileSync(big[k % big.length]!.path, join(dir, `image-${String(k).padStart(2, '0')}.dcm`));
    const manifest = join(root, 'interrupt', 'manifest.csv');
    const journal = join(root, 'interrupt', '.manifest.csv.jsonl');
    const child = spawn(process.execPath, [CXRLAB, 'filter', dir, '--out', manifest, '--workers', '1'], { stdio: 'ignore' });
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    while (!(existsSync(journal) && readFileSync(journal, 'utf8').includes('\n'))) await new Promise((r) => setTimeout(r, 10));
    child.kill('SIGINT');
    assert.equal(await exited, 130);
    assert.equal(existsSync(manifest), false, 'no manifest from an interrupted run');
    const journaled = readFileSync(journal, 'utf8').trim().split('\n').length;
    assert.ok(journaled >= 1 && journaled < 12, `interrupted part-way: ${journaled} of 12 journaled`);
    assert.equal((await cli('filter', dir, '--out', manifest)).code, 0);
    const whole = join(root, 'interrupt', 'whole.csv');
    assert.equal((await cli('filter', dir, '--out', whole)).code, 0);
    assert.ok(readFileSync(manifest).equals(readFileSync(whole)), 'the resumed manifest is the one a whole run writes');
  });
});

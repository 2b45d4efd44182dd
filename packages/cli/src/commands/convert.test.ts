import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getNumber, numberOfFrames, readDicomFileSync } from '@cxrlab/dicom';
import { runCli } from '../run-cli.js';
import { MANIFEST_NAME, runConvert } from './convert.js';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..', '..', '..');
const fixture = (...p: string[]): string => resolve(repo, '..', 'shared', 'fixtures', 'dicom', ...p);

type Run = { code: number; stdout: string; stderr: string };

function bufferIO(isTTY = false) {
  const out = { stdout: '', stderr: '' };
  const io = { stdout: { write: (t: string) => (out.stdout += t) }, stderr: { isTTY, columns: 200, write: (t: string) => (out.stderr += t) } };
  return { io, out };
}

async function cli(...args: string[]): Promise<Run> {
  const { io, out } = bufferIO();
  const code = await runCli(args, io);
  return { code, ...out };
}

/** A fresh input tree: in/ (4 good fixtures, one in a subdirectory) and where outputs go. */
function workspace(extra: (inDir: string) => void = () => {}): { root: string; inDir: string; out: string } {
  const root = mkdtempSync(join(tmpdir(), 'cxrlab-convert-'));
  const inDir = join(root, 'in');
  mkdirSync(join(inDir, 'mr'), { recursive: true });
  for (const name of ['RG3_UNC.dcm', 'RG3_JLSL.dcm', 'CR-MONO1-10-chest.dcm']) copyFileSync(fixture('cr', name), join(inDir, name));
  copyFileSync(fixture('edge', 'MR_small_RLE.dcm'), join(inDir, 'mr', 'MR_small_RLE.dcm'));
  extra(inDir);
  return { root, inDir, out: join(root, 'out') };
}

/** Every file under dir (relative path -> bytes and mtime), hidden files included. */
function snapshot(dir: string): Map<string, { bytes: Buffer; mtimeMs: number }> {
  const files = new Map<string, { bytes: Buffer; mtimeMs: number }>();
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else files.set(relative(dir, p), { bytes: readFileSync(p), mtimeMs: statSync(p).mtimeMs });
    }
  };
  walk(dir);
  return files;
}

function outputs(dir: string): string[] {
  return [...snapshot(dir).keys()].filter((p) => !p.startsWith('.') && !p.startsWith('cxrlab-convert-failures'));
}

function pngHeader(bytes: Buffer): { width: number; height: number; bitDepth: number; colourType: number } {
  assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
  assert.equal(bytes.toString('latin1', 12, 16), 'IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), bitDepth: bytes[24]!, colourType: bytes[25]! };
}

function npyHeader(bytes: Buffer): { descr: string; shape: number[]; dataBytes: number } {
  assert.equal(bytes.toString('latin1', 0, 6), '\x93NUMPY');
  const major = bytes[6]!;
  const length = major === 1 ? bytes.readUInt16LE(8) : bytes.readUInt32LE(8);
  const start = major === 1 ? 10 : 12;
  const header = bytes.toString('latin1', start, start + length);
  assert.equal((start + length) % 64, 0, 'data aligned to 64 bytes');
  const descr = /'descr': '([^']+)'/.exec(header)![1]!;
  const shape = /'shape': \(([^)]*)\)/.exec(header)![1]!.split(',').map((s) => s.trim()).filter(Boolean).map(Number);
  return { descr, shape, dataBytes: bytes.length - start - length };
}

function dims(path: string): { rows: number; columns: number; frames: number } {
  const ds = readDicomFileSync(path).dataSet;
  return { rows: getNumber(ds, 'Rows')!, columns: getNumber(ds, 'Columns')!, frames: numberOfFrames(ds) };
}

const GOOD = ['CR-MONO1-10-chest', 'RG3_JLSL', 'RG3_UNC', 'mr/MR_small_RLE'];
const sourceOf = (inDir: string, stem: string): string => join(inDir, `${stem}.dcm`);

describe('cxrlab convert', () => {
  let shared: ReturnType<typeof workspace>;
  let first: Run;
  let firstOutputs: ReturnType<typeof snapshot>;
  let inputsBefore: ReturnType<typeof snapshot>;

  before(async () => {
    shared = workspace((inDir) => {
      writeFileSync(join(inDir, 'notes.txt'), 'not a DICOM file\n');
      const whole = readFileSync(fixture('cr', 'RG3_UNC.dcm'));
      writeFileSync(join(inDir, 'mr', 'truncated.dcm'), whole.subarray(0, 5000));
    });
    inputsBefore = snapshot(shared.inDir);
    first = await cli('convert', shared.inDir, shared.out, '--workers', '2');
    firstOutputs = snapshot(shared.out);
  });

  it('converts a directory to PNG, keeping subdirectories; the outputs are valid PNGs of the right size', () => {
    assert.deepEqual(outputs(shared.out), GOOD.map((s) => `${s}.png`));
    for (const stem of GOOD) {
      const header = pngHeader(firstOutputs.get(`${stem}.png`)!.bytes);
      const { rows, columns } = dims(sourceOf(shared.inDir, stem));
      assert.deepEqual(header, { width: columns, height: rows, bitDepth: 8, colourType: 0 }, stem);
    }
  });

  it('a bad file fails alone: exit 1, named on stderr and in the JSONL and CSV reports', () => {
    assert.equal(first.code, 1);
    const notes = join(shared.inDir, 'notes.txt');
    const truncated = join(shared.inDir, 'mr', 'truncated.dcm');
    assert.match(first.stderr, new RegExp(`^cxrlab convert: ${truncated}: value length \\d+ runs past the end of the data.*\\(at byte \\d+, reading \\(7FE0,0010\\)\\) \\[ERR_INVALID_LENGTH\\]$`, 'm'));
    assert.match(first.stderr, new RegExp(`^cxrlab convert: ${notes}: .+ \\[ERR_\\w+\\]$`, 'm'));
    assert.match(first.stderr, /^cxrlab convert: 4 converted, 0 skipped, 2 failed in \d+\.\d s \(\d+\.\d files\/s\)$/m);
    assert.doesNotMatch(first.stderr, /\x1b\[/, 'no progress bar when stderr is not a TTY');
    const jsonl = readFileSync(join(shared.out, 'cxrlab-convert-failures.jsonl'), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(jsonl.map((f) => f.input), [truncated, notes].sort());
    const entry = jsonl.find((f) => f.input === truncated);
    assert.equal(entry.error_code, 'ERR_INVALID_LENGTH');
    assert.equal(entry.tag, '7FE00010');
    assert.equal(typeof entry.offset, 'number');
    const csv = readFileSync(join(shared.out, 'cxrlab-convert-failures.csv'), 'utf8').split('\r\n');
    assert.equal(csv[0], 'input,error_code,reason,offset,tag');
    assert.ok(csv.some((row) => row.startsWith(`${truncated},ERR_INVALID_LENGTH,`) && row.endsWith(',7FE00010')));
    assert.ok(csv.some((row) => row.startsWith(`${notes},ERR_`)));
  });

  it('never modifies the inputs, and leaves no temporary files', () => {
    assert.deepEqual(snapshot(shared.inDir), inputsBefore);
    assert.deepEqual([...firstOutputs.keys()].filter((p) => p.endsWith('.tmp')), []);
  });

  it('a second run skips every finished output, rewrites nothing and gives the same outputs', async () => {
    const again = await cli('convert', shared.inDir, shared.out, '--workers', '2');
    assert.equal(again.code, 1, 'the bad files still fail');
    assert.match(again.stderr, /^cxrlab convert: 0 converted, 4 skipped, 2 failed/m);
    const after = snapshot(shared.out);
    for (const stem of GOOD) assert.deepEqual(after.get(`${stem}.png`), firstOutputs.get(`${stem}.png`), stem);
    assert.deepEqual(after.get(MANIFEST_NAME), firstOutputs.get(MANIFEST_NAME), 'the manifest is untouched too');
  });

  it('changing --window converts again; going back to the first window converts again too', async () => {
    const { inDir, out } = workspace();
    assert.equal((await cli('convert', inDir, out, '--window', 'dicom')).code, 0);
    const dicom = snapshot(out);
    const vindr = await cli('convert', inDir, out, '--window', 'vindr');
    assert.match(vindr.stderr, /4 converted, 0 skipped, 0 failed/);
    const after = snapshot(out);
    for (const stem of GOOD) assert.notEqual(after.get(`${stem}.png`)!.mtimeMs, dicom.get(`${stem}.png`)!.mtimeMs);
    assert.ok(!after.get('CR-MONO1-10-chest.png')!.bytes.equals(dicom.get('CR-MONO1-10-chest.png')!.bytes));
    assert.match((await cli('convert', inDir, out, '--window', 'vindr')).stderr, /0 converted, 4 skipped/);
    const back = await cli('convert', inDir, out, '--window', 'dicom');
    assert.match(back.stderr, /4 converted, 0 skipped/);
    for (const stem of GOOD) assert.ok(snapshot(out).get(`${stem}.png`)!.bytes.equals(dicom.get(`${stem}.png`)!.bytes), 'same options, same bytes');
  });

  it('a changed input, a lost output, a lost manifest or --force convert again', async () => {
    const { inDir, out } = workspace();
    await cli('convert', inDir, out);
    utimesSync(join(inDir, 'RG3_JLSL.dcm'), new Date(), new Date(Date.now() + 5000));
    rmSync(join(out, 'mr', 'MR_small_RLE.png'));
    assert.match((await cli('convert', inDir, out)).stderr, /2 converted, 2 skipped/);
    assert.match((await cli('convert', inDir, out, '--force')).stderr, /4 converted, 0 skipped/);
    rmSync(join(out, MANIFEST_NAME));
    assert.match((await cli('convert', inDir, out)).stderr, /4 converted, 0 skipped/);
    const manifest = readFileSync(join(out, MANIFEST_NAME), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(manifest.map((e) => e.output), GOOD.map((s) => `${s}.png`));
    assert.deepEqual(Object.keys(manifest[0]), ['input', 'size', 'mtimeMs', 'fingerprint', 'output', 'outputSize', 'options']);
  });

  it('--workers 1 and --workers 2 give identical bytes', async () => {
    const { inDir, root } = workspace();
    const one = join(root, 'one');
    const two = join(root, 'two');
    assert.equal((await cli('convert', inDir, one, '--workers', '1', '--format', 'npy')).code, 0);
    assert.equal((await cli('convert', inDir, two, '--workers', '2', '--format', 'npy')).code, 0);
    for (const stem of GOOD) assert.ok(readFileSync(join(one, `${stem}.npy`)).equals(readFileSync(join(two, `${stem}.npy`))), stem);
    const a = join(root, 'a');
    const b = join(root, 'b');
    await cli('convert', inDir, a, '--workers', '1');
    await cli('convert', inDir, b, '--workers', '2');
    for (const stem of GOOD) assert.ok(readFileSync(join(a, `${stem}.png`)).equals(readFileSync(join(b, `${stem}.png`))), stem);
  });

  it('--format npy writes the stored values with their dtype and shape', async () => {
    const { inDir, out } = workspace();
    assert.equal((await cli('convert', inDir, out, '--format', 'npy')).code, 0);
    assert.deepEqual(outputs(out), GOOD.map((s) => `${s}.npy`));
    for (const stem of GOOD) {
      const { descr, shape, dataBytes } = npyHeader(readFileSync(join(out, `${stem}.npy`)));
      const { rows, columns } = dims(sourceOf(inDir, stem));
      assert.deepEqual(shape, [rows, columns], stem);
      assert.match(descr, /^[<|][ui][12]$/);
      assert.equal(dataBytes, rows * columns * Number(descr.at(-1)), stem);
    }
  });

  it('--format png16 writes 16-bit PNGs; --format jpeg with --size and --quality writes small JPEGs', async () => {
    const { inDir, out } = workspace();
    assert.equal((await cli('convert', join(inDir, 'CR-MONO1-10-chest.dcm'), out, '--format', 'png16')).code, 0);
    assert.equal(pngHeader(readFileSync(join(out, 'CR-MONO1-10-chest.png'))).bitDepth, 16);
    assert.equal((await cli('convert', inDir, out, '--format', 'jpeg', '--size', '128', '--quality', '80')).code, 0);
    for (const stem of GOOD) {
      const jpeg = readFileSync(join(out, `${stem}.jpg`));
      assert.deepEqual([...jpeg.subarray(0, 3)], [0xff, 0xd8, 0xff], stem);
    }
    await cli('convert', inDir, join(out, 'small'), '--size', '100');
    const { width, height } = pngHeader(readFileSync(join(out, 'small', 'RG3_UNC.png')));
    const { rows, columns } = dims(join(inDir, 'RG3_UNC.dcm'));
    assert.equal(Math.max(width, height), 100);
    assert.ok(Math.abs(width / height - columns / rows) < 0.02);
  });

  it('--frame selects a frame; a frame past the end fails that file', async () => {
    const { root } = workspace();
    const out = join(root, 'frames');
    const multi = fixture('edge', 'OBXXXX1A_2frame.dcm');
    assert.equal((await cli('convert', multi, out, '--frame', '1')).code, 0);
    const bad = await cli('convert', multi, join(root, 'frames2'), '--frame', '2');
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /OBXXXX1A_2frame\.dcm: .*frame/i);
  });

  it('reads inputs from --file-list', async () => {
    const { root, inDir, out } = workspace();
    const list = join(root, 'list.txt');
    writeFileSync(list, `${join(inDir, 'RG3_JLSL.dcm')}\n\n${join(inDir, 'mr')}\n`);
    assert.equal((await cli('convert', '--file-list', list, out)).code, 0);
    assert.deepEqual(outputs(out), ['MR_small_RLE.png', 'RG3_JLSL.png']);
  });

  it('inputs that would write the same output both fail; an output directory inside the input is not read back', async () => {
    const { root, inDir } = workspace();
    mkdirSync(join(root, 'other'));
    copyFileSync(fixture('edge', 'MR_small.dcm'), join(root, 'other', 'RG3_JLSL.dcm'));
    const out = join(inDir, 'png');
    const run = await cli('convert', inDir, join(root, 'other'), out);
    assert.equal(run.code, 1);
    assert.equal((run.stderr.match(/\[ERR_OUTPUT_COLLISION\]/g) ?? []).length, 2);
    assert.match(run.stderr, /output RG3_JLSL\.png would also be written from/);
    assert.deepEqual(outputs(out), ['CR-MONO1-10-chest.png', 'RG3_UNC.png', 'mr/MR_small_RLE.png']);
    assert.match((await cli('convert', inDir, out)).stderr, /1 converted, 3 skipped, 0 failed/);
  });

  it('a missing input fails alone; an empty directory converts nothing', async () => {
    const { root, inDir, out } = workspace();
    const missing = await cli('convert', join(root, 'nope.dcm'), join(inDir, 'mr'), out);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /nope\.dcm: cannot open: ENOENT.*\[ERR_IO\]/);
    assert.deepEqual(outputs(out), ['MR_small_RLE.png']);
    mkdirSync(join(root, 'empty'));
    const empty = await cli('convert', join(root, 'empty'), join(root, 'out2'));
    assert.equal(empty.code, 0);
    assert.match(empty.stderr, /0 converted, 0 skipped, 0 failed/);
  });

  it('draws a progress line on a TTY stderr', async () => {
    const { inDir, out } = workspace();
    const { io, out: text } = bufferIO(true);
    assert.equal(await runCli(['convert', join(inDir, 'mr'), out], io), 0);
    assert.match(text.stderr, /\r\x1b\[2Kconvert \[\.{20}\] 0\/1 {2}0\.0%/);
    assert.match(text.stderr, /\r\x1b\[2K(cxrlab convert: 1 converted)/);
  });

  it('usage errors exit 2', async () => {
    const { root, inDir, out } = workspace();
    writeFileSync(join(root, 'file'), 'x');
    const cases: [string[], RegExp][] = [
      [[], /no OUT-DIR given/],
      [[out], /no input given/],
      [[inDir, out, '--format', 'tiff'], /--format must be one of png, png16, jpeg, npy/],
      [[inDir, out, '--window', 'soft'], /--window must be one of dicom, auto, vindr, kaggle/],
      [[inDir, out, '--size', '0'], /--size must be a whole number of at least 1/],
      [[inDir, out, '--size', '12.5'], /--size/],
      [[inDir, out, '--frame', '-1'], /--frame/],
      [[inDir, out, '--workers', '0'], /--workers/],
      [[inDir, out, '--quality', '90'], /--quality applies to --format jpeg only/],
      [[inDir, out, '--format', 'jpeg', '--quality', '101'], /--quality must be a whole number from 1 to 100/],
      [[inDir, out, '--format', 'npy', '--size', '64'], /--size does not apply to npy/],
      [[inDir, out, '--format', 'npy', '--window', 'vindr'], /--window applies to png and jpeg/],
      [[inDir, out, '--frob'], /--frob/],
      [[inDir, join(root, 'file')], /is not a directory/],
      [['--file-list', join(root, 'missing.txt'), out], /cannot read --file-list/],
    ];
    for (const [args, message] of cases) {
      const run = await cli('convert', ...args);
      assert.equal(run.code, 2, args.join(' '));
      assert.match(run.stderr, message, args.join(' '));
      assert.match(run.stderr, /Usage: cxrlab convert/);
    }
    const help = await cli('convert', '--help');
    assert.equal(help.code, 0);
    assert.match(help.stdout, /--format png\|png16\|jpeg\|npy/);
    assert.match((await cli('--help')).stdout, /^ {2}convert {2}/m);
  });

  it('the installed bin converts, quietly in a pipe', () => {
    const { inDir, out } = workspace();
    const bin = resolve(repo, 'node_modules', '.bin', 'cxrlab');
    const run = spawnSync(bin, ['convert', join(inDir, 'mr'), out, '--format', 'npy'], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /^cxrlab convert: 1 converted, 0 skipped, 0 failed in [\d.]+ s \([\d.]+ files\/s\)\n$/);
  });
});

describe('cxrlab convert with a misbehaving worker', () => {
  let task: string;
  before(() => {
    const dir = mkdtempSync(join(tmpdir(), 'cxrlab-convert-task-'));
    task = join(dir, 'task.mjs');
    writeFileSync(task, `import { writeFileSync, mkdirSync } from 'node:fs';
      import { basename, dirname } from 'node:path';
      export function run(job) {
        const name = basename(job.input);
        if (name.startsWith('exit')) process.exit(3);
        if (name.startsWith('hang')) for (;;) {}
        if (name.startsWith('throw')) throw Object.assign(new Error('bad pixels'), { code: 'ERR_UNSUPPORTED', reason: 'bad pixels', offset: 7, tag: 0x00280010 });
        mkdirSync(dirname(job.output), { recursive: true });
        writeFileSync(job.output, 'converted ' + name);
        return { bytes: ('converted ' + name).length, width: 1, height: 1 };
      }`);
  });

  it('a worker that exits, loops or throws fails its file only; the batch finishes', async () => {
    const root = mkdtempSync(join(tmpdir(), 'cxrlab-convert-bad-'));
    const inDir = join(root, 'in');
    mkdirSync(inDir);
    for (const name of ['a.dcm', 'exit.dcm', 'b.dcm', 'hang.dcm', 'c.dcm', 'throw.dcm', 'd.dcm']) writeFileSync(join(inDir, name), name);
    const { io, out } = bufferIO();
    const code = await runConvert([inDir, join(root, 'out'), '--workers', '2', '--timeout', '1'], io, { task });
    assert.equal(code, 1);
    assert.deepEqual(outputs(join(root, 'out')), ['a.png', 'b.png', 'c.png', 'd.png']);
    assert.match(out.stderr, /exit\.dcm: worker exited with code 3 \[ERR_WORKER_EXITED\]/);
    assert.match(out.stderr, /hang\.dcm: task timed out after 1000 ms \[ERR_TASK_TIMEOUT\]/);
    assert.match(out.stderr, /throw\.dcm: bad pixels \(at byte 7, reading \(0028,0010\)\) \[ERR_UNSUPPORTED\]/);
    assert.match(out.stderr, /4 converted, 0 skipped, 3 failed/);
    const csv = readFileSync(join(root, 'out', 'cxrlab-convert-failures.csv'), 'utf8');
    assert.match(csv, /throw\.dcm,ERR_UNSUPPORTED,bad pixels,7,00280010/);
  });
});

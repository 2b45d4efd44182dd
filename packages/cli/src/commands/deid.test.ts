import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Tags, bytesElement, encodeAscii, encodeUID, getString, readDicomFileSync, writeDicomFileSync, type P10File } from '@cxrlab/dicom';
import { decodeFrame, pixelSource } from '@cxrlab/imaging';
import { buildPhiCorpus, PLANTED, type PhiCorpus } from '@cxrlab/deid/testing';
import { runCli } from '../run-cli.js';
import { readMap, type MapEntry } from './deid/deid-map.js';
import type { ImageRecord } from './deid/deid-report.js';

type Run = { code: number; stdout: string; stderr: string };

/** The command's entry point, for tests that need a process of its own (signals). */
const CXRLAB = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'cxrlab.js');

/** The VinDr-CXR image id, computed here with node:crypto (and checked against Python's hashlib below). */
const md5 = (uid: string): string => createHash('md5').update(uid).digest('hex');

async function cli(...args: string[]): Promise<Run> {
  const out = { stdout: '', stderr: '' };
  const io = { stdout: { write: (t: string) => (out.stdout += t) }, stderr: { isTTY: false, write: (t: string) => (out.stderr += t) } };
  const code = await runCli(args, io);
  return { code, ...out };
}

/** Every file under dir, hidden ones included: relative path -> bytes. */
function snapshot(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else files.set(relative(dir, p), readFileSync(p));
    }
  };
  walk(dir);
  return files;
}

/** Python's hashlib and pydicom as the independent reference for ids and element lists. */
function python(script: string, input: unknown): unknown {
  const r = spawnSync('/usr/bin/python3', ['-c', script], { input: JSON.stringify(input), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}

const VINDR_TAGS = ['00100040', '00101010', '00101020', '00101030', '00280002', '00280004', '00280008', '00280010', '00280011', '00280030', '00280034', '00280100', '00280101',
  '00280102', '00280103', '00280106', '00280107', '00281050', '00281051', '00281052', '00281053', '00282110', '00282112', '00282114', '7fe00010', '00080016', '00080018'];

let corpus: PhiCorpus;
let root: string;
/** Every planted string, the original UIDs and the identifying parts of the input paths. */
let planted: string[];

before(async () => {
  root = mkdtempSync(join(tmpdir(), 'cxrlab-deid-'));
  corpus = await buildPhiCorpus(join(root, 'in'));
  planted = [...Object.values(PLANTED), ...corpus.images.flatMap((i) => i.uids), 'PLANTED^JOHN', 'ward A', 'mono1-native'];
});

after(() => rmSync(root, { recursive: true, force: true }));

function readRecords(out: string): ImageRecord[] {
  return readFileSync(join(out, 'deid-report.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as ImageRecord);
}

function assertNoPlanted(dir: string): void {
  for (const [name, bytes] of snapshot(dir)) {
    const text = bytes.toString('latin1');
    for (const value of planted) assert.equal(text.indexOf(value), -1, `${name} holds the planted value ${value}`);
  }
}

async function frame(file: P10File) {
  return decodeFrame(pixelSource(file), 0);
}

describe('cxrlab deid --profile vindr on the planted-PHI corpus', () => {
  let out: string;
  let mapPath: string;
  let first: Run;
  let inputBefore: Map<string, Buffer>;

  before(async () => {
    out = join(root, 'vindr-out');
    mapPath = join(root, 'private', 'map.jsonl');
    inputBefore = snapshot(corpus.dir);
    first = await cli('deid', corpus.dir, out, '--map', mapPath, '--workers', '2');
  });

  it('de-identifies the images, skips the rejects with a reason, and counts them in the exit status', () => {
    assert.equal(first.code, 1, first.stderr);
    assert.match(first.stderr, /4 de-identified, 0 done before, 1 duplicate, 2 not an image, 2 failed/);
    const entries = [...readMap(mapPath).values()];
    for (const [name, status] of Object.entries(corpus.rejects)) {
      const entry = entries.find((e) => e.source.endsWith(`/${name}`));
      assert.equal(entry?.status, status, name);
      assert.ok(entry.reason && entry.code, `${name} has a reason and a code`);
    }
    assert.deepEqual(readdirSync(out).sort(), [...corpus.images.map((i) => `${md5(i.sopInstanceUid)}.dicom`), 'deid-report.jsonl', 'deid-summary.json'].sort());
  });

  it('never modifies an input', () => {
    assert.deepEqual(snapshot(corpus.dir), inputBefore);
  });

  it('names images by the MD5 of their SOP Instance UID, as Python hashlib computes it', () => {
    const ids = python('import sys, json, hashlib; print(json.dumps([hashlib.md5(u.encode()).hexdigest() for u in json.load(sys.stdin)]))', corpus.images.map((i) => i.sopInstanceUid)) as string[];
    assert.deepEqual(ids, corpus.images.map((i) => md5(i.sopInstanceUid)));
    for (const id of ids) assert.ok(statSync(join(out, `${id}.dicom`)).isFile());
  });

  it('leaves no planted value, original UID or input path in any byte of the output folder', () => {
    assertNoPlanted(out);
  });

  it('keeps exactly the Table 4 attributes (pydicom reads the outputs)', () => {
    const script = `
import sys, json, pydicom
out = []
for p in json.load(sys.stdin):
    ds = pydicom.dcmread(p)
    out.append({'tags': ['%08x' % int(e.tag) for e in ds], 'meta': ['%08x' % int(e.tag) for e in ds.file_meta],
                'seq': any(e.VR == 'SQ' for e in ds), 'sop': ds.SOPInstanceUID, 'msop': ds.file_meta.MediaStorageSOPInstanceUID,
                'preamble_zero': not any(ds.preamble or b'')})
print(json.dumps(out))`;
    const files = readdirSync(out).filter((n) => n.endsWith('.dicom')).map((n) => join(out, n));
    for (const f of python(script, files) as Array<{ tags: string[]; meta: string[]; seq: boolean; sop: string; msop: string; preamble_zero: boolean }>) {
      for (const tag of f.tags) assert.ok(VINDR_TAGS.includes(tag), `(${tag}) is not on the VinDr whitelist`);
      for (const tag of ['00080016', '00080018', '00280010', '00280011', '7fe00010']) assert.ok(f.tags.includes(tag), `(${tag}) kept`);
      assert.equal(f.seq, false);
      assert.deepEqual(f.meta, ['00020000', '00020001', '00020002', '00020003', '00020010', '00020012', '00020013']);
      assert.equal(f.sop, f.msop);
      assert.ok(f.preamble_zero);
    }
  });

  it('blanks the burned-in text and changes nothing outside the reported regions', async () => {
    const records = readRecords(out);
    for (const image of corpus.images.filter((i) => i.burned.length > 0)) {
      const record = records.find((r) => r.image_id === md5(image.sopInstanceUid))!;
      assert.equal(record.pixels, 'cleaned');
      const source = readDicomFileSync(join(corpus.dir, image.name));
      const output = readDicomFileSync(join(out, `${record.image_id}.dicom`));
      const [a, b] = [await frame(source), await frame(output)];
      const textValue = image.photometric === 'MONOCHROME1' ? 0 : 4095;
      for (const { text, box } of image.burned) {
        const covered = record.regions.some((r) => r.x <= box.x && r.y <= box.y && r.x + r.width >= box.x + box.width && r.y + r.height >= box.y + box.height);
        assert.ok(covered, `${image.name}: "${text}" at ${JSON.stringify(box)} is inside a reported region`);
        let before = 0;
        let after = 0;
        for (let y = box.y; y < box.y + box.height; y++) {
          for (let x = box.x; x < box.x + box.width; x++) {
            if (a.data[y * a.columns + x] === textValue) before++;
            if (b.data[y * b.columns + x] === textValue) after++;
          }
        }
        assert.ok(before > 50, `${text} was burned in`);
        assert.equal(after, 0, `${image.name}: no stroke of "${text}" survives`);
      }
      for (let i = 0; i < a.data.length; i++) {
        if (a.data[i] === b.data[i]) continue;
        const [x, y] = [i % a.columns, Math.floor(i / a.columns)];
        assert.ok(record.regions.some((r) => x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + r.height), `${image.name}: pixel (${x}, ${y}) changed outside every region`);
      }
      assert.equal(output.transferSyntax.uid, image.transferSyntaxUID, 'native stays native, J2K and JPEG-LS are re-encoded losslessly in their own syntax');
    }
  });

  it('clears overlay bits stored above Bits Stored in the pixel words', () => {
    const image = corpus.images.find((i) => i.name.includes('mono1-native'))!;
    const output = readDicomFileSync(join(out, `${md5(image.sopInstanceUid)}.dicom`));
    const pixels = output.dataSet.get(Tags.PixelData);
    assert.equal(pixels?.kind, 'bytes');
    const words = new Uint16Array(Uint8Array.from(pixels.value).buffer);
    assert.equal(words.filter((w) => w > 4095).length, 0);
    const record = readRecords(out).find((r) => r.image_id === md5(image.sopInstanceUid))!;
    assert.equal(record.unused_bits_cleared, 200 * 40);
  });

  it('keeps the original pixel bytes of an image without burned-in text', () => {
    const image = corpus.images.find((i) => i.name.includes('rg2'))!;
    const record = readRecords(out).find((r) => r.image_id === md5(image.sopInstanceUid))!;
    assert.equal(record.pixels, 'original');
    assert.equal(record.searched, true);
    const [a, b] = [readDicomFileSync(join(corpus.dir, image.name)), readDicomFileSync(join(out, `${record.image_id}.dicom`))];
    const [pa, pb] = [a.dataSet.get(Tags.PixelData), b.dataSet.get(Tags.PixelData)];
    assert.ok(pa?.kind === 'fragments' && pb?.kind === 'fragments');
    assert.deepEqual(pb.fragments.map((f) => Buffer.from(f)), pa.fragments.map((f) => Buffer.from(f)));
  });

  it('writes the private map only where asked, mode 0600, with the originals', () => {
    assert.equal(statSync(mapPath).mode & 0o777, 0o600);
    const entries = [...readMap(mapPath).values()].filter((e) => e.status === 'deidentified');
    assert.equal(entries.length, 4);
    for (const image of corpus.images) {
      const entry = entries.find((e) => e.sop_instance_uid === image.sopInstanceUid) as MapEntry;
      assert.equal(entry.image_id, md5(image.sopInstanceUid));
      assert.equal(entry.relative_path, image.name);
      assert.equal(entry.study_instance_uid, image.uids[0]);
      assert.ok(entry.values?.includes(PLANTED.patientId));
    }
  });

  it('verify passes on the output with the map, and compares every image with its source', async () => {
    const run = await cli('deid', 'verify', out, '--map', mapPath);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(run.stderr, /4 files, profile vindr, 0 problems; pixels compared with the source for 4 of 4/);
  });

  it('re-running skips finished images and leaves identical bytes', async () => {
    const before = snapshot(out);
    const again = await cli('deid', corpus.dir, out, '--map', mapPath, '--workers', '2');
    assert.equal(again.code, 1);
    assert.match(again.stderr, /0 de-identified, 4 done before, 1 duplicate/);
    const after = snapshot(out);
    for (const [name, bytes] of before) if (name.endsWith('.dicom')) assert.ok(after.get(name)?.equals(bytes), name);
    // a lost output is made again, byte for byte
    const victim = [...before.keys()].find((n) => n.endsWith('.dicom'))!;
    rmSync(join(out, victim));
    const third = await cli('deid', corpus.dir, out, '--map', mapPath, '--workers', '2');
    assert.match(third.stderr, /1 de-identified, 3 done before/);
    assert.ok(readFileSync(join(out, victim)).equals(before.get(victim)!));
  });

  it('verify catches a private element, a planted value and changed pixels', async () => {
    const tampered = join(root, 'tampered');
    cpSync(out, tampered, { recursive: true });
    const image = corpus.images.find((i) => i.name.includes('rg2'))!;
    const path = join(tampered, `${md5(image.sopInstanceUid)}.dicom`);
    const file = readDicomFileSync(path);
    file.dataSet.set(bytesElement(0x00090010, 'LO', encodeAscii('EVIL CO ')));
    file.dataSet.set(bytesElement(0x00091001, 'LO', encodeAscii(PLANTED.patientId)));
    writeDicomFileSync(path, file, { durable: false });
    const native = corpus.images.find((i) => i.name.includes('mono1'))!;
    const nativePath = join(tampered, `${md5(native.sopInstanceUid)}.dicom`);
    const bytes = readFileSync(nativePath);
    bytes.write(PLANTED.accession, bytes.length - 2000, 'latin1');
    writeFileSync(nativePath, bytes);
    const run = await cli('deid', 'verify', tampered, '--map', mapPath);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /\(0009,0010\).*\[ERR_NOT_ALLOWED\]/);
    assert.match(run.stdout, /original value .* in the header.*\[ERR_ORIGINAL_VALUE\]/);
    assert.match(run.stdout, /original value .* inside the Pixel Data.*\[ERR_ORIGINAL_VALUE\]/);
    assert.match(run.stdout, /differs from the source outside every reported text region.*\[ERR_PIXELS_CHANGED\]/);
  });
});

describe('cxrlab deid: ids, keys and the basic profile', () => {
  it('--id-key gives HMAC-SHA256 ids (as Python hmac computes them), the same on every run', async () => {
    const key = 'a-secret-key-of-some-length-0123';
    const out = join(root, 'keyed');
    const run = await cli('deid', corpus.dir, out, '--id-key', key, '--scrub-pixels', 'off');
    assert.equal(run.code, 1, run.stderr);
    const expected = python('import sys, json, hmac, hashlib; d = json.load(sys.stdin); print(json.dumps(sorted(hmac.new(d["k"].encode(), u.encode(), hashlib.sha256).hexdigest()[:32] for u in d["u"])))',
      { k: key, u: corpus.images.map((i) => i.sopInstanceUid) }) as string[];
    assert.deepEqual(readdirSync(out).filter((n) => n.endsWith('.dicom')).map((n) => n.slice(0, 32)).sort(), expected);
    for (const id of expected) assert.ok(!corpus.images.some((i) => md5(i.sopInstanceUid) === id));
    const records = readRecords(out);
    assert.ok(records.every((r) => r.pixels === 'original' && !r.searched), '--scrub-pixels off leaves every pixel alone');
  });

  it('--profile basic with no option removes or replaces every planted value and marks the file', async () => {
    const out = join(root, 'basic');
    const mapPath = join(root, 'basic-map.jsonl');
    const run = await cli('deid', corpus.dir, out, '--profile', 'basic', '--map', mapPath);
    assert.equal(run.code, 1, run.stderr);
    assertNoPlanted(out);
    const file = readDicomFileSync(join(out, `${md5(corpus.images[0]!.sopInstanceUid)}.dicom`));
    assert.equal(getString(file.dataSet, 0x00120062), 'YES');
    const methods = file.dataSet.get(0x00120064);
    assert.ok(methods?.kind === 'sequence');
    assert.deepEqual(methods.items.map((i) => getString(i.dataSet, 0x00080100)), ['113100', '113101'], 'Basic Profile, Clean Pixel Data (the pixels were searched)');
    assert.match(getString(file.dataSet, Tags.StudyInstanceUID) ?? '', /^2\.25\.\d+$/);
    const verify = await cli('deid', 'verify', out, '--map', mapPath);
    assert.equal(verify.code, 0, verify.stdout);
  });

  it('--profile basic options keep what they name', async () => {
    const out = join(root, 'basic-options');
    const run = await cli('deid', corpus.dir, out, '--profile', 'basic', '--retain-uids', '--retain-patient-characteristics', '--retain-modified-dates', '--clean-descriptors', '--retain-device-identity');
    assert.equal(run.code, 1, run.stderr);
    const image = corpus.images[0]!;
    const file = readDicomFileSync(join(out, `${md5(image.sopInstanceUid)}.dicom`));
    const source = readDicomFileSync(join(corpus.dir, image.name));
    assert.equal(getString(file.dataSet, Tags.StudyInstanceUID), image.uids[0], 'retain UIDs');
    assert.equal(getString(file.dataSet, 0x00100040), 'M', 'retain patient characteristics: sex');
    assert.equal(getString(file.dataSet, 0x00101010), '064Y', 'retain patient characteristics: age');
    const studyDate = getString(file.dataSet, 0x00080020);
    assert.match(studyDate ?? '', /^\d{8}$/, 'retain modified dates: a date');
    assert.notEqual(studyDate, getString(source.dataSet, 0x00080020), 'shifted');
    const description = getString(file.dataSet, 0x00081030) ?? '';
    assert.match(description, /CHEST/, 'clean descriptors keeps the description');
    assert.doesNotMatch(description, /PLANTED/, 'without the words of the patient name');
    assert.equal(getString(file.dataSet, 0x00181000), getString(source.dataSet, 0x00181000), 'retain device identity: serial number');
    assert.equal(getString(file.dataSet, Tags.PatientName) ?? '', '', 'the name still goes');
  });
});

describe('cxrlab deid: usage errors', () => {
  it('refuses a map inside the output folder, a basic option with vindr, and an unknown profile', async () => {
    const out = join(root, 'refused');
    assert.equal((await cli('deid', corpus.dir, out, '--map', join(out, 'map.jsonl'))).code, 2);
    assert.equal((await cli('deid', corpus.dir, out, '--retain-uids')).code, 2);
    assert.equal((await cli('deid', corpus.dir, out, '--profile', 'strict')).code, 2);
    assert.equal((await cli('deid', corpus.dir, out, '--id-key', 'short')).code, 2);
  });
});

describe('cxrlab deid: Ctrl-C', () => {
  it('keeps the report and an honest map, and a re-run finishes the rest', async () => {
    // eight JPEG 2000 images of their own (decoding and searching each takes a while): room to interrupt
    const dir = join(root, 'interrupt-in');
    mkdirSync(dir);
    const source = readDicomFileSync(join(corpus.dir, corpus.images[1]!.name));
    for (let k = 0; k < 8; k++) {
      source.dataSet.set(bytesElement(Tags.SOPInstanceUID, 'UI', encodeUID(`1.2.826.0.1.3680043.10.999.900.${k}`)));
      writeDicomFileSync(join(dir, `image-${k}.dcm`), source, { durable: false });
    }
    const out = join(root, 'interrupt-out');
    const mapPath = join(root, 'interrupt-map.jsonl');
    const child = spawn(process.execPath, [CXRLAB, 'deid', dir, out, '--map', mapPath, '--workers', '1', '--scrub-pixels', 'on'], { stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const report = join(out, 'deid-report.jsonl');
    while (!(existsSync(report) && readFileSync(report, 'utf8').includes('\n'))) await new Promise((r) => setTimeout(r, 10));
    child.kill('SIGINT');
    assert.equal(await exited, 130);
    const entries = [...readMap(mapPath).values()];
    const done = entries.filter((e) => e.status === 'deidentified');
    const notRun = entries.filter((e) => e.code === 'ERR_NOT_RUN');
    assert.ok(done.length >= 1 && notRun.length >= 1, `interrupted part-way: ${done.length} done, ${notRun.length} not run`);
    assert.equal(done.length + notRun.length, 8);
    for (const e of done) assert.ok(e.values && e.values.length > 0, 'the originals of finished images are kept');
    const again = await cli('deid', dir, out, '--map', mapPath, '--scrub-pixels', 'on');
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stderr, new RegExp(`${notRun.length} de-identified, ${done.length} done before`));
  });
});

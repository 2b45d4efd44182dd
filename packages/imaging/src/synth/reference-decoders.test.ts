// Independent checks of what `cxrlab synth` writes: pydicom 2.3 + GDCM read every file and decode
// it (HTJ2K aside: pydicom 2.3 has no decoder for it) to the generator's exact array, compared by
// sha256 computed in Python, or within a stated tolerance for lossy syntaxes; opj_decompress and
// ojph_expand decode the JPEG 2000 / HTJ2K codestreams pydicom extracts; dcmtk's dcmdjpls decodes
// JPEG-LS. Needs Debian's python3-pydicom, python3-gdcm, libopenjp2-tools, openjph-tools and dcmtk
// (scripts/setup-reference-tools.sh); without them the tests say so and skip, but fail under CI=true.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeP10 } from '@cxrlab/dicom';
import { PIXEL_ENCODINGS, PIXEL_ENCODING_NAMES, type PixelEncoding } from '../encode-pixels/pixel-encodings.js';
import { synthesizeChestFile } from './synth-chest-file.js';

const PYTHON = '/usr/bin/python3';
const here = dirname(fileURLToPath(import.meta.url));
const script = resolve(here, '..', '..', 'src', 'synth', 'reference-decoders.py');
const hasPydicom = spawnSync(PYTHON, ['-c', 'import pydicom, gdcm, numpy'], { stdio: 'ignore' }).status === 0;
const hasTool = (name: string): boolean => spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
const skipUnless = (ok: boolean, what: string): string | false => (!ok && !process.env.CI ? `${what} is not installed (scripts/setup-reference-tools.sh)` : false);

/** Stated tolerances for the lossy syntaxes, as fractions of the stored range (2^BitsStored). */
const J2K_LOSSY_RMSE = 0.02;
const J2K_LOSSY_MAX = 0.1;
const JPEG_LS_NEAR = 2;

interface Decoded { sha256?: string; maxError?: number; rmse?: number; error?: string; missing?: string; unsupported?: string }
interface Result {
  error?: string;
  transferSyntax: string;
  photometric: string;
  bitsStored: number;
  windowCenter: number[];
  windowWidth: number[];
  lossy: string;
  sopInstanceUID: string;
  basicOffsetTable?: string;
  pydicom: Decoded;
  opj_decompress?: Decoded;
  ojph_expand?: Decoded;
  dcmdjpls?: Decoded;
}
interface Case { name: string; encoding: PixelEncoding; bitsStored: number; photometric: string; sha256: string; window: [number, number] }

const CASES = PIXEL_ENCODING_NAMES.flatMap((encoding) => [
  { encoding, index: 0, bitsStored: 12 },
  { encoding, index: 1, bitsStored: 14 },
]);

function decoded(result: Decoded | undefined, who: string, c: Case): Required<Pick<Decoded, 'sha256' | 'maxError' | 'rmse'>> {
  assert.ok(result, `${who} did not run on ${c.name}`);
  assert.equal(result.error, undefined, `${who} failed on ${c.name}: ${result.error}`);
  assert.equal(result.missing, undefined, `${who}: ${result.missing} is missing`);
  return result as Required<Decoded>;
}

function checkExactOrTolerance(result: Decoded | undefined, who: string, c: Case): void {
  const r = decoded(result, who, c);
  const range = 2 ** c.bitsStored;
  if (c.encoding === 'j2k-lossy') {
    assert.ok(r.rmse <= J2K_LOSSY_RMSE * range, `${who} ${c.name}: RMSE ${r.rmse} > ${J2K_LOSSY_RMSE * range}`);
    assert.ok(r.maxError <= J2K_LOSSY_MAX * range, `${who} ${c.name}: max error ${r.maxError}`);
    assert.ok(r.maxError > 0, `${who} ${c.name}: lossy yet exact`);
  } else if (c.encoding === 'jpeg-ls-near') {
    assert.ok(r.maxError <= JPEG_LS_NEAR && r.maxError > 0, `${who} ${c.name}: max error ${r.maxError}, NEAR is ${JPEG_LS_NEAR}`);
  } else {
    assert.equal(r.sha256, c.sha256, `${who} ${c.name}: decoded array differs (max error ${r.maxError})`);
  }
}

describe('reference decoders read cxrlab synth files', { skip: skipUnless(hasPydicom, 'python3-pydicom / python3-gdcm') }, () => {
  const cases: Case[] = [];
  let results: Record<string, Result> = {};

  before(async () => {
    assert.ok(hasPydicom, 'CI must have pydicom and GDCM: .ci/run installs them');
    const dir = mkdtempSync(join(tmpdir(), 'cxrlab-synth-ref-'));
    const manifest = [];
    for (const { encoding, index, bitsStored } of CASES) {
      const photometric = index === 0 ? 'MONOCHROME1' : 'MONOCHROME2';
      const { file, image } = await synthesizeChestFile({ rows: 256, columns: 200, seed: 21, index, bitsStored, encoding, photometricInterpretation: 'mixed' });
      const name = `${encoding}-${index}`;
      writeFileSync(join(dir, `${name}.dcm`), encodeP10(file));
      writeFileSync(join(dir, `${name}.raw`), image.pixels);
      cases.push({ name, encoding, bitsStored, photometric, sha256: createHash('sha256').update(image.pixels).digest('hex'), window: [image.windowCenter, image.windowWidth] });
      manifest.push({ name, path: join(dir, `${name}.dcm`), raw: join(dir, `${name}.raw`) });
    }
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
    results = JSON.parse(execFileSync(PYTHON, [script, join(dir, 'manifest.json')], { maxBuffer: 64 * 1024 * 1024 }).toString('utf8')) as Record<string, Result>;
  });

  it('pydicom reads every file: transfer syntax, photometric, Bits Stored, window, lossy flag', () => {
    for (const c of cases) {
      const r = results[c.name]!;
      assert.equal(r.error, undefined, `${c.name}: ${r.error}`);
      assert.equal(r.transferSyntax, PIXEL_ENCODINGS[c.encoding].transferSyntaxUID);
      assert.equal(r.photometric, c.photometric);
      assert.equal(r.bitsStored, c.bitsStored);
      assert.equal(r.windowCenter[0], c.window[0]);
      assert.equal(r.windowWidth[0], c.window[1]);
      assert.equal(r.lossy, PIXEL_ENCODINGS[c.encoding].lossy ? '01' : '00');
      assert.match(r.sopInstanceUID, /^2\.25\.\d+$/);
      if (c.encoding !== 'explicit') assert.equal(r.basicOffsetTable, 'feff00e00400000000000000', `${c.name}: a Basic Offset Table with one offset, 0`);
    }
  });

  it('pydicom + GDCM decode the lossless syntaxes to exactly the generated pixels (sha256)', () => {
    for (const c of cases.filter((c) => ['explicit', 'j2k', 'jpeg-ls'].includes(c.encoding))) checkExactOrTolerance(results[c.name]!.pydicom, 'pydicom', c);
  });

  it(`pydicom + GDCM decode the lossy syntaxes within tolerance (JPEG 2000: RMSE <= ${J2K_LOSSY_RMSE * 100}% of range, max <= ${J2K_LOSSY_MAX * 100}%; JPEG-LS: max error <= NEAR = ${JPEG_LS_NEAR})`, () => {
    for (const c of cases.filter((c) => PIXEL_ENCODINGS[c.encoding].lossy)) checkExactOrTolerance(results[c.name]!.pydicom, 'pydicom', c);
  });

  it('opj_decompress decodes the JPEG 2000 and HTJ2K codestreams', { skip: skipUnless(hasTool('opj_decompress'), 'opj_decompress (libopenjp2-tools)') }, () => {
    for (const c of cases.filter((c) => ['j2k', 'j2k-lossy', 'htj2k'].includes(c.encoding))) checkExactOrTolerance(results[c.name]!.opj_decompress, 'opj_decompress', c);
  });

  it('ojph_expand decodes the HTJ2K codestreams exactly', { skip: skipUnless(hasTool('ojph_expand'), 'ojph_expand (openjph-tools)') }, () => {
    for (const c of cases.filter((c) => c.encoding === 'htj2k')) checkExactOrTolerance(results[c.name]!.ojph_expand, 'ojph_expand', c);
  });

  it('dcmtk dcmdjpls decodes the JPEG-LS files', { skip: skipUnless(hasTool('dcmdjpls'), 'dcmdjpls (dcmtk)') }, () => {
    for (const c of cases.filter((c) => c.encoding.startsWith('jpeg-ls'))) checkExactOrTolerance(results[c.name]!.dcmdjpls, 'dcmdjpls', c);
  });
});

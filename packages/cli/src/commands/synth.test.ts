import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getNumber, getString, readDicomFileSync } from '@cxrlab/dicom';
import { runCli } from '../run-cli.js';

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) } });
  return { code, stdout, stderr };
}

const small = ['--rows', '96', '--cols', '80', '--workers', '2'];

describe('cxrlab synth', () => {
  it('writes N files named synth-<seed>-<index>.dcm in the chosen syntax, and exits 0', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'cxrlab-synth-')), 'new', 'out');
    const { code, stderr } = await cli('synth', dir, '--count', '3', '--seed', '5', '--syntax', 'jpeg-ls', '--bits', '14', ...small);
    assert.equal(code, 0, stderr);
    assert.match(stderr, /3 written .*jpeg-ls.*, 0 failed/);
    assert.deepEqual(readdirSync(dir).sort(), ['synth-5-00000.dcm', 'synth-5-00001.dcm', 'synth-5-00002.dcm']);
    const files = readdirSync(dir).sort().map((name) => readDicomFileSync(join(dir, name)));
    for (const file of files) {
      assert.equal(file.transferSyntax.uid, '1.2.840.10008.1.2.4.80');
      assert.deepEqual([getNumber(file.dataSet, 'Rows'), getNumber(file.dataSet, 'Columns'), getNumber(file.dataSet, 'BitsStored')], [96, 80, 14]);
    }
    assert.deepEqual(files.map((f) => getString(f.dataSet, 'PhotometricInterpretation')), ['MONOCHROME1', 'MONOCHROME2', 'MONOCHROME1']);
    assert.deepEqual(files.map((f) => getString(f.dataSet, 'Modality')), ['CR', 'DX', 'CR']);
  });

  it('gives byte-identical files for the same arguments, and other files for another seed', async () => {
    const root = mkdtempSync(join(tmpdir(), 'cxrlab-synth-'));
    const args = ['--count', '2', '--syntax', 'j2k-lossy', '--photometric', 'MONOCHROME2', ...small];
    assert.equal((await cli('synth', join(root, 'a'), ...args)).code, 0);
    assert.equal((await cli('synth', join(root, 'b'), ...args)).code, 0);
    assert.equal((await cli('synth', join(root, 'c'), ...args, '--seed', '2')).code, 0);
    for (const name of ['synth-1-00000.dcm', 'synth-1-00001.dcm']) {
      assert.ok(readFileSync(join(root, 'a', name)).equals(readFileSync(join(root, 'b', name))), name);
    }
    assert.deepEqual(readdirSync(join(root, 'c')).sort(), ['synth-2-00000.dcm', 'synth-2-00001.dcm']);
    assert.ok(!readFileSync(join(root, 'a', 'synth-1-00000.dcm')).equals(readFileSync(join(root, 'c', 'synth-2-00000.dcm'))));
    // Written atomically: no temporary files left behind.
    assert.deepEqual(readdirSync(join(root, 'a')).filter((n) => n.startsWith('.')), []);
  });

  it('exits 2 with the usage on bad options', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxrlab-synth-'));
    const file = join(dir, 'a-file');
    writeFileSync(file, '');
    const bad: [string[], RegExp][] = [
      [[], /no OUT-DIR/],
      [[dir, 'extra'], /one OUT-DIR only/],
      [[dir, '--bits', '10'], /--bits must be a whole number from 12 to 14/],
      [[dir, '--count', '0'], /--count/],
      [[dir, '--rows', 'many'], /--rows/],
      [[dir, '--cols', '20'], /--cols/],
      [[dir, '--photometric', 'RGB'], /--photometric must be one of MONOCHROME1, MONOCHROME2, mixed/],
      [[dir, '--syntax', 'jpeg'], /--syntax must be one of explicit, j2k, j2k-lossy, jpeg-ls, jpeg-ls-near, htj2k/],
      [[dir, '--seed', '-1'], /--seed|argument/],
      [[dir, '--frobnicate'], /Unknown option/],
      [[file], /is not a directory/],
    ];
    for (const [args, message] of bad) {
      const { code, stderr } = await cli('synth', ...args);
      assert.equal(code, 2, `${args.join(' ')}: exit ${code}`);
      assert.match(stderr, message);
      assert.match(stderr, /Usage: cxrlab synth OUT-DIR/);
    }
    assert.deepEqual(readdirSync(dir), ['a-file'], 'nothing written on a usage error');
  });

  it('--help prints the options', async () => {
    const { code, stdout } = await cli('synth', '--help');
    assert.equal(code, 0);
    assert.match(stdout, /--syntax explicit\|j2k\|j2k-lossy\|jpeg-ls\|jpeg-ls-near\|htj2k/);
  });
});

import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expandInputs, outputStem } from './inputs.js';

let root: string;
const at = (...p: string[]): string => join(root, ...p);

before(() => {
  root = mkdtempSync(join(tmpdir(), 'cxrlab-inputs-'));
  for (const dir of ['data/p1/s1', 'data/p2', 'data/.git', 'data/out', 'other']) mkdirSync(at(dir), { recursive: true });
  for (const file of ['data/p1/s1/IM0001', 'data/p1/s1/IM0002.dcm', 'data/p2/b.DCM', 'data/p2/a.dicom', 'data/a.dcm', 'data/.DS_Store', 'data/.git/config', 'data/out/x.png', 'other/a.dcm', 'other/1.2.840.113619.2.55', 'other/Z.dcm', 'loose.dcm']) {
    writeFileSync(at(file), file);
  }
  symlinkSync(at('data'), at('data', 'p2', 'loop'));
});

describe('outputStem', () => {
  it('drops a DICOM extension only', () => {
    assert.equal(outputStem('a/b.dcm'), 'a/b');
    assert.equal(outputStem('b.DICOM'), 'b');
    assert.equal(outputStem('1.2.840.113619.2.55'), '1.2.840.113619.2.55');
    assert.equal(outputStem('IM0001'), 'IM0001');
    assert.equal(outputStem('.dcm'), '.dcm');
  });
});

describe('expandInputs', () => {
  it('walks directories recursively in sorted order, stems relative to the directory', () => {
    const { files, collisions } = expandInputs([at('data')], { exclude: [at('data', 'out')] });
    assert.deepEqual(files.map((f) => [f.path.slice(root.length + 1), f.stem]), [
      ['data/a.dcm', 'a'],
      ['data/p1/s1/IM0001', 'p1/s1/IM0001'],
      ['data/p1/s1/IM0002.dcm', 'p1/s1/IM0002'],
      ['data/p2/a.dicom', 'p2/a'],
      ['data/p2/b.DCM', 'p2/b'],
    ]);
    assert.deepEqual(collisions, []);
  });

  it('gives bare files their base name, and lists each file once', () => {
    const { files } = expandInputs(['loose.dcm', at('other', '1.2.840.113619.2.55'), 'loose.dcm', 'missing.dcm'], { cwd: root });
    assert.deepEqual(files.map((f) => [f.path, f.stem]), [
      [at('loose.dcm'), 'loose'],
      [at('missing.dcm'), 'missing'],
      [at('other', '1.2.840.113619.2.55'), '1.2.840.113619.2.55'],
    ]);
  });

  it('reads a file list: one path a line, relative ones keep their directories', () => {
    writeFileSync(at('list.txt'), `# inputs\n${at('other', 'Z.dcm')}\n\ndata/p1/s1/IM0002.dcm\r\n../${root.split('/').at(-1)}/loose.dcm\nother\n`);
    const { files } = expandInputs([], { fileList: 'list.txt', cwd: root });
    assert.deepEqual(files.map((f) => [f.path.slice(root.length + 1), f.stem]), [
      ['data/p1/s1/IM0002.dcm', 'data/p1/s1/IM0002'],
      ['loose.dcm', 'loose'],
      ['other/1.2.840.113619.2.55', '1.2.840.113619.2.55'],
      ['other/Z.dcm', 'Z'],
      ['other/a.dcm', 'a'],
    ]);
    assert.throws(() => expandInputs([], { fileList: 'no-such-list.txt', cwd: root }), /ENOENT/);
  });

  it('detects inputs that would write the same output, ignoring case', () => {
    writeFileSync(at('other', 'z.DCM'), 'z');
    const { collisions } = expandInputs([at('data'), at('other')], { exclude: [at('data', 'out')] });
    assert.deepEqual(collisions, [
      { stem: 'a', paths: [at('data', 'a.dcm'), at('other', 'a.dcm')] },
      { stem: 'Z', paths: [at('other', 'Z.dcm'), at('other', 'z.DCM')] },
    ]);
  });
});

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ResumeManifest, type ManifestEntry } from './resume-manifest.js';

function setup(): { dir: string; path: string; entry: ManifestEntry } {
  const dir = mkdtempSync(join(tmpdir(), 'cxrlab-manifest-'));
  writeFileSync(join(dir, 'a.png'), 'png!');
  const entry: ManifestEntry = { input: '/in/a.dcm', size: 100, mtimeMs: 1732689123456.789, fingerprint: 'f00d', output: 'a.png', outputSize: 4, options: { format: 'png' } };
  return { dir, path: join(dir, '.cxrlab-convert.jsonl'), entry };
}

describe('ResumeManifest', () => {
  it('an output is complete only when input, size, mtime, fingerprint match and the output exists with its size', () => {
    const { dir, path, entry } = setup();
    const manifest = ResumeManifest.open(path);
    assert.equal(manifest.size, 0);
    const candidate = { input: entry.input, size: entry.size, mtimeMs: entry.mtimeMs, fingerprint: entry.fingerprint, output: entry.output };
    assert.equal(manifest.isComplete(candidate), false);
    manifest.record(entry);
    assert.equal(manifest.isComplete(candidate), true);
    for (const change of [{ input: '/in/b.dcm' }, { size: 101 }, { mtimeMs: entry.mtimeMs + 1 }, { fingerprint: 'beef' }, { output: 'b.png' }]) {
      assert.equal(manifest.isComplete({ ...candidate, ...change }), false, JSON.stringify(change));
    }
    writeFileSync(join(dir, 'a.png'), 'truncated or replaced');
    assert.equal(manifest.isComplete(candidate), false);
    rmSync(join(dir, 'a.png'));
    assert.equal(manifest.isComplete(candidate), false);
  });

  it('persists line by line; a reopened manifest sees the latest entry per output and ignores torn lines', () => {
    const { path, entry } = setup();
    ResumeManifest.open(path).record({ ...entry, fingerprint: 'old' });
    ResumeManifest.open(path).record(entry);
    appendFileSync(path, '{"input":"/in/torn.dcm","si');
    const reopened = ResumeManifest.open(path);
    assert.equal(reopened.size, 1);
    assert.deepEqual(reopened.get('a.png'), entry);
    reopened.record({ ...entry, output: 'b.png' });
    const lines = readFileSync(path, 'utf8').split('\n');
    assert.equal(lines.at(-2), JSON.stringify({ ...entry, output: 'b.png' }), 'the torn line does not swallow the next entry');
    assert.equal(ResumeManifest.open(path).size, 2);
  });

  it('compact() keeps one line per output that still exists, sorted', () => {
    const { dir, path, entry } = setup();
    const manifest = ResumeManifest.open(path);
    manifest.record({ ...entry, output: 'gone.png' });
    manifest.record({ ...entry, fingerprint: 'old' });
    manifest.record(entry);
    writeFileSync(join(dir, '0.png'), 'x');
    manifest.record({ ...entry, output: '0.png', outputSize: 1 });
    manifest.compact();
    assert.deepEqual(readFileSync(path, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l).output), ['0.png', 'a.png']);
    assert.equal(ResumeManifest.open(path).get('a.png')?.fingerprint, 'f00d');
  });
});

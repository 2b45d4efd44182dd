// Files cxrlab writes, in every uncompressed transfer syntax, must read back in pydicom (an independent
// implementation) as the same data set pydicom reads from the original. Needs Debian's python3-pydicom
// (installed by .ci/run); without it the test says so and is skipped locally, but fails under CI=true.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sharedFixture, testAsset } from '../internal/test-assets.js';
import { readDicomFileSync } from './read.js';
import { writeDicomFileSync } from './write.js';
import { CONVERTIBLE, UNCOMPRESSED, comparableJson } from '../internal/conversion-cases.js';

const PYTHON = '/usr/bin/python3';
const hasPydicom = spawnSync(PYTHON, ['-c', 'import pydicom'], { stdio: 'ignore' }).status === 0;
const script = resolve(testAsset(), '..', '..', '..', 'scripts', 'goldens', 'pydicom_json.py');

interface PydicomResult {
  status: string;
  transferSyntax: string;
  dataSet: Record<string, { vr: string }>;
}

function pydicomJson(paths: string[]): Record<string, PydicomResult> {
  return JSON.parse(execFileSync(PYTHON, [script, ...paths], { maxBuffer: 256 * 1024 * 1024 }).toString('utf8')) as Record<string, PydicomResult>;
}

describe('pydicom reads what we write', () => {
  it('every uncompressed transfer syntax, for each convertible fixture', { skip: !hasPydicom && !process.env.CI ? 'python3-pydicom is not installed (apt-get install python3-pydicom)' : false }, () => {
    assert.ok(hasPydicom, 'CI must have python3-pydicom: .ci/run installs it');
    const dir = mkdtempSync(join(tmpdir(), 'cxrlab-interop-'));
    const written: { name: string; ts: string; path: string }[] = [];
    for (const name of CONVERTIBLE) {
      const original = readDicomFileSync(sharedFixture(name));
      for (const ts of UNCOMPRESSED) {
        const sub = join(dir, ts.uid);
        mkdirSync(sub, { recursive: true });
        const path = join(sub, name.replace('/', '_'));
        writeDicomFileSync(path, original, { transferSyntaxUID: ts.uid, durable: false });
        written.push({ name, ts: ts.uid, path });
      }
    }
    const theirs = pydicomJson(written.map((w) => w.path));
    const originals = pydicomJson(CONVERTIBLE.map((n) => sharedFixture(n)));
    for (const w of written) {
      const got = theirs[w.path]!;
      const want = originals[sharedFixture(w.name)]!;
      assert.equal(got.status, 'ok', `${w.name} as ${w.ts}: pydicom failed`);
      assert.equal(got.transferSyntax, w.ts);
      const implicit = w.ts === '1.2.840.10008.1.2';
      assert.deepStrictEqual(comparableJson(got.dataSet, implicit), comparableJson(want.dataSet, implicit), `${w.name} as ${w.ts}`);
    }
  });
});

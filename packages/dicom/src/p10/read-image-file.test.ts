import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Tags } from '../core/tags.js';
import { readableFixtures, sharedFixture, sharedFixtureFiles } from '../internal/test-assets.js';
import { readDicomFileSync } from './read.js';
import { PixelScratch, readImageFile } from './read-image-file.js';

const fixtures = sharedFixtureFiles();
const readable = new Set(readableFixtures());

describe('readImageFile', () => {
  it('gives the same data set and pixel bytes as readDicomFileSync for every readable fixture, large native ones through the scratch buffer', () => {
    const scratch = new PixelScratch();
    let throughScratch = 0;
    for (const path of [...readable]) {
      const expected = readDicomFileSync(path);
      const got = readImageFile(path, scratch);
      assert.deepEqual(got.dataSet.tags().filter((t) => t <= Tags.PixelData), expected.dataSet.tags().filter((t) => t <= Tags.PixelData), path);
      const [a, b] = [got.dataSet.get(Tags.PixelData), expected.dataSet.get(Tags.PixelData)];
      if (b?.kind === 'bytes') {
        assert.ok(a?.kind === 'bytes' && Buffer.from(a.value).equals(Buffer.from(b.value)), `${path}: pixel bytes`);
        if (a?.kind === 'bytes' && a.value.buffer === scratch.take(0).buffer) throughScratch++;
      }
    }
    assert.ok(throughScratch >= 2, `large native fixtures read through the scratch buffer (${throughScratch})`);
  });

  it("reuses one buffer: the previous file's pixels are overwritten by the next read", () => {
    const scratch = new PixelScratch();
    const big = fixtures.filter((p) => statSync(p).size >= 1024 * 1024 && readable.has(p) && readDicomFileSync(p).dataSet.get(Tags.PixelData)?.kind === 'bytes');
    const first = readImageFile(big[0]!, scratch).dataSet.get(Tags.PixelData);
    const second = readImageFile(big[1]!, scratch).dataSet.get(Tags.PixelData);
    assert.ok(first?.kind === 'bytes' && second?.kind === 'bytes');
    assert.equal(first.value.buffer, second.value.buffer);
  });

  it('fails on a file cut short inside its pixel data, like readDicomFileSync', () => {
    const truncated = sharedFixture('edge', 'MR_truncated.dcm');
    assert.throws(() => readImageFile(truncated, new PixelScratch()), { code: 'ERR_INVALID_LENGTH' });
    assert.throws(() => readDicomFileSync(truncated), { code: 'ERR_INVALID_LENGTH' });
    // a chest-sized native file cut short: the scratch path hands it to the full reader, which names the problem
    const cut = join(mkdtempSync(join(tmpdir(), 'cxrlab-read-')), 'cut.dcm');
    const whole = readFileSync(sharedFixture('cr', 'RG2_UNC.dcm'));
    writeFileSync(cut, whole.subarray(0, Math.floor(whole.length * 0.6)));
    assert.throws(() => readImageFile(cut, new PixelScratch()), /runs past the end of the data/);
  });
});

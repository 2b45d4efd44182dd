// Test helper: the checks every scrubbed image must pass.
import assert from 'node:assert/strict';
import { blankRegions } from '../blank-regions.js';
import type { PixelBox } from '../pixel-box.js';
import type { ScrubInput, ScrubResult } from '../scrub-pixel-data.js';
import { changedOutside, decodeInput, differences, isCovered, scrubbedFile, strokesLeft } from './scrub-test-kit.js';

/**
 * Checks a scrubbed image against its input, frame by frame: each planted box lies in the
 * reported regions and holds no stroke any more; nothing outside the regions changed; and the
 * new pixel data decodes to exactly the input with the regions blanked (so a re-encoding was
 * lossless). `planted[f]` lists the boxes of frame f. Returns the scrubbed file.
 */
export async function checkScrub(input: ScrubInput, result: ScrubResult, planted: readonly (readonly PixelBox[])[], transferSyntaxUID: string): Promise<ScrubInput> {
  assert.equal(result.transferSyntaxUID, transferSyntaxUID);
  const output = scrubbedFile(input, result);
  for (let f = 0; f < planted.length; f++) {
    const [before, after] = [await decodeInput(input, f), await decodeInput(output, f)];
    for (const box of planted[f]!) {
      assert.ok(isCovered(box, result.regions, f), `frame ${f}: ${JSON.stringify(box)} is not covered by ${JSON.stringify(result.regions)}`);
      assert.equal(strokesLeft(after, box), 0, `frame ${f}: strokes left in ${JSON.stringify(box)}`);
    }
    assert.equal(changedOutside(before, after, result.regions, f), 0, `frame ${f}: pixels changed outside the regions`);
    const expected = { ...before, data: before.data.slice() };
    blankRegions(expected, result.regions.filter((r) => r.frame === f));
    const diff = differences(expected, after);
    assert.equal(diff.count, 0, `frame ${f}: decoded output differs from the blanked input at ${diff.first.join(' ')}`);
  }
  return output;
}

// Reading then writing an unmodified file in its own transfer syntax reproduces it byte for byte,
// and reading in arbitrary chunks gives the same data set as reading in one go.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { listFixtures } from '../internal/fixtures.js';
import { toDicomJson } from '../json/to-json.js';
import { DataSetBuilder } from './build-data-set.js';
import { EXPECTED_ERRORS } from '../internal/golden-exceptions.js';
import { parseP10 } from './read.js';
import { P10Reader } from './reader.js';
import { encodeP10 } from './write.js';
import { randomGenerator } from '../internal/random.js';

/** Fixtures that are not well-formed Part 10, and what is compared for them instead of the whole file. */
const NOT_WELL_FORMED: Record<string, string> = {
  'edge/no_meta_group_length.dcm': 'file meta lacks (0002,0000); we write it, so only the data set bytes are compared',
  'edge/meta_missing_tsyntax.dcm': 'file meta lacks (0002,0010); we write it, so only the data set bytes are compared',
};

/** End of the file meta: 132 + 12 + the group length value. */
function metaEnd(bytes: Uint8Array): number {
  return 144 + new DataView(bytes.buffer, bytes.byteOffset).getUint32(140, true);
}

function indexOfBytes(haystack: Uint8Array, needle: Uint8Array, from: number): number {
  return Buffer.from(haystack.buffer, haystack.byteOffset, haystack.length).indexOf(Buffer.from(needle), from);
}

describe('byte-exact round trip', () => {
  for (const fixture of listFixtures()) {
    if (EXPECTED_ERRORS[fixture.name]) continue;
    it(fixture.name, () => {
      const input = new Uint8Array(readFileSync(fixture.path));
      const file = parseP10(input);
      if (!file.fileMeta) {
        // A bare data set (no preamble, no meta) is written back bare.
        const out = encodeP10(file, { fileMeta: false });
        assert.ok(Buffer.from(out).equals(input), 'bare data set differs');
        return;
      }
      const out = encodeP10(file);
      if (NOT_WELL_FORMED[fixture.name]) {
        const ours = encodeP10(file, { fileMeta: false });
        assert.ok(indexOfBytes(input, ours, 0) >= 0 && indexOfBytes(input, ours, 0) + ours.length === input.length,
          'data set bytes differ');
        assert.ok(Buffer.from(out).subarray(out.length - ours.length).equals(Buffer.from(ours)));
        return;
      }
      if (!file.preamble) {
        // Meta without a preamble: we add the preamble and DICM prefix, the rest is identical.
        assert.ok(Buffer.from(out).subarray(132).equals(input), 'file after the added preamble differs');
        return;
      }
      if (file.transferSyntax.deflated) {
        // Deflate output depends on the compressor's implementation and settings, so no encoder can promise
        // the same compressed bytes: the preamble and meta must match exactly, the inflated data sets too.
        const prefix = metaEnd(input);
        assert.ok(Buffer.from(out).subarray(0, prefix).equals(Buffer.from(input).subarray(0, prefix)), 'preamble or meta differs');
        assert.ok(inflateRawSync(out.subarray(prefix)).equals(inflateRawSync(input.subarray(prefix))), 'inflated data set differs');
        return;
      }
      assert.equal(out.length, input.length, 'length differs');
      const firstDifference = out.findIndex((b, i) => b !== input[i]);
      assert.equal(firstDifference, -1, `first differing byte at ${firstDifference}`);
    });
  }
});

describe('reading in random-sized chunks gives the same data set', () => {
  const random = randomGenerator(20261126);
  for (const fixture of listFixtures()) {
    if (EXPECTED_ERRORS[fixture.name]) continue;
    it(fixture.name, () => {
      const input = new Uint8Array(readFileSync(fixture.path));
      const whole = parseP10(input);
      const reader = new P10Reader();
      const builder = new DataSetBuilder();
      let at = 0;
      while (!builder.isComplete) {
        for (let t = reader.next(); t !== null; t = reader.next()) {
          builder.add(t);
          if (t.type === 'end') break;
        }
        if (builder.isComplete) break;
        const size = 1 + Math.floor(random() * (random() < 0.5 ? 16 : 65536));
        const end = Math.min(input.length, at + size);
        reader.write(input.subarray(at, end), end === input.length);
        at = end;
      }
      const chunked = builder.result(input.length);
      assert.deepStrictEqual(toDicomJson(chunked.dataSet), toDicomJson(whole.dataSet));
      assert.deepStrictEqual(chunked.fileMeta && toDicomJson(chunked.fileMeta), whole.fileMeta && toDicomJson(whole.fileMeta));
    });
  }
});

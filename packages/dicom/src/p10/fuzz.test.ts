// Mutates the fixtures (bit flips, byte changes, truncations, corrupted lengths, inserted and deleted
// bytes) and checks that reading, decoding, printing and re-writing only ever throw DicomError,
// never hang, and never hold more value bytes than the input has.
// CXRLAB_FUZZ_CASES sets the number of cases (default 10,000; `npm run test:fuzz` runs 200,000).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DicomError } from '../core/errors.js';
import { listFixtures } from '../internal/fixtures.js';
import { randomGenerator } from '../internal/random.js';
import { toDicomJson } from '../json/to-json.js';
import { dumpP10 } from '../dump/dump.js';
import { parseP10 } from './read.js';
import { encodeP10 } from './write.js';

const CASES = Number(process.env.CXRLAB_FUZZ_CASES ?? 10_000);
const SEED = Number(process.env.CXRLAB_FUZZ_SEED ?? 246);

type Mutation = (bytes: Uint8Array, random: () => number) => Uint8Array;

const pick = (random: () => number, n: number): number => Math.floor(random() * n);
/** Offsets biased towards the header, where the structure is. */
const position = (bytes: Uint8Array, random: () => number): number =>
  pick(random, random() < 0.8 ? Math.min(bytes.length, 4096) : bytes.length);

const MUTATIONS: Record<string, Mutation> = {
  bitFlip(bytes, random) {
    const at = position(bytes, random);
    bytes[at]! ^= 1 << pick(random, 8);
    return bytes;
  },
  randomByte(bytes, random) {
    bytes[position(bytes, random)] = pick(random, 256);
    return bytes;
  },
  truncate(bytes, random) {
    return bytes.subarray(0, pick(random, bytes.length));
  },
  corruptLength(bytes, random) {
    const at = position(bytes, random) & ~1;
    const values = [0xffffffff, 0xfffffff0, 0x7fffffff, 0x80000000, bytes.length, pick(random, 0x10000), 0, 1];
    const value = values[pick(random, values.length)]!;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
    if (at + 4 <= bytes.length) view.setUint32(at, value >>> 0, true);
    return bytes;
  },
  insertBytes(bytes, random) {
    const at = position(bytes, random);
    const extra = new Uint8Array(1 + pick(random, 16)).map(() => pick(random, 256));
    const out = new Uint8Array(bytes.length + extra.length);
    out.set(bytes.subarray(0, at));
    out.set(extra, at);
    out.set(bytes.subarray(at), at + extra.length);
    return out;
  },
  deleteBytes(bytes, random) {
    const n = Math.min(bytes.length, 1 + pick(random, 16));
    const at = Math.min(position(bytes, random), bytes.length - n);
    const out = new Uint8Array(bytes.length - n);
    out.set(bytes.subarray(0, at));
    out.set(bytes.subarray(at + n), at);
    return out;
  },
};

function exercise(bytes: Uint8Array): void {
  for (const stopBeforePixelData of [false, true]) {
    const file = parseP10(bytes, { stopBeforePixelData });
    if (!file.transferSyntax.deflated) assert.ok(file.dataSet.valueBytes() <= bytes.length, 'holds more value bytes than the input');
    toDicomJson(file.dataSet, { bulkDataURI: () => 'bulk', bulkDataThreshold: 64 });
    dumpP10(file);
    if (!stopBeforePixelData) encodeP10(file);
  }
}

describe('fuzz: only DicomError escapes', () => {
  it(`${CASES} mutated fixtures`, { timeout: 30 * 60 * 1000 }, () => {
    const fixtures = listFixtures().map((f) => ({ name: f.name, bytes: new Uint8Array(readFileSync(f.path)) }));
    const small = fixtures.filter((f) => f.bytes.length <= 1024 * 1024);
    const large = fixtures.filter((f) => f.bytes.length > 1024 * 1024);
    const random = randomGenerator(SEED);
    const names = Object.keys(MUTATIONS);
    const errors = new Map<string, number>();
    for (let i = 0; i < CASES; i++) {
      const pool = random() < 0.95 || large.length === 0 ? small : large;
      const fixture = pool[pick(random, pool.length)]!;
      let bytes: Uint8Array = fixture.bytes.slice();
      const applied: string[] = [];
      for (let m = 0, count = 1 + pick(random, 3); m < count; m++) {
        const name = names[pick(random, names.length)]!;
        applied.push(name);
        bytes = MUTATIONS[name]!(bytes, random);
      }
      try {
        exercise(bytes);
      } catch (error) {
        if (!(error instanceof DicomError)) {
          assert.fail(`case ${i} (${fixture.name}, ${applied.join('+')}, seed ${SEED}) threw ${(error as Error).stack}`);
        }
        assert.ok(error.offset === undefined || Number.isFinite(error.offset));
        errors.set(error.code, (errors.get(error.code) ?? 0) + 1);
      }
    }
    // The mutations must actually reach the error paths, or the test proves nothing.
    for (const code of ['ERR_INVALID_LENGTH', 'ERR_TRUNCATED', 'ERR_INVALID_VR', 'ERR_UNEXPECTED_TAG'] as const) {
      assert.ok((errors.get(code) ?? 0) > 0 || CASES < 1000, `no case produced ${code}: ${JSON.stringify([...errors])}`);
    }
  });
});

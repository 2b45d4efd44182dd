import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JsonLinesLog } from './json-lines-log.js';

interface Row {
  id: string;
  n: number;
}
const isRow = (v: unknown): v is Row => typeof (v as Row)?.id === 'string' && typeof (v as Row)?.n === 'number';

describe('JsonLinesLog', () => {
  it('keeps the last line of each key, ignoring torn and foreign lines', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'cxrlab-jsonl-')), 'log.jsonl');
    writeFileSync(path, '{"id":"b","n":1}\n{"other":true}\n{"id":"a","n":2}\n{"id":"b","n":3}\n{"id":"c","n"');
    const log = JsonLinesLog.open(path, isRow, (r) => r.id);
    assert.deepEqual(log.values(), [{ id: 'b', n: 3 }, { id: 'a', n: 2 }]);
    log.append({ id: 'd', n: 4 });
    assert.match(readFileSync(path, 'utf8'), /"n"\n\{"id":"d","n":4\}\n$/, 'a new line after the torn one, not glued to it');
    assert.equal(JsonLinesLog.open(path, isRow, (r) => r.id).get('d')?.n, 4);
  });

  it('compacts to one sorted line per kept key, atomically replacing the file', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'cxrlab-jsonl-')), 'log.jsonl');
    const log = JsonLinesLog.open(path, isRow, (r) => r.id);
    for (const row of [{ id: 'z', n: 1 }, { id: 'a', n: 2 }, { id: 'z', n: 5 }, { id: 'm', n: 3 }]) log.append(row);
    log.compact((r) => r.id !== 'm');
    assert.equal(readFileSync(path, 'utf8'), '{"id":"a","n":2}\n{"id":"z","n":5}\n');
    assert.equal(log.size, 2);
    assert.equal(log.get('m'), undefined);
  });

  it('appends a batch of records in one write, later ones of a key winning', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'cxrlab-jsonl-')), 'log.jsonl');
    const log = JsonLinesLog.open(path, isRow, (r) => r.id);
    log.appendAll([{ id: 'x', n: 1 }, { id: 'y', n: 2 }, { id: 'x', n: 3 }]);
    log.appendAll([]);
    assert.equal(readFileSync(path, 'utf8'), '{"id":"x","n":1}\n{"id":"y","n":2}\n{"id":"x","n":3}\n');
    assert.deepEqual(JsonLinesLog.open(path, isRow, (r) => r.id).values(), [{ id: 'x', n: 3 }, { id: 'y', n: 2 }]);
  });
});

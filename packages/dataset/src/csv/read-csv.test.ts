import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DatasetFormatError } from '../model/annotations.js';
import { readCsvTable, type ReadCsvOptions } from './read-csv.js';

const options: ReadCsvOptions = { file: 'boxes.csv', required: ['image_id', 'x_min'], optional: ['rad_id'] };

function throwsAt(run: () => unknown, line: number, column: number | undefined, reason: string | RegExp): void {
  assert.throws(run, (e: unknown) => {
    assert.ok(e instanceof DatasetFormatError);
    assert.deepEqual([e.file, e.line, e.column], ['boxes.csv', line, column]);
    if (typeof reason === 'string') assert.equal(e.reason, reason);
    else assert.match(e.reason, reason);
    return true;
  });
}

describe('readCsvTable', () => {
  it('maps cells by header name, in any column order; an absent optional column reads empty', () => {
    const records = [...readCsvTable('x_min,extra,image_id\n1.5,?,a\n', options)];
    assert.equal(records.length, 1);
    const [r] = records;
    assert.deepEqual([r?.line, r?.get('image_id'), r?.number('x_min'), r?.get('rad_id'), r?.get('extra')], [2, 'a', 1.5, '', '?']);
  });

  it('reports a missing required column at line 1', () => {
    throwsAt(() => readCsvTable('image_id,y_min\n', options), 1, undefined, 'missing column "x_min"');
  });

  it('reports an empty file', () => {
    throwsAt(() => readCsvTable('', options), 1, undefined, /no header/);
  });

  it('reports a column that appears twice, and in strict mode an unexpected one', () => {
    throwsAt(() => readCsvTable('image_id,x_min,image_id\n', options), 1, 3, 'column "image_id" appears twice');
    throwsAt(() => readCsvTable('image_id,x_min,rad_id,what\n', { ...options, strict: true }), 1, 4, 'unexpected column "what"');
  });

  it('accepts aliases through columnName', () => {
    const table = readCsvTable('ID,x_min\nq,2\n', { ...options, columnName: (c) => (c === 'ID' ? 'image_id' : c) });
    assert.deepEqual([...table].map((r) => r.get('image_id')), ['q']);
    assert.deepEqual(table.header, ['ID', 'x_min']);
  });

  it('reports a wrong field count at the first missing or extra column', () => {
    throwsAt(() => [...readCsvTable('image_id,x_min\na,1\nb\n', options)], 3, 2, 'expected 2 fields, found 1');
    throwsAt(() => [...readCsvTable('image_id,x_min\na,1,2,3\n', options)], 2, 3, 'expected 2 fields, found 4');
  });

  it('skips blank lines, as pandas does', () => {
    assert.deepEqual([...readCsvTable('image_id,x_min\n\na,1\r\n\r\nb,2\n\n', options)].map((r) => [r.line, r.get('image_id')]), [[3, 'a'], [5, 'b']]);
  });

  it('reports a cell that is not a number with its line and column', () => {
    throwsAt(() => [...readCsvTable('image_id,x_min\na,1\nb,abc\n', options)].map((r) => r.number('x_min')), 3, 2, 'x_min: "abc" is not a number');
    throwsAt(() => [...readCsvTable('image_id,x_min\nb,\n', options)].map((r) => r.number('x_min')), 2, 2, 'x_min: "" is not a number');
  });

  it('reads empty cells as undefined with optionalNumber, and rejects empty text cells', () => {
    const [r] = [...readCsvTable('image_id,x_min\n,\n', options)];
    assert.equal(r?.optionalNumber('x_min'), undefined);
    throwsAt(() => r?.text('image_id'), 2, 1, 'image_id is empty');
  });
});

// Shared assertions for the format tests (a test file itself, so the package build leaves it out of dist's public files).
import assert from 'node:assert/strict';
import { DatasetFormatError } from '../model/annotations.js';

/** Asserts that `run` throws a DatasetFormatError at exactly this file, line and column, with this reason. */
export function throwsAt(run: () => unknown, file: string, line: number, column: number | undefined, reason: string | RegExp): void {
  assert.throws(run, (e: unknown) => {
    assert.ok(e instanceof DatasetFormatError, String(e));
    assert.deepEqual([e.file, e.line, e.column], [file, line, column], e.message);
    if (typeof reason === 'string') assert.equal(e.reason, reason);
    else assert.match(e.reason, reason);
    return true;
  });
}

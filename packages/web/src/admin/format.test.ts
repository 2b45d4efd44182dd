import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError } from '../api/api-error.js';
import { errorWithField, isFieldError } from './api-error-text.js';
import { formatBytes, formatDuration, formatStat, percent, plural } from './format.js';

describe('formatDuration', () => {
  it('chooses the unit by size and pads seconds and minutes', () => {
    assert.equal(formatDuration(850), '850 ms');
    assert.equal(formatDuration(42_400), '42 s');
    assert.equal(formatDuration(185_000), '3 min 05 s');
    assert.equal(formatDuration(3_720_000), '1 h 02 min');
  });
  it('shows a dash when unknown', () => {
    assert.equal(formatDuration(null), '–');
    assert.equal(formatDuration(Number.NaN), '–');
  });
});

describe('formatBytes, percent, formatStat, plural', () => {
  it('formats sizes in binary units', () => {
    assert.equal(formatBytes(512), '512 B');
    assert.equal(formatBytes(1536), '1.5 KiB');
    assert.equal(formatBytes(8_389_294), '8.0 MiB');
  });
  it('rounds and clamps percentages, 0 of nothing', () => {
    assert.equal(percent(1, 3), 33);
    assert.equal(percent(5, 0), 0);
    assert.equal(percent(7, 5), 100);
  });
  it('formats statistics with a real minus and n/a', () => {
    assert.equal(formatStat(0.6234), '0.62');
    assert.equal(formatStat(-0.1), '−0.10');
    assert.equal(formatStat(null), 'n/a');
  });
  it('pluralises', () => {
    assert.equal(plural(1, 'image'), '1 image');
    assert.equal(plural(2, 'box', 'boxes'), '2 boxes');
  });
});

describe('api error text', () => {
  const error = new ApiError(400, 'ERR_VALIDATION', 'must match pattern', { field: 'body.schema.labels[2].name' });
  it('matches the field and what lies inside it, not a longer name', () => {
    assert.equal(isFieldError(error, 'body.schema'), true);
    assert.equal(isFieldError(error, 'body.schema.labels'), true);
    assert.equal(isFieldError(error, 'body.sch'), false);
    assert.equal(isFieldError(error, 'body.key'), false);
    assert.equal(isFieldError(new Error('x'), 'body.key'), false);
  });
  it('appends the field unless the message names it', () => {
    assert.equal(errorWithField(error), 'must match pattern (field: body.schema.labels[2].name)');
    const named = new ApiError(400, 'ERR_VALIDATION', 'body.key: taken', { field: 'body.key' });
    assert.equal(errorWithField(named), 'body.key: taken');
  });
});

import assert from 'node:assert/strict';
import { copyFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { sharedFixture } from '@cxrlab/dicom/testing';
import { etagMatches, fileStamp, imageEtag } from './image-etag.js';
import { ImageError } from './image-error.js';
import { scratchDir } from './internal/test-images.js';

const scratch = scratchDir();
after(scratch.remove);

describe('imageEtag', () => {
  it('is a quoted strong tag, stable while the file is unchanged', () => {
    const path = join(scratch.dir, 'a.dcm');
    copyFileSync(sharedFixture('edge', 'CT_small.dcm'), path);
    const etag = imageEtag(fileStamp(path), 'cxrp1');
    assert.match(etag, /^"cxrp1-[0-9a-f]{16}-[0-9a-z]+-[0-9a-z]+"$/);
    assert.equal(imageEtag(fileStamp(path), 'cxrp1'), etag);
  });

  it('changes with the content, the modification time, the path and the format version', () => {
    const path = join(scratch.dir, 'b.dcm');
    writeFileSync(path, 'one');
    const time = new Date('2025-01-02T03:04:05Z');
    utimesSync(path, time, time);
    const first = imageEtag(fileStamp(path), 'cxrp1');
    writeFileSync(path, 'two!');
    utimesSync(path, time, time);
    const resized = imageEtag(fileStamp(path), 'cxrp1');
    assert.notEqual(resized, first, 'size changed');
    writeFileSync(path, 'six!');
    utimesSync(path, new Date(time.getTime() + 1), new Date(time.getTime() + 1));
    const touched = imageEtag(fileStamp(path), 'cxrp1');
    assert.notEqual(touched, resized, 'same size, newer time');
    assert.notEqual(imageEtag(fileStamp(path), 'cxrp2'), touched);
    const other = join(scratch.dir, 'c.dcm');
    copyFileSync(path, other);
    utimesSync(other, new Date(time.getTime() + 1), new Date(time.getTime() + 1));
    assert.notEqual(imageEtag(fileStamp(other), 'cxrp1'), touched, 'same bytes and time, another file');
  });

  it('stat errors are ImageErrors', () => {
    assert.throws(() => fileStamp(join(scratch.dir, 'none')), (e: unknown) => e instanceof ImageError && e.code === 'ERR_IMAGE_NOT_FOUND');
    assert.throws(() => fileStamp(scratch.dir), (e: unknown) => e instanceof ImageError && /not a regular file/.test(e.message));
  });
});

describe('etagMatches (If-None-Match)', () => {
  const etag = '"cxrp1-abc-1-2"';
  it('matches the tag, in a list, weakly, or *', () => {
    assert.equal(etagMatches(etag, etag), true);
    assert.equal(etagMatches(`"x", ${etag}`, etag), true);
    assert.equal(etagMatches(`W/${etag}`, etag), true);
    assert.equal(etagMatches('*', etag), true);
  });
  it('does not match others or nothing', () => {
    assert.equal(etagMatches(undefined, etag), false);
    assert.equal(etagMatches('', etag), false);
    assert.equal(etagMatches('"cxrp1-abc-1-3"', etag), false);
    assert.equal(etagMatches('cxrp1-abc-1-2', etag), false);
  });
});

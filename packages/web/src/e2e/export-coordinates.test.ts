// What is drawn on a zoomed and panned image is exported in image pixels: zoom in at a point with the
// wheel (the point stays under the cursor), pan with the middle button (the image follows the pointer),
// draw boxes at known image coordinates through the screen mapping, submit, export (vindr) and compare
// the CSV with the intended coordinates.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import {
  browserSuite, clickSubmit, drawBox, exportFiles, imageToPage, middleDrag, openFirstRead, pageToImage, parseCsv, readView, setGlobal, wheelAt,
  type Box,
} from './harness/index.js';

const KEY = 'COORD';
/** A landscape image (columns != rows), so that a swapped axis shows. */
const ROWS = 700;
const COLUMNS = 900;
/** Image px: the error allowed between what was aimed at and what is exported (the pointer lands on whole CSS px). */
const TOLERANCE = 1;

describe('boxes drawn on a zoomed and panned image are exported in image pixels', () => {
  const suite = browserSuite({ key: KEY, template: 'vindr-train', readersPerImage: 1, annotators: ['ann1'], images: 1, image: { rows: ROWS, columns: COLUMNS } });
  let page: Page;
  let errors: string[] = [];
  let viewer: Locator;
  let taskId: number;
  const intended: Box[] = [];

  before(async () => {
    const opened = await openFirstRead(suite);
    ({ page, errors, viewer } = opened);
    const next = opened.next;
    assert.deepEqual([next.image.width, next.image.height], [COLUMNS, ROWS]);
    taskId = next.task.id;
  });

  it('the wheel zooms in about the point under the cursor', async () => {
    const at = { x: 520, y: 380 };
    const before = await readView(viewer);
    const cursor = await imageToPage(viewer, at);
    await wheelAt(page, viewer, at, -300);
    await wheelAt(page, viewer, at, -300);
    const after = await readView(viewer);
    assert.ok(after.scale > before.scale * 1.2, `zoomed in: scale ${before.scale} -> ${after.scale}`);
    const under = await pageToImage(viewer, cursor);
    assert.ok(Math.abs(under.x - at.x) < 0.5 && Math.abs(under.y - at.y) < 0.5, `the point under the cursor stays: ${JSON.stringify(under)}`);
  });

  it('the middle button pans: the image follows the pointer', async () => {
    const before = await readView(viewer);
    await middleDrag(page, viewer, { x: 520, y: 380 }, -180, -110);
    const after = await readView(viewer);
    assert.equal(after.scale, before.scale);
    assert.ok(Math.abs(after.x - before.x + 180) <= 1 && Math.abs(after.y - before.y + 110) <= 1, `moved by the drag: ${JSON.stringify(before)} -> ${JSON.stringify(after)}`);
  });

  it('boxes drawn at known image coordinates in that view are exported at those coordinates', async () => {
    const box = (await viewer.boundingBox())!;
    const topLeft = await pageToImage(viewer, { x: box.x, y: box.y });
    const bottomRight = await pageToImage(viewer, { x: box.x + box.width, y: box.y + box.height });
    const left = Math.max(0, topLeft.x);
    const top = Math.max(0, topLeft.y);
    const right = Math.min(COLUMNS, bottomRight.x);
    const bottom = Math.min(ROWS, bottomRight.y);
    assert.ok(right - left > 100 && bottom - top > 100, `a usable part of the image is in view: ${[left, top, right, bottom].join(', ')}`);
    assert.ok(left > 0 || top > 0, 'the view is panned away from the image\'s corner');
    // three boxes inside the visible part (away from its edges, where the toolbar may lie), at whole and half pixels
    const at = (fx: number, fy: number) => ({ x: Math.round((left + fx * (right - left)) * 2) / 2, y: Math.round((top + fy * (bottom - top)) * 2) / 2 });
    for (const [label, a, b] of [
      ['Nodule/Mass', at(0.2, 0.25), at(0.35, 0.4)],
      ['Pleural effusion', at(0.5, 0.55), at(0.8, 0.75)],
      ['Atelectasis', at(0.25, 0.6), at(0.4, 0.7)],
    ] as const) intended.push({ label, xMin: a.x, yMin: a.y, xMax: b.x, yMax: b.y });
    for (const b of intended) await drawBox(page, viewer, b);
    await setGlobal(page, 'Other diseases', true);
    const view = JSON.stringify(await readView(viewer));
    const answer = await clickSubmit(page, taskId);
    assert.equal(answer.status(), 200, await answer.text());

    const files = await exportFiles(suite.web, KEY);
    const rows = parseCsv(files.get('annotations/annotations_train.csv')!);
    assert.deepEqual(rows.map((r) => r['class_name']), intended.map((b) => b.label));
    for (const [i, row] of rows.entries()) {
      const want = intended[i]!;
      const got = { xMin: Number(row['x_min']), yMin: Number(row['y_min']), xMax: Number(row['x_max']), yMax: Number(row['y_max']) };
      for (const k of ['xMin', 'yMin', 'xMax', 'yMax'] as const) {
        assert.ok(Math.abs(got[k] - want[k]) <= TOLERANCE, `${want.label} ${k}: exported ${got[k]}, aimed at ${want[k]} (view ${view})`);
      }
    }
    const sizes = parseCsv(files.get('image_sizes.csv')!);
    assert.deepEqual(sizes, [{ image_id: suite.study.images[0]!.imageId, width: String(COLUMNS), height: String(ROWS) }]);
  });

  it('no page threw an uncaught exception', () => {
    assert.deepEqual(errors, []);
  });
});

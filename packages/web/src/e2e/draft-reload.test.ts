// No lost work in the browser: a reload keeps the draft, whether it comes right after an edit (before
// the autosave's debounce), after the autosave, or after edits made while the network was down.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { TaskView } from '@cxrlab/server/api-types';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import {
  boxLabels, browserSuite, draftStatus, drawBox, editAndSave, expectStatus, globalsOn, openFirstRead, setGlobal, waitForDraftStatus, waitForImage,
  type Box,
} from './harness/index.js';

const KEY = 'DRAFT';
const GLOBALS = ['COPD', 'Lung tumor', 'Pneumonia', 'Tuberculosis', 'Other diseases', 'No finding'];
const A: Box = { label: 'Nodule/Mass', xMin: 100, yMin: 110, xMax: 170, yMax: 190 };
const B: Box = { label: 'Pleural effusion', xMin: 250, yMin: 300, xMax: 400, yMax: 430 };
const C: Box = { label: 'Cardiomegaly', xMin: 180, yMin: 200, xMax: 330, yMax: 320 };

describe('a reload keeps the draft', () => {
  const suite = browserSuite({ key: KEY, template: 'vindr-train', readersPerImage: 1, annotators: ['ann1'], images: 1 });
  let context: BrowserContext;
  let page: Page;
  let errors: string[] = [];
  let viewer: Locator;
  let taskId: number;
  let imageId: number;

  const serverRead = async () => expectStatus(await suite.study.annotators[0]!.api.get<TaskView>(`/api/tasks/${taskId}`), 200, 'task').annotation!;
  const reload = async (): Promise<void> => {
    await page.reload();
    await waitForImage(page, imageId);
  };
  const waitForBoxes = (n: number) => page.waitForFunction((count) => document.querySelectorAll('[data-testid="box-item"]').length === count, n);
  const near = (got: { xMin: number; yMin: number; xMax: number; yMax: number }, want: Box) =>
    (['xMin', 'yMin', 'xMax', 'yMax'] as const).every((k) => Math.abs(got[k] - want[k]) <= 1);

  before(async () => {
    const opened = await openFirstRead(suite);
    ({ context, page, errors, viewer } = opened);
    const next = opened.next;
    taskId = next.task.id;
    imageId = next.image.id;
  });

  it('reloading right after an edit (before the autosave) brings the box and the global label back', async () => {
    await drawBox(page, viewer, A);
    await setGlobal(page, 'Lung tumor', true);
    await reload();
    await waitForBoxes(1);
    assert.deepEqual(await boxLabels(page), [A.label]);
    assert.deepEqual(await globalsOn(page, GLOBALS), ['Lung tumor']);
    await waitForDraftStatus(page, 'Saved');
    const read = await serverRead();
    assert.deepEqual(read.globals, ['Lung tumor']);
    assert.equal(read.boxes.length, 1);
    assert.ok(near(read.boxes[0]!, A), `box A as drawn: ${JSON.stringify(read.boxes[0])}`);
  });

  it('reloading after the autosave brings everything back', async () => {
    await editAndSave(page, taskId, () => drawBox(page, viewer, B).then(() => undefined));
    assert.deepEqual((await serverRead()).boxes.map((b) => b.label), [A.label, B.label]);
    await reload();
    await waitForBoxes(2);
    assert.deepEqual(await boxLabels(page), [A.label, B.label]);
    assert.deepEqual(await globalsOn(page, GLOBALS), ['Lung tumor']);
  });

  it('edits made offline are kept on the device, come back after a reload online, and reach the server', async () => {
    await context.setOffline(true);
    await drawBox(page, viewer, C);
    await setGlobal(page, 'Pneumonia', true);
    await waitForDraftStatus(page, /Offline/, 15_000);
    assert.match((await draftStatus(page).innerText()).trim(), /^Offline: kept on this device/);
    assert.equal((await serverRead()).boxes.length, 2, 'the server has not seen the offline edit');
    await context.setOffline(false);
    await reload();
    await waitForBoxes(3);
    assert.deepEqual(await boxLabels(page), [A.label, B.label, C.label]);
    assert.deepEqual((await globalsOn(page, GLOBALS)).sort(), ['Lung tumor', 'Pneumonia']);
    await waitForDraftStatus(page, 'Saved', 15_000);
    const read = await serverRead();
    assert.deepEqual([...read.globals].sort(), ['Lung tumor', 'Pneumonia']);
    assert.deepEqual(read.boxes.map((b) => b.label), [A.label, B.label, C.label]);
    assert.ok(near(read.boxes[2]!, C), `box C as drawn: ${JSON.stringify(read.boxes[2])}`);
  });

  it('no page threw an uncaught exception', () => {
    assert.deepEqual(errors, []);
  });
});

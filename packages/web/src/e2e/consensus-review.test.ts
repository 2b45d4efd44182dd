// Two reviewers settle a test image in the browser: after three blind reads (made through the API),
// reviewer 1 copies a reader's boxes, adds one, chooses the global label and approves; reviewer 2's edit
// withdraws that approval (both panels say so); both approve the same version; the consensus is final,
// and the vindr export holds exactly that consensus.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { ReviewView } from '@cxrlab/server/api-types';
import type { Page, Response } from 'playwright-core';
import {
  boxLabels, browserSuite, drawBox, expectStatus, exportFiles, newUserPage, nextTask, openTask, parseCsv, readAll, setGlobal, signIn, viewerOf,
  waitForText, type Box, type Read, type SeededUser,
} from './harness/index.js';

const KEY = 'CONS';
/** The three blind reads of the image; reader 0's two boxes are the ones the reviewers copy. */
const READS: Read[] = [
  { globals: ['Lung tumor'], boxes: [{ label: 'Nodule/Mass', xMin: 100, yMin: 100, xMax: 180, yMax: 180 }, { label: 'Pleural effusion', xMin: 250, yMin: 300, xMax: 400, yMax: 430 }] },
  { globals: ['Lung tumor', 'Pneumonia'], boxes: [{ label: 'Nodule/Mass', xMin: 104, yMin: 98, xMax: 186, yMax: 182 }] },
  { globals: ['No finding'], boxes: [] },
];
const ADDED_BY_REV1: Box = { label: 'Calcification', xMin: 300, yMin: 100, xMax: 360, yMax: 160 };
const ADDED_BY_REV2: Box = { label: 'Other lesion', xMin: 380, yMin: 200, xMax: 440, yMax: 260 };

const waitForApi = (page: Page, method: string, path: string): Promise<Response> =>
  page.waitForResponse((r) => r.request().method() === method && new URL(r.url()).pathname === path);

describe('two reviewers reach a consensus in the browser', () => {
  const suite = browserSuite({ key: KEY, template: 'vindr-test', annotators: ['ann1', 'ann2', 'ann3'], reviewers: ['rev1', 'rev2'], images: 1 });
  let reviewTask: Map<string, number>;
  let copied: string;
  let pages: Page[];
  const errors: string[][] = [];

  const review = async (user: SeededUser): Promise<ReviewView> =>
    expectStatus(await user.api.get<ReviewView>(`/api/tasks/${reviewTask.get(user.username)!}/review`), 200, 'review view');

  before(async () => {
    await readAll(suite.study, (r) => READS[r]!);
    reviewTask = new Map();
    for (const rev of suite.study.reviewers) {
      const next = await nextTask(rev, KEY, 'review');
      assert.ok(next !== null, `${rev.username} has a review task`);
      reviewTask.set(rev.username, next.task.id);
    }
    const view = await review(suite.study.reviewers[0]!);
    copied = view.reads.find((r) => r.boxes.length === 2)!.reader;
    pages = [];
    for (const rev of suite.study.reviewers) {
      const { page, errors: pageErrors } = await newUserPage(suite.browser);
      errors.push(pageErrors);
      await signIn(page, suite.web.url, rev.username, rev.password);
      await openTask(page, suite.web.url, 'review', KEY, reviewTask.get(rev.username)!, suite.study.images[0]!.id);
      pages.push(page);
    }
  });

  it('reviewer 1 copies a reader\'s boxes, adds one, chooses the global label and approves', async () => {
    const [page] = pages as [Page];
    const rev1 = suite.study.reviewers[0]!;
    for (const r of ['R1', 'R2', 'R3']) assert.equal(await page.getByTestId(`review-reader-${r}`).count(), 1, `a toggle for reader ${r}`);
    const copy = waitForApi(page, 'POST', `/api/tasks/${reviewTask.get('rev1')!}/copy`);
    await page.getByTestId(`copy-reader-${copied}`).click();
    assert.equal((await copy).status(), 200);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="box-item"]').length === 2);
    await drawBox(page, viewerOf(page), ADDED_BY_REV1);
    assert.equal(await page.getByTestId('vote-Lung tumor').getAttribute('aria-label'), '2 of 3 readers chose Lung tumor');
    assert.equal(await page.getByTestId('vote-No finding').getAttribute('aria-label'), '1 of 3 readers chose No finding');
    await setGlobal(page, 'Lung tumor', true);
    const approve = waitForApi(page, 'POST', `/api/tasks/${reviewTask.get('rev1')!}/approve`);
    await page.getByTestId('approve').click();
    assert.equal((await approve).status(), 200, await (await approve).text());
    const view = await review(rev1);
    assert.deepEqual(view.consensus.boxes.map((b) => b.label), ['Nodule/Mass', 'Pleural effusion', 'Calcification']);
    assert.deepEqual(view.consensus.globals, ['Lung tumor']);
    assert.deepEqual(view.approvals.map((a) => [a.mine, a.current]), [[true, true]]);
    assert.match(await waitForText(page, 'panel-status', /1 of 2 approved/), /1 of 2 approved/);
  });

  it('reviewer 2 sees that consensus; their edit withdraws reviewer 1\'s approval, and both panels say so', async () => {
    const [page1, page2] = pages as [Page, Page];
    await page2.reload();
    await page2.waitForFunction(() => document.querySelectorAll('[data-testid="box-item"]').length === 3, undefined, { timeout: 15_000 });
    assert.deepEqual(await boxLabels(page2), ['Nodule/Mass', 'Pleural effusion', 'Calcification']);
    await waitForText(page2, 'panel-status', /1 of 2 approved/);
    const saved = waitForApi(page2, 'PUT', `/api/tasks/${reviewTask.get('rev2')!}/consensus`);
    await drawBox(page2, viewerOf(page2), ADDED_BY_REV2);
    assert.equal((await saved).status(), 200);
    const view = await review(suite.study.reviewers[1]!);
    assert.deepEqual(view.approvals, [], 'the edit withdrew every approval');
    assert.match(await waitForText(page2, 'panel-status', /No approval/), /No approval of version \d+ yet/);
    assert.match(await waitForText(page1, 'panel-status', /No approval/, 20_000), /No approval/);
  });

  it('both approve the same version: the consensus is final', async () => {
    const [page1, page2] = pages as [Page, Page];
    const approve2 = waitForApi(page2, 'POST', `/api/tasks/${reviewTask.get('rev2')!}/approve`);
    await page2.getByTestId('approve').click();
    assert.equal((await approve2).status(), 200);
    await waitForText(page1, 'panel-status', /1 of 2 approved/, 20_000);
    await page1.waitForFunction(() => document.querySelectorAll('[data-testid="box-item"]').length === 4);
    const approve1 = waitForApi(page1, 'POST', `/api/tasks/${reviewTask.get('rev1')!}/approve`);
    await page1.getByTestId('approve').click();
    const answer = await approve1;
    assert.equal(answer.status(), 200, await answer.text());
    assert.match(await waitForText(page1, 'panel-status', /Final/), /^Final/);
    assert.match(await waitForText(page2, 'panel-status', /Final/, 20_000), /^Final/);
    const view = await review(suite.study.reviewers[0]!);
    assert.equal(view.consensus.status, 'final');
  });

  it('the vindr export holds the consensus: the copied boxes exactly, the drawn ones as drawn', async () => {
    const view = await review(suite.study.reviewers[0]!);
    const files = await exportFiles(suite.web, KEY);
    const rows = parseCsv(files.get('annotations/annotations_test.csv')!);
    const imageId = suite.study.images[0]!.imageId;
    assert.ok(rows.every((r) => r['image_id'] === imageId));
    assert.ok(!('rad_id' in (rows[0] ?? {})), 'the test files have no rad_id');
    const exported = rows.map((r) => ({ label: r['class_name']!, xMin: Number(r['x_min']), yMin: Number(r['y_min']), xMax: Number(r['x_max']), yMax: Number(r['y_max']) }));
    assert.deepEqual(exported, view.consensus.boxes.map(({ label, xMin, yMin, xMax, yMax }) => ({ label, xMin, yMin, xMax, yMax })));
    const intended = [...READS[0]!.boxes, ADDED_BY_REV1, ADDED_BY_REV2];
    assert.deepEqual(exported.slice(0, 2), READS[0]!.boxes, 'copied boxes are the reader\'s exactly');
    for (const [i, box] of exported.entries()) {
      for (const k of ['xMin', 'yMin', 'xMax', 'yMax'] as const) assert.ok(Math.abs(box[k] - intended[i]![k]) <= 1, `${box.label} ${k}: exported ${JSON.stringify(box)}, intended ${JSON.stringify(intended[i])}`);
    }
    const labels = parseCsv(files.get('annotations/image_labels_test.csv')!);
    assert.equal(labels.length, 1);
    assert.equal(labels[0]!['Lung tumor'], '1');
    assert.equal(labels[0]!['Pneumonia'], '0');
    assert.equal(labels[0]!['Calcification'], '1');
  });

  it('no page threw an uncaught exception', () => {
    assert.deepEqual(errors.flat(), []);
  });
});

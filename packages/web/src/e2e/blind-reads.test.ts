// Three annotators read the same image blind in the browser: each draws their own boxes and global
// labels and submits; reopening their task, each sees only their own read, and nothing the page
// received names another reader or holds another reader's boxes; the server has the three reads.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import {
  boxesIn, boxLabels, browserSuite, clickSubmit, drawBox, expectStatus, exportFiles, globalsOn, newUserPage, nextTask, openTask, parseCsv,
  recordApiJson, setGlobal, signIn, waitForImage, type Read, type UserPage,
} from './harness/index.js';

const KEY = 'BLIND';
const GLOBALS = ['COPD', 'Lung tumor', 'Pneumonia', 'Tuberculosis', 'Other diseases', 'No finding'];

/** What each annotator draws on the 512 x 512 image: different labels, places and global labels. */
const READS: Read[] = [
  { globals: ['Lung tumor'], boxes: [{ label: 'Nodule/Mass', xMin: 100, yMin: 120, xMax: 180, yMax: 200 }, { label: 'Calcification', xMin: 300, yMin: 300, xMax: 360, yMax: 380 }] },
  { globals: ['Pneumonia', 'Other diseases'], boxes: [{ label: 'Pleural effusion', xMin: 60, yMin: 330, xMax: 200, yMax: 450 }] },
  { globals: ['Tuberculosis'], boxes: [{ label: 'Cardiomegaly', xMin: 180, yMin: 250, xMax: 340, yMax: 400 }, { label: 'Atelectasis', xMin: 320, yMin: 100, xMax: 420, yMax: 180 }] },
];

const sorted = (xs: readonly string[]): string[] => [...xs].sort();

describe('three annotators read one image blind in the browser', () => {
  const suite = browserSuite({ key: KEY, template: 'vindr-train', annotators: ['ann1', 'ann2', 'ann3'], images: 1 });
  const taskIds: number[] = [];
  /** One browser context per annotator (their own cookies), signed in once. */
  const pages: UserPage[] = [];

  before(async () => {
    for (const user of suite.study.annotators) {
      const userPage = await newUserPage(suite.browser);
      await signIn(userPage.page, suite.web.url, user.username, user.password);
      pages.push(userPage);
    }
  });

  it('each annotator draws boxes, chooses global labels and submits', async () => {
    const image = suite.study.images[0]!;
    for (const [r, user] of suite.study.annotators.entries()) {
      const next = await nextTask(user, KEY);
      assert.ok(next !== null, `${user.username} has a task`);
      assert.equal(next.image.id, image.id);
      taskIds.push(next.task.id);
      const { page } = pages[r]!;
      const viewer = await openTask(page, suite.web.url, 'read', KEY, next.task.id, image.id);
      assert.deepEqual(await boxLabels(page), [], 'a new read starts empty: no other reader\'s boxes');
      for (const box of READS[r]!.boxes) await drawBox(page, viewer, box);
      for (const label of READS[r]!.globals) await setGlobal(page, label, true);
      assert.deepEqual(await boxLabels(page), READS[r]!.boxes.map((b) => b.label));
      const answer = await clickSubmit(page, next.task.id);
      assert.equal(answer.status(), 200, await answer.text());
    }
  });

  it('reopening their task from the worklist, each sees only their own read, and nothing names or shows another reader', async () => {
    const image = suite.study.images[0]!;
    const everyone = suite.study.annotators.flatMap((u) => [u.username, `${u.username} Display`]);
    for (const [r, user] of suite.study.annotators.entries()) {
      const { context, page } = pages[r]!;
      const json = recordApiJson(context);
      // through the worklist: the task's row links to the reading view of that task
      await page.goto(new URL('/', suite.web.url).href);
      await page.getByTestId(`tasks-${KEY}`).getByRole('link', { name: /^Open task 1 \(read/ }).click();
      await page.waitForURL((url) => url.pathname === `/read/${KEY}` && url.searchParams.get('task') === String(taskIds[r]));
      await waitForImage(page, image.id);
      await page.getByTestId('box-item').first().waitFor();
      assert.deepEqual(sorted(await boxLabels(page)), sorted(READS[r]!.boxes.map((b) => b.label)), `${user.username} sees their own boxes`);
      assert.deepEqual(sorted(await globalsOn(page, GLOBALS)), sorted(READS[r]!.globals), `${user.username} sees their own global labels`);
      const text = await page.locator('body').innerText();
      const html = await page.content();
      const bodies = await json.settled();
      assert.ok(bodies.length > 0, 'the page read the API');
      const others = everyone.filter((n) => !n.startsWith(user.username));
      for (const name of others) {
        assert.ok(!text.includes(name), `${user.username}'s page shows ${name}`);
        assert.ok(!html.includes(name), `${user.username}'s page holds ${name}`);
        for (const body of bodies) assert.ok(!body.includes(`"${name}"`), `${user.username} received ${name}: ${body.slice(0, 200)}`);
      }
      const own = new Set(READS[r]!.boxes.map((b) => b.label));
      for (const body of bodies) {
        for (const box of boxesIn(JSON.parse(body) as unknown)) assert.ok(own.has(box.label), `${user.username} received a box of another read: ${JSON.stringify(box)}`);
      }
    }
  });

  it('the server holds three submitted reads, one per reader, as drawn', async () => {
    const progress = expectStatus(await suite.web.admin.get<{ reads: { submitted: number } }>(`/api/projects/${KEY}/progress`), 200, 'progress');
    assert.equal(progress.reads.submitted, 3);
    const files = await exportFiles(suite.web, KEY);
    const rows = parseCsv(files.get('annotations/annotations_train.csv')!);
    const byReader = new Map<string, string[]>();
    for (const row of rows) byReader.set(row['rad_id']!, [...(byReader.get(row['rad_id']!) ?? []), row['class_name']!]);
    assert.equal(byReader.size, 3, 'three readers in the export');
    const drawn = READS.map((read) => sorted(read.boxes.map((b) => b.label)).join('|')).sort();
    assert.deepEqual([...byReader.values()].map((labels) => sorted(labels).join('|')).sort(), drawn);
    for (const row of rows) {
      const intended = READS.flatMap((read) => read.boxes).find((b) => b.label === row['class_name'])!;
      for (const k of ['xMin', 'yMin', 'xMax', 'yMax'] as const) {
        const csvKey = k.replace(/([A-Z])/, '_$1').toLowerCase();
        assert.ok(Math.abs(Number(row[csvKey]) - intended[k]) <= 1, `${row['class_name']} ${csvKey} ${row[csvKey]} vs ${intended[k]}`);
      }
    }
  });

  it('no page threw an uncaught exception', () => {
    assert.deepEqual(pages.flatMap((p) => p.errors), []);
  });
});

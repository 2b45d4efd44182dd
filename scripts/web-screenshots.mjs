// `npm run docs:screenshots`: the pictures of the browser app in docs/screenshots/, taken from a real server
// with demo-like data (seeded through the API by the browser tests' harness) in headless Chromium:
//   reading-view.png (1920 x 1080): an annotator's read in progress: boxes drawn, the label panel, the rules
//   reading-view-laptop.png (1366 x 768): the same on a laptop screen
//   review-view.png: a reviewer settling a test image (the three reads, the votes, the consensus, the panel)
//   worklist.png: an annotator's projects and tasks
//   admin-progress.png, agreement.png: a manager's progress and inter-reader agreement tabs
// Needs `tsc -b`, `npm run build -w @cxrlab/web` and /usr/bin/chromium. Options: --out DIR (default docs/screenshots).
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const OUT = resolve(argv.includes('--out') ? argv[argv.indexOf('--out') + 1] : join(ROOT, 'docs', 'screenshots'));
const h = await import(pathToFileURL(join(ROOT, 'packages/web/dist/e2e/harness/index.js')).href);
const say = (text) => process.stderr.write(`${text}\n`);

const FULL_HD = { width: 1920, height: 1080 };
const LAPTOP = { width: 1366, height: 768 };

/** Reader r's read of image i: agreements and disagreements, so that the agreement tab has something to show. */
function scriptedRead(r, i, width, height) {
  if ((i + r) % 4 === 0) return { globals: ['No finding'], boxes: [], readingMs: 20_000 + 5_000 * r };
  const u = width / 100;
  const v = height / 100;
  const j = (r - 1) * 1.5;
  const boxes = [{ label: 'Cardiomegaly', xMin: (34 + j) * u, yMin: (52 + j) * v, xMax: (68 - j) * u, yMax: (78 + j) * v }];
  if (i % 2 === 0 || r !== 2) boxes.push({ label: 'Pleural effusion', xMin: (12 + j) * u, yMin: (70 - j) * v, xMax: (30 + j) * u, yMax: (86 + j) * v });
  if (r === 1) boxes.push({ label: 'Nodule/Mass', xMin: 60 * u, yMin: 30 * v, xMax: 66 * u, yMax: 36 * v });
  const round = (b) => ({ ...b, xMin: Math.round(b.xMin), yMin: Math.round(b.yMin), xMax: Math.round(b.xMax), yMax: Math.round(b.yMax) });
  const globals = r === 2 && i % 3 === 0 ? ['Other diseases'] : r === 0 && i % 5 === 1 ? ['Pneumonia', 'Tuberculosis'] : ['Other diseases', ...(i % 2 ? ['Pneumonia'] : [])];
  return { globals, boxes: boxes.map(round), readingMs: 40_000 + 9_000 * r + ((i * 7919) % 50_000) };
}

async function readSome(user, key, count, reader) {
  for (let n = 0; n < count; n++) {
    const next = await h.nextTask(user, key);
    if (next === null) return;
    const index = Number.parseInt(next.image.imageId.slice(0, 6), 16);
    await h.submitRead(user, next.task, scriptedRead(reader, index, next.image.width, next.image.height));
  }
}

mkdirSync(OUT, { recursive: true });
const web = await h.startWebServer();
const browser = await h.launchBrowser();
try {
  say('seeding: users, DEMO-TRAIN (6 images), DEMO-TEST (4 images), reads through the API');
  const names = [
    { username: 'ann1', displayName: 'Dr. Linh Tran' },
    { username: 'ann2', displayName: 'Dr. Minh Pham' },
    { username: 'ann3', displayName: 'Dr. Hoa Nguyen' },
  ];
  const reviewerNames = [
    { username: 'rev1', displayName: 'Dr. Quang Le (senior)' },
    { username: 'rev2', displayName: 'Dr. Thu Vo (senior)' },
  ];
  const annotators = await h.createUsers(web, names);
  const reviewers = await h.createUsers(web, reviewerNames);
  const [ann1, ann2, ann3] = annotators;
  const image = { rows: 2048, columns: 2048, bitsStored: 12 };
  await h.createProject(web, { key: 'DEMO-TRAIN', name: 'Training split: 3 independent blinded reads per image', template: 'vindr-train' });
  await h.createProject(web, { key: 'DEMO-TEST', name: 'Test split: 3 reads, then consensus by 2 reviewers', template: 'vindr-test' });
  for (const key of ['DEMO-TRAIN', 'DEMO-TEST']) await h.addMembers(web, key, annotators, 'annotator');
  await h.addMembers(web, 'DEMO-TEST', reviewers, 'reviewer');
  await h.uploadImages(web, 'DEMO-TRAIN', 'train', 6, image);
  await h.uploadImages(web, 'DEMO-TEST', 'test', 4, { ...image, first: 6 });
  for (const key of ['DEMO-TRAIN', 'DEMO-TEST']) await h.assign(web, key);
  await readSome(ann2, 'DEMO-TRAIN', 6, 1);
  await readSome(ann3, 'DEMO-TRAIN', 6, 2);
  await readSome(ann1, 'DEMO-TRAIN', 3, 0);
  // every test image read by ann2 and ann3, two of them by ann1 too: those two go to the reviewers
  for (const [r, user] of [ann1, ann2, ann3].entries()) await readSome(user, 'DEMO-TEST', r === 0 ? 2 : 4, r);
  const [rev1] = reviewers;

  // the annotator's worklist
  const annotator = await h.newUserPage(browser, FULL_HD);
  await h.signIn(annotator.page, web.url, ann1.username, ann1.password);
  await annotator.page.waitForLoadState('networkidle');
  await annotator.page.screenshot({ path: join(OUT, 'worklist.png') });
  say('worklist.png');

  // a read in progress: three boxes drawn, no global label yet (the rules say so)
  const next = await h.nextTask(ann1, 'DEMO-TRAIN');
  const viewer = await h.openTask(annotator.page, web.url, 'read', 'DEMO-TRAIN', next.task.id, next.image.id);
  const { width, height } = next.image;
  const at = (x, y) => ({ x: (x * width) / 100, y: (y * height) / 100 });
  await h.editAndSave(annotator.page, next.task.id, async () => {
    for (const [label, a, b] of [
      ['Cardiomegaly', at(35, 53), at(69, 79)],
      ['Pleural effusion', at(12, 70), at(30, 87)],
      ['Nodule/Mass', at(60, 30), at(67, 37)],
    ]) await h.drawBox(annotator.page, viewer, { label, xMin: a.x, yMin: a.y, xMax: b.x, yMax: b.y });
  });
  await annotator.page.waitForTimeout(1500);
  await h.waitForDraftStatus(annotator.page, 'Saved');
  await annotator.page.mouse.move(5, 500);
  await annotator.page.screenshot({ path: join(OUT, 'reading-view.png') });
  say('reading-view.png');
  await annotator.page.setViewportSize(LAPTOP);
  await annotator.page.reload();
  await h.waitForImage(annotator.page, next.image.id);
  await annotator.page.getByTestId('box-item').first().waitFor();
  await annotator.page.screenshot({ path: join(OUT, 'reading-view-laptop.png') });
  say('reading-view-laptop.png');
  await annotator.context.close();

  // a reviewer: the three reads shown, reader R1's boxes copied into the consensus
  const reviewer = await h.newUserPage(browser, FULL_HD);
  await h.signIn(reviewer.page, web.url, rev1.username, rev1.password);
  const task = await h.nextTask(rev1, 'DEMO-TEST', 'review');
  await h.openTask(reviewer.page, web.url, 'review', 'DEMO-TEST', task.task.id, task.image.id);
  for (const r of ['R1', 'R2', 'R3']) {
    const copy = reviewer.page.getByTestId(`copy-reader-${r}`);
    if ((await copy.count()) > 0 && (await copy.isEnabled())) {
      await copy.click();
      await reviewer.page.waitForTimeout(800);
      break;
    }
  }
  await reviewer.page.mouse.move(5, 500);
  await reviewer.page.screenshot({ path: join(OUT, 'review-view.png') });
  say('review-view.png');
  await reviewer.context.close();

  // the manager's progress and agreement tabs
  const admin = await h.newUserPage(browser, FULL_HD);
  await h.signIn(admin.page, web.url, 'admin', h.ADMIN_PASSWORD);
  for (const [tab, file] of [['progress', 'admin-progress.png'], ['agreement', 'agreement.png']]) {
    await admin.page.goto(`${web.url}/admin/projects/DEMO-TRAIN?tab=${tab}`);
    await admin.page.waitForLoadState('networkidle');
    await admin.page.waitForTimeout(500);
    await admin.page.screenshot({ path: join(OUT, file) });
    say(file);
  }
  await admin.context.close();
} finally {
  await browser.close();
  await web.close();
}
say(`screenshots in ${OUT}`);

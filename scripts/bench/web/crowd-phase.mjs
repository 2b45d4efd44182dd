// (4) An image with CROWD.boxes boxes (seeded into the task's draft before it is opened): frame times
// (requestAnimationFrame intervals) and long tasks (PerformanceObserver) while panning (middle drag),
// zooming (wheel in, then out) and drawing a box (left drag, then Escape drops it), CROWD.reps times each;
// idle frames for reference. The same pan and zoom on an image without boxes (`plain`, from the session's
// last task) tell the boxes' share from the image's.
import { join } from 'node:path';
import { BENCH, CROWD, VIEWPORT, harness } from './config.mjs';
import { recordGesture } from './interactions.mjs';

export async function crowdPhase(browser, bench, progress, plainPage) {
  const h = await harness();
  const plain = {};
  if (plainPage) {
    for (let rep = 0; rep < CROWD.reps; rep++) for (const g of ['pan', 'zoom']) await recordGesture(plainPage, g, plain);
    progress(`no boxes: pan ${plain.pan?.length} and zoom ${plain.zoom?.length} frames`);
  }
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  const page = await context.newPage();
  try {
    await h.signIn(page, bench.web.url, bench.reader.username, bench.reader.password);
  } catch (error) {
    await page.screenshot({ path: join(BENCH, 'crowd-sign-in-failure.png') }).catch(() => undefined);
    throw error;
  }
  await page.goto(`${bench.web.url}/read/${CROWD.key}?task=${bench.crowd.taskId}`);
  await h.waitForImage(page, bench.crowd.imageRowId, 60_000);
  await h.waitForStableView(page);
  const out = { boxesListed: await page.getByTestId('box-item').count(), plain };
  for (let rep = 0; rep < CROWD.reps; rep++) {
    for (const g of ['idle', 'pan', 'zoom', 'draw']) await recordGesture(page, g, out);
    progress(`${CROWD.boxes} boxes rep ${rep + 1}: pan ${out.pan.length}, zoom ${out.zoom.length}, draw ${out.draw.length} frames so far`);
  }
  out.boxesAfter = await page.getByTestId('box-item').count();
  await context.close();
  return out;
}

// (1) and (2): a reading session in one tab. Each task is made valid ("No finding") and submitted; measured:
// the app's cxr:next-task mark (the reading view sets it once the submit is answered) -> cxr:first-frame:<next
// image>, and the click on Submit (a mark of this script's, capture phase) -> that first frame, with the
// submit request's share (its answer's arrival after the click). Every other transition the
// next image's prefetch is refused (its pixel request aborted by the browser), so that transition is
// "not prefetched" and the image is fetched and decoded after the click; the others are prefetched (the
// script waits for cxr:pixels-ready:<next> before submitting). The server's pixel cache is warm (every
// image was fetched once through the API first).
import { READING, VIEWPORT, harness } from './config.mjs';
import { entries, lastMark, waitForMark } from './page-probes.mjs';

export async function sessionPhase(browser, bench, progress) {
  const h = await harness();
  const tasks = bench.tasks.slice(0, READING.images);
  for (const t of tasks) h.expectStatus(await bench.web.admin.get(`/api/images/${t.imageRowId}/pixels`), 200, 'warm the pixel cache');
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await h.signIn(page, bench.web.url, bench.reader.username, bench.reader.password);
  const out = { prefetched: [], notPrefetched: [], clickPrefetched: [], clickNotPrefetched: [], submitPrefetched: [], submitNotPrefetched: [], checks: [] };
  // the user's click on Submit, marked in the page (capture phase: before the app's own handler runs)
  await page.addInitScript(() => {
    document.addEventListener('click', (e) => {
      if (e.target instanceof Element && e.target.closest('[data-testid="submit-read"]')) performance.mark('bench:submit-click');
    }, true);
  });
  const blocked = (i) => i % 2 === 1;
  let aborted = 0;
  const block = async (imageRowId) => {
    const pattern = `**/api/images/${imageRowId}/pixels`;
    await page.route(pattern, (route) => {
      aborted++;
      return route.abort('failed');
    });
    return pattern;
  };
  let pattern = blocked(0) ? await block(tasks[1].imageRowId) : undefined;
  await page.goto(`${bench.web.url}/read/${READING.key}?task=${tasks[0].id}`);
  await h.waitForImage(page, tasks[0].imageRowId, 60_000);
  for (let i = 0; i + 1 < tasks.length; i++) {
    const next = tasks[i + 1];
    if (blocked(i)) {
      const deadline = Date.now() + 10_000;
      while (aborted === 0 && Date.now() < deadline) await page.waitForTimeout(50);
      await page.unroute(pattern);
      pattern = undefined;
      aborted = 0;
    } else {
      await waitForMark(page, `cxr:pixels-ready:${next.imageRowId}`, { timeout: 60_000 });
    }
    await h.setGlobal(page, 'No finding', true);
    const before = (await lastMark(page, 'cxr:next-task')) ?? -1;
    const readyBefore = (await entries(page, `cxr:pixels-ready:${next.imageRowId}`)).length > 0;
    if (blocked(i + 1) && i + 2 < tasks.length) pattern = await block(tasks[i + 2].imageRowId);
    await page.getByTestId('submit-read').click();
    await waitForMark(page, 'cxr:next-task', { after: before, timeout: 30_000 });
    await h.waitForImage(page, next.imageRowId, 60_000);
    const start = await lastMark(page, 'cxr:next-task');
    const [frame] = (await entries(page, `cxr:first-frame:${next.imageRowId}`)).filter((e) => e.startTime > start);
    const ms = frame.startTime - start;
    (blocked(i) ? out.notPrefetched : out.prefetched).push(ms);
    const click = await lastMark(page, 'bench:submit-click');
    if (click !== undefined && click <= start) (blocked(i) ? out.clickNotPrefetched : out.clickPrefetched).push(frame.startTime - click);
    // the submit request's share: its answer's arrival after cxr:next-task (resource timing, same clock)
    const submitEnd = await page.evaluate((id) => performance.getEntriesByType('resource').filter((e) => e.name.endsWith(`/api/tasks/${id}/submit`)).at(-1)?.responseEnd, tasks[i].id);
    if (submitEnd !== undefined && click !== undefined) (blocked(i) ? out.submitNotPrefetched : out.submitPrefetched).push(submitEnd - click);
    out.checks.push({ task: tasks[i].id, next: next.id, prefetched: !blocked(i), pixelsReadyBeforeSubmit: readyBefore });
    progress(`next task ${next.id} (${blocked(i) ? 'not prefetched' : 'prefetched'}): cxr:next-task -> first frame ${ms.toFixed(1)} ms, click -> first frame ${click === undefined ? '?' : (frame.startTime - click).toFixed(1)} ms`);
  }
  return { ...out, page, context, lastTask: tasks.at(-1) };
}

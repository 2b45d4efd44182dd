// (1b) A task opened in a fresh tab (new browser context: empty HTTP cache, nothing prefetched): navigation
// start -> cxr:first-frame:<id>, with the pixels' fetch + decode (the app's cxr:pixels:<id> measure). The first
// pass opens images the server has never rendered (its pixel cache cold), the second the same ones again (warm).
import { COLD_TABS, READING, VIEWPORT, harness } from './config.mjs';
import { entries } from './page-probes.mjs';

export async function openPhase(browser, bench, progress) {
  const h = await harness();
  const out = { serverCold: [], serverWarm: [], pixelsCold: [], pixelsWarm: [] };
  const tasks = bench.tasks.slice(0, COLD_TABS);
  for (const pass of ['Cold', 'Warm']) {
    for (const task of tasks) {
      const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
      const page = await context.newPage();
      await h.signIn(page, bench.web.url, bench.reader.username, bench.reader.password);
      await page.goto(`${bench.web.url}/read/${READING.key}?task=${task.id}`);
      await h.waitForImage(page, task.imageRowId, 60_000);
      const [frame] = await entries(page, `cxr:first-frame:${task.imageRowId}`);
      const [pixels] = (await entries(page, `cxr:pixels:${task.imageRowId}`)).filter((e) => e.entryType === 'measure');
      out[`server${pass}`].push(frame.startTime);
      if (pixels) out[`pixels${pass}`].push(pixels.duration);
      progress(`fresh tab, server cache ${pass.toLowerCase()}: task ${task.id} first frame at ${frame.startTime.toFixed(0)} ms`);
      await context.close();
    }
  }
  return out;
}

// What the benchmark reads inside the page: the app's User Timing marks and measures, frame times (rAF
// intervals) and long tasks while an interaction runs, and the WebGL renderer.

/** Marks and measures whose name starts with `prefix`: [{ name, startTime, duration, entryType }]. */
export const entries = (page, prefix) =>
  page.evaluate((p) => performance.getEntries().filter((e) => e.name.startsWith(p)).map((e) => ({ name: e.name, startTime: e.startTime, duration: e.duration, entryType: e.entryType })), prefix);

/** The startTime of the latest mark named `name`, or undefined. */
export const lastMark = async (page, name) => (await entries(page, name)).filter((e) => e.name === name && e.entryType === 'mark').at(-1)?.startTime;

/** Waits until a mark named `name` exists (after `after` ms of the page's clock, when given). */
export const waitForMark = (page, name, { after = -1, timeout = 30_000 } = {}) =>
  page.waitForFunction(({ n, a }) => performance.getEntriesByName(n, 'mark').some((m) => m.startTime > a), { n: name, a: after }, { timeout });

export const clearEntries = (page, prefix) =>
  page.evaluate((p) => {
    for (const e of performance.getEntries()) if (e.name.startsWith(p)) (e.entryType === 'measure' ? performance.clearMeasures(e.name) : performance.clearMarks(e.name));
  }, prefix);

/** Starts recording requestAnimationFrame timestamps and long tasks (PerformanceObserver 'longtask'). */
export const startFrames = (page) =>
  page.evaluate(() => {
    const rec = { frames: [], longTasks: [], on: true, observer: undefined };
    window.__benchFrames = rec;
    const tick = (t) => {
      if (!rec.on) return;
      rec.frames.push(t);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    try {
      rec.observer = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) rec.longTasks.push(e.duration);
      });
      rec.observer.observe({ type: 'longtask' });
    } catch {
      // no long task API
    }
  });

/** Stops recording: { intervals (ms between frames), longTasks (durations, ms) }. */
export const stopFrames = (page) =>
  page.evaluate(async () => {
    const rec = window.__benchFrames;
    // one more frame so that work queued by the last input is counted
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    rec.on = false;
    rec.observer?.disconnect();
    const intervals = rec.frames.slice(1).map((t, i) => t - rec.frames[i]);
    return { intervals, longTasks: rec.longTasks };
  });

/** The WebGL2 renderer's name (SwiftShader in headless Chromium here). */
export const glRenderer = (page) =>
  page.evaluate(() => {
    const gl = document.createElement('canvas').getContext('webgl2');
    if (!gl) return 'no WebGL2';
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    return info ? `${gl.getParameter(info.UNMASKED_VENDOR_WEBGL)} / ${gl.getParameter(info.UNMASKED_RENDERER_WEBGL)}` : gl.getParameter(gl.RENDERER);
  });

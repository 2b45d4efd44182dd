// The pointer gestures timed on the viewer (pan: middle drag; zoom: wheel in then out; draw: a left drag,
// then Escape drops the box), and a recorder of the frames they cause.
import { CROWD } from './config.mjs';
import { startFrames, stopFrames } from './page-probes.mjs';

export async function viewerCentre(page) {
  const box = await page.getByTestId('image-viewer').first().boundingBox();
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

export const GESTURES = {
  idle: (page) => page.waitForTimeout(1000),
  pan: async (page, c) => {
    await page.mouse.move(c.x, c.y);
    await page.mouse.down({ button: 'middle' });
    await page.mouse.move(c.x + 300, c.y + 150, { steps: CROWD.moveSteps / 2 });
    await page.mouse.move(c.x, c.y, { steps: CROWD.moveSteps / 2 });
    await page.mouse.up({ button: 'middle' });
  },
  zoom: async (page, c) => {
    await page.mouse.move(c.x - 100, c.y - 50);
    for (let i = 0; i < CROWD.wheelSteps; i++) await page.mouse.wheel(0, -120);
    for (let i = 0; i < CROWD.wheelSteps; i++) await page.mouse.wheel(0, 120);
  },
  draw: async (page, c) => {
    await page.mouse.move(c.x - 200, c.y - 150);
    await page.mouse.down();
    await page.mouse.move(c.x + 100, c.y + 120, { steps: CROWD.moveSteps });
    await page.mouse.up();
    await page.getByTestId('label-popover').waitFor({ state: 'visible', timeout: 5_000 }).catch(() => undefined);
    await page.keyboard.press('Escape');
  },
};

/** Runs gesture `name` and adds its rAF intervals and long tasks to out[name] / out.longTasks[name]. */
export async function recordGesture(page, name, out) {
  const c = await viewerCentre(page);
  await startFrames(page);
  await GESTURES[name](page, c);
  const { intervals, longTasks } = await stopFrames(page);
  (out[name] ??= []).push(...intervals);
  ((out.longTasks ??= {})[name] ??= []).push(...longTasks);
}

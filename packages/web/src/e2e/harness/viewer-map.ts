// The image viewer seen from a test: its view (data-view: scale and offset, image px -> CSS px inside the
// viewer element) mapped to page coordinates, so a test can point, drag, zoom and draw at exact image
// pixel positions, whatever the zoom and pan.
import type { Locator, Page } from 'playwright-core';

export interface ImageView {
  scale: number;
  /** Where the image's (0, 0) lies, CSS px from the viewer element's top-left corner. */
  x: number;
  y: number;
  window?: { center: number; width: number };
  invert?: boolean;
}

export interface Point {
  x: number;
  y: number;
}

export const viewerOf = (page: Page): Locator => page.getByTestId('image-viewer').first();

/** data-view, as {scale, x, y, window, invert} (flat, or a ViewState with its viewport nested). */
export function parseView(text: string | null): ImageView | null {
  if (text === null || text === '') return null;
  const raw = JSON.parse(text) as Record<string, unknown> & { viewport?: { scale: number; x: number; y: number } };
  const v = raw.viewport ?? (raw as unknown as { scale: number; x: number; y: number });
  if (typeof v.scale !== 'number' || typeof v.x !== 'number' || typeof v.y !== 'number') return null;
  return { scale: v.scale, x: v.x, y: v.y, ...(raw['window'] !== undefined ? { window: raw['window'] as ImageView['window'] & object } : {}), ...(raw['invert'] !== undefined ? { invert: Boolean(raw['invert']) } : {}) };
}

export async function readView(viewer: Locator): Promise<ImageView> {
  const view = parseView(await viewer.getAttribute('data-view'));
  if (view === null) throw new Error(`the viewer has no usable data-view (got ${JSON.stringify(await viewer.getAttribute('data-view'))})`);
  return view;
}

/** The image row id the viewer shows (data-image-id), or null. */
export async function shownImageId(viewer: Locator): Promise<number | null> {
  const text = await viewer.getAttribute('data-image-id');
  return text === null || text === '' ? null : Number(text);
}

/** Waits until the viewer shows image `id` and has drawn it (the cxr:first-frame:<id> mark). */
export async function waitForImage(page: Page, id: number, timeout = 20_000): Promise<void> {
  await page.waitForFunction(
    (imageId) => {
      const el = document.querySelector('[data-testid="image-viewer"]');
      return el?.getAttribute('data-image-id') === String(imageId) && performance.getEntriesByName(`cxr:first-frame:${imageId}`).length > 0;
    },
    id,
    { timeout },
  );
}

/** Waits until the viewer's view and position have not changed for `frames` animation frames (layout settled). */
export async function waitForStableView(page: Page, frames = 3, timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    // page.evaluate awaits the promise (page.waitForFunction would not)
    const stable = await page.evaluate(
      (n) =>
        new Promise<boolean>((resolve) => {
          const state = () => {
            const el = document.querySelector('[data-testid="image-viewer"]');
            if (el === null) return 'none';
            const r = el.getBoundingClientRect();
            return `${el.getAttribute('data-view')}|${r.x},${r.y},${r.width},${r.height}`;
          };
          const first = state();
          let left = n;
          const tick = () => {
            if (state() !== first) return resolve(false);
            if (--left === 0) return resolve(first !== 'none');
            requestAnimationFrame(tick);
          };
          requestAnimationFrame(tick);
        }),
      frames,
    );
    if (stable) return;
    if (Date.now() > deadline) throw new Error(`the viewer's view did not settle within ${timeout} ms`);
  }
}

/** Image px -> page CSS px, with the view and the viewer's position now. */
export async function imageToPage(viewer: Locator, p: Point): Promise<Point> {
  const [view, box] = await Promise.all([readView(viewer), viewer.boundingBox()]);
  if (box === null) throw new Error('the viewer is not visible');
  return { x: box.x + view.x + p.x * view.scale, y: box.y + view.y + p.y * view.scale };
}

/** Page CSS px -> image px. */
export async function pageToImage(viewer: Locator, p: Point): Promise<Point> {
  const [view, box] = await Promise.all([readView(viewer), viewer.boundingBox()]);
  if (box === null) throw new Error('the viewer is not visible');
  return { x: (p.x - box.x - view.x) / view.scale, y: (p.y - box.y - view.y) / view.scale };
}

/** Waits until data-view differs from `before` (a view change has been applied). */
export async function waitForViewChange(page: Page, before: string | null, timeout = 5_000): Promise<void> {
  await page.waitForFunction((b) => document.querySelector('[data-testid="image-viewer"]')?.getAttribute('data-view') !== b, before, { timeout });
}

/** Turns the wheel over an image point (negative deltaY zooms in, by the viewer's convention). */
export async function wheelAt(page: Page, viewer: Locator, at: Point, deltaY: number): Promise<void> {
  await waitForStableView(page);
  const before = await viewer.getAttribute('data-view');
  const p = await imageToPage(viewer, at);
  await page.mouse.move(p.x, p.y);
  await page.mouse.wheel(0, deltaY);
  await waitForViewChange(page, before);
}

/** Drags with the middle button (pan) by (dx, dy) page px, starting at image point `from`. */
export async function middleDrag(page: Page, viewer: Locator, from: Point, dx: number, dy: number, steps = 6): Promise<void> {
  await waitForStableView(page);
  const before = await viewer.getAttribute('data-view');
  const p = await imageToPage(viewer, from);
  await page.mouse.move(p.x, p.y);
  await page.mouse.down({ button: 'middle' });
  await page.mouse.move(p.x + dx, p.y + dy, { steps });
  await page.mouse.up({ button: 'middle' });
  await waitForViewChange(page, before);
}

/** Drags with the right button (window/level) by (dx, dy) page px from the viewer's centre. */
export async function rightDrag(page: Page, viewer: Locator, dx: number, dy: number, steps = 4): Promise<void> {
  const box = await viewer.boundingBox();
  if (box === null) throw new Error('the viewer is not visible');
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down({ button: 'right' });
  await page.mouse.move(x + dx, y + dy, { steps });
  await page.mouse.up({ button: 'right' });
}

export interface DrawnBox {
  label: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/**
 * Draws a box with the left button from (xMin, yMin) to (xMax, yMax) in image px (the viewer's left tool
 * must be the box tool), then picks `label` in the label popover. Returns the page points used.
 */
export async function drawBox(page: Page, viewer: Locator, box: DrawnBox, steps = 8): Promise<{ from: Point; to: Point }> {
  await waitForStableView(page);
  const from = await imageToPage(viewer, { x: box.xMin, y: box.yMin });
  const to = await imageToPage(viewer, { x: box.xMax, y: box.yMax });
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps });
  await page.mouse.up();
  const popover = page.getByTestId('label-popover');
  await popover.waitFor({ state: 'visible' });
  await popover.getByTestId(`label-option-${box.label}`).click();
  await popover.waitFor({ state: 'hidden' });
  return { from, to };
}

/** The box list's labels, in order (one box-item per box, data-label). */
export async function boxLabels(page: Page): Promise<string[]> {
  return page.getByTestId('box-item').evaluateAll((items) => items.map((i) => i.getAttribute('data-label') ?? ''));
}

/** The validation list's messages (what blocks submission), in order. */
export async function validationMessages(page: Page): Promise<string[]> {
  return page.getByTestId('validation').locator('li').allInnerTexts();
}

// The reading and review views seen from a test: opening a task, global labels, the draft status,
// submitting, and what the page received from the API.
import type { BrowserContext, Locator, Page, Response } from 'playwright-core';
import { viewerOf, waitForImage, waitForStableView } from './viewer-map.js';

/** Opens /read/KEY?task=ID (or /review/...) and waits until image `imageRowId` is drawn. */
export async function openTask(page: Page, baseUrl: string, view: 'read' | 'review', key: string, taskId: number, imageRowId: number): Promise<Locator> {
  await page.goto(new URL(`/${view}/${encodeURIComponent(key)}?task=${taskId}`, baseUrl).href);
  await waitForImage(page, imageRowId);
  await waitForStableView(page);
  return viewerOf(page);
}

/** Whether a toggle is on: a checkbox's checked state, or aria-pressed / aria-checked. */
export async function isOn(toggle: Locator): Promise<boolean> {
  return toggle.evaluate((el) => {
    if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')) return el.checked;
    const input = el.querySelector('input[type="checkbox"]');
    if (input instanceof HTMLInputElement) return input.checked;
    return el.getAttribute('aria-pressed') === 'true' || el.getAttribute('aria-checked') === 'true';
  });
}

export const globalToggle = (page: Page, label: string): Locator => page.getByTestId(`global-label-${label}`);

/** Sets global label `label` on or off (clicks its toggle when it is not already so). */
export const setGlobal = (page: Page, label: string, on = true): Promise<void> => setToggle(page, `global-label-${label}`, on);

/** The global labels shown as on, among `labels`. */
export async function globalsOn(page: Page, labels: readonly string[]): Promise<string[]> {
  const on: string[] = [];
  for (const label of labels) {
    const toggle = globalToggle(page, label);
    if ((await toggle.count()) > 0 && (await isOn(toggle))) on.push(label);
  }
  return on;
}

export const draftStatus = (page: Page): Locator => page.getByTestId('draft-status');

/** Waits until the draft status reads `text` (default "Saved"). */
export async function waitForDraftStatus(page: Page, text: string | RegExp = 'Saved', timeout = 10_000): Promise<void> {
  const pattern = typeof text === 'string' ? `^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$` : text.source;
  await page.waitForFunction(
    (source) => new RegExp(source).test(document.querySelector('[data-testid="draft-status"]')?.textContent?.trim() ?? ''),
    pattern,
    { timeout },
  );
}

/** Clicks Submit and waits for the server's answer to POST /api/tasks/:id/submit. */
export async function clickSubmit(page: Page, taskId: number): Promise<Response> {
  const answer = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === `/api/tasks/${taskId}/submit`);
  await page.getByTestId('submit-read').click();
  return answer;
}

/** Every JSON body the context receives from the API, as text (for blinding checks). */
export function recordApiJson(context: BrowserContext): { bodies: string[]; settled(): Promise<string[]> } {
  const pending: Promise<void>[] = [];
  const bodies: string[] = [];
  context.on('response', (r) => {
    if (!new URL(r.url()).pathname.startsWith('/api/')) return;
    if (!(r.headers()['content-type'] ?? '').includes('json')) return;
    pending.push(r.text().then((t) => void bodies.push(t), () => undefined));
  });
  return {
    bodies,
    async settled() {
      await Promise.all(pending);
      return bodies;
    },
  };
}

/** Every object in a JSON value that looks like a box ({label, xMin, yMin, xMax, yMax}). */
export function boxesIn(value: unknown, out: Array<{ label: string }> = []): Array<{ label: string; xMin: number; yMin: number; xMax: number; yMax: number }> {
  if (Array.isArray(value)) for (const v of value) boxesIn(v, out);
  else if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o['label'] === 'string' && typeof o['xMin'] === 'number' && typeof o['yMax'] === 'number') out.push(o as { label: string });
    for (const v of Object.values(o)) boxesIn(v, out);
  }
  return out as Array<{ label: string; xMin: number; yMin: number; xMax: number; yMax: number }>;
}

/** Sets a toggle found by test id on or off (a checkbox, or a button with aria-pressed / aria-checked). */
export async function setToggle(page: Page, testId: string, on = true): Promise<void> {
  const toggle = page.getByTestId(testId);
  if ((await isOn(toggle)) !== on) await toggle.click();
  await page.waitForFunction(
    ({ id, want }) => {
      const el = document.querySelector(`[data-testid="${CSS.escape(id)}"]`);
      if (el === null) return false;
      const input = el instanceof HTMLInputElement ? el : el.querySelector('input[type="checkbox"]');
      const state = input instanceof HTMLInputElement ? input.checked : el.getAttribute('aria-pressed') === 'true' || el.getAttribute('aria-checked') === 'true';
      return state === want;
    },
    { id: testId, want: on },
  );
}

/** Waits until the element with test id `testId` has a text matching `pattern`. */
export async function waitForText(page: Page, testId: string, pattern: RegExp, timeout = 15_000): Promise<string> {
  await page.waitForFunction(
    ({ id, source, flags }) => new RegExp(source, flags).test(document.querySelector(`[data-testid="${CSS.escape(id)}"]`)?.textContent ?? ''),
    { id: testId, source: pattern.source, flags: pattern.flags },
    { timeout },
  );
  return (await page.getByTestId(testId).first().innerText()).trim();
}

/**
 * Runs `edit` and waits for the draft it causes to be saved: a 200 answer to PUT /api/tasks/:id/annotation
 * that started after the edit began, then the draft status "Saved".
 */
export async function editAndSave(page: Page, taskId: number, edit: () => Promise<void>, timeout = 15_000): Promise<void> {
  const saved = page.waitForResponse((r) => r.request().method() === 'PUT' && new URL(r.url()).pathname === `/api/tasks/${taskId}/annotation` && r.status() === 200, { timeout });
  await edit();
  await saved;
  await waitForDraftStatus(page, 'Saved', timeout);
}

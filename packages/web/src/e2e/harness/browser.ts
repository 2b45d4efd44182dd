// Headless Chromium for the browser tests (playwright-core driving the system's /usr/bin/chromium;
// WebGL2 through SwiftShader, software GL) and signing in through the login form.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env['CXRLAB_CHROMIUM'] ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

/** Throws (so a suite fails, never skips silently) when there is no Chromium to drive. */
export function requireChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`no Chromium at ${CHROMIUM}: the browser tests need it; run scripts/setup-reference-tools.sh (or set CXRLAB_CHROMIUM to a Chromium binary)`);
  }
}

export async function launchBrowser(): Promise<Browser> {
  requireChromium();
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

export interface UserPage {
  context: BrowserContext;
  page: Page;
  /** The page's uncaught exceptions so far (pageErrors). */
  errors: string[];
}

/** A fresh context (its own cookies: one user) and page at 1600 x 1000 unless told otherwise. */
export async function newUserPage(browser: Browser, viewport = { width: 1600, height: 1000 }): Promise<UserPage> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return { context, page, errors: pageErrors(page) };
}

/** Opens `path` on the server and signs in through the login form; waits until the form is gone. */
export async function signIn(page: Page, baseUrl: string, username: string, password: string, path = '/'): Promise<void> {
  await page.goto(new URL(path, baseUrl).href);
  const form = page.getByRole('form', { name: 'Sign in' });
  await form.getByLabel('User name').fill(username);
  await form.getByLabel('Password').fill(password);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await form.waitFor({ state: 'detached' });
}

/** Collects the page's uncaught exceptions (pageerror; failed requests and console errors are not counted). */
export function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
  return errors;
}

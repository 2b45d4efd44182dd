// The set-up every browser suite shares: a server serving the built app, the study seeded through the
// API, and Chromium; and, for the suites with one annotator, that annotator signed in on their first task.
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import type { Browser, Locator } from 'playwright-core';
import { launchBrowser, newUserPage, signIn, type UserPage } from './browser.js';
import { nextTask, seedStudy, type SeededUser, type Study, type StudySpec, type WorklistTask } from './seed.js';
import { openTask } from './reading.js';
import { startWebServer, type WebServer } from './web-server.js';

export interface BrowserSuite {
  web: WebServer;
  study: Study;
  browser: Browser;
}

/**
 * Registers, in the calling describe, a `before` that starts the server, seeds `spec` and launches Chromium,
 * and an `after` that closes them. The fields are set once that `before` has run (register the suite's own
 * `before` after this call: hooks run in order).
 */
export function browserSuite(spec: StudySpec): BrowserSuite {
  const suite = {} as Partial<BrowserSuite>;
  before(async () => {
    suite.web = await startWebServer();
    suite.study = await seedStudy(suite.web, spec);
    suite.browser = await launchBrowser();
  });
  after(async () => {
    await suite.browser?.close();
    await suite.web?.close();
  });
  return suite as BrowserSuite;
}

export interface ReaderPage extends UserPage {
  user: SeededUser;
  /** The task opened (the reader's next one). */
  next: WorklistTask;
  viewer: Locator;
}

/** The study's first annotator on a new page, signed in, with their next task open in the reading view. */
export async function openFirstRead({ web, study, browser }: BrowserSuite): Promise<ReaderPage> {
  const user = study.annotators[0]!;
  const next = await nextTask(user, study.key);
  assert.ok(next !== null, `${user.username} has a task`);
  const userPage = await newUserPage(browser);
  await signIn(userPage.page, web.url, user.username, user.password);
  const viewer = await openTask(userPage.page, web.url, 'read', study.key, next.task.id, next.image.id);
  return { ...userPage, user, next, viewer };
}

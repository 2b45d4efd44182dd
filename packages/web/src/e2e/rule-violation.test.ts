// A read that breaks the project's rules cannot be submitted: the validation list shows the shared
// rules' own messages (checkRead from @cxrlab/dataset/rules, run here on the same read), Submit is
// disabled and the server is not asked; fixing the read enables Submit.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { checkRead, parseRuleSet, type Read as RuleRead } from '@cxrlab/dataset/rules';
import type { ProjectDetail, TaskView } from '@cxrlab/server/api-types';
import type { Page } from 'playwright-core';
import {
  browserSuite, clickSubmit, drawBox, expectStatus, openFirstRead, setGlobal, validationMessages, waitForDraftStatus,
} from './harness/index.js';

const KEY = 'RULES';

describe('a read that breaks a rule is stopped in the browser with the rule\'s message', () => {
  const suite = browserSuite({ key: KEY, template: 'vindr-train', readersPerImage: 1, annotators: ['ann1'], images: 1 });
  let page: Page;
  let errors: string[] = [];
  let project: ProjectDetail;
  let taskId: number;
  const submits: string[] = [];

  /** The messages checkRead gives for the read the server has as the draft now. */
  const expected = async (): Promise<string[]> => {
    const view = expectStatus(await suite.study.annotators[0]!.api.get<TaskView>(`/api/tasks/${taskId}`), 200, 'task');
    const read: RuleRead = view.annotation!;
    return checkRead(parseRuleSet(project.rules, project.schema as never), project.schema as never, read, { width: view.image.width, height: view.image.height }).map((v) => v.message);
  };

  before(async () => {
    project = expectStatus(await suite.study.annotators[0]!.api.get<ProjectDetail>(`/api/projects/${KEY}`), 200, 'project');
    const opened = await openFirstRead(suite);
    ({ page, errors } = opened);
    const next = opened.next;
    taskId = next.task.id;
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith(`/api/tasks/${taskId}/submit`)) submits.push(r.url());
    });
  });

  it('an empty read: the "at least one global label" message, Submit disabled', async () => {
    const messages = await validationMessages(page);
    const rules = checkRead(parseRuleSet(project.rules, project.schema as never), project.schema as never, { globals: [], boxes: [] }, { width: 512, height: 512 }).map((v) => v.message);
    assert.ok(rules.length > 0 && rules.some((m) => /global label/i.test(m)), `the rules ask for a global label: ${rules.join(' / ')}`);
    assert.deepEqual(messages, rules);
    assert.equal(await page.getByTestId('submit-read').isDisabled(), true);
  });

  it('"No finding" with a box: the exclusion message from the shared rules, Submit disabled, the server not asked', async () => {
    await drawBox(page, page.getByTestId('image-viewer').first(), { label: 'Nodule/Mass', xMin: 150, yMin: 150, xMax: 250, yMax: 230 });
    await setGlobal(page, 'No finding', true);
    await waitForDraftStatus(page, 'Saved');
    const want = await expected();
    assert.ok(want.some((m) => /No finding/.test(m) && /Box 1/.test(m)), `checkRead names the box: ${want.join(' / ')}`);
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="validation"] li').length === n, want.length);
    assert.deepEqual(await validationMessages(page), want);
    const submit = page.getByTestId('submit-read');
    assert.equal(await submit.isDisabled(), true);
    await submit.click({ force: true, timeout: 2_000 }).catch(() => undefined);
    await page.waitForTimeout(300);
    assert.deepEqual(submits, [], 'no submit request while the read breaks a rule');
  });

  it('fixing the read (a disease instead of "No finding") clears the list and enables Submit, which the server accepts', async () => {
    await setGlobal(page, 'No finding', false);
    await setGlobal(page, 'Lung tumor', true);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="validation"] li').length === 0);
    assert.deepEqual(await validationMessages(page), []);
    const submit = page.getByTestId('submit-read');
    await page.waitForFunction(() => !(document.querySelector('[data-testid="submit-read"]') as HTMLButtonElement | null)?.disabled);
    assert.equal(await submit.isDisabled(), false);
    const answer = await clickSubmit(page, taskId);
    assert.equal(answer.status(), 200, await answer.text());
    const view = expectStatus(await suite.study.annotators[0]!.api.get<TaskView>(`/api/tasks/${taskId}`), 200, 'task');
    assert.equal(view.task.status, 'submitted');
    assert.deepEqual(view.annotation!.globals, ['Lung tumor']);
    assert.deepEqual(view.annotation!.boxes.map((b) => b.label), ['Nodule/Mass']);
  });

  it('no page threw an uncaught exception', () => {
    assert.deepEqual(errors, []);
  });
});

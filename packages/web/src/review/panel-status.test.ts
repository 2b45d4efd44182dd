import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { approvalNews, canApprove, canWithdraw, panelStatus, type PanelInput } from './panel-status.js';

const view = (version: number, approvals: PanelInput['approvals'], status = 'open'): PanelInput => ({
  consensus: { version, status: status as PanelInput['consensus']['status'] },
  approvals,
  reviewers: 2,
});
const approval = (reviewer: string, version: number, current: boolean, mine = false) => ({ reviewer, version, current, mine });
const OK = { valid: true, unsaved: false, canAct: true };

describe('panel status', () => {
  it('counts approvals of the current version only; an older version is stale', () => {
    const s = panelStatus(view(4, [approval('Reviewer 1', 4, true, true), approval('Reviewer 2', 3, false)]));
    assert.equal(s.current, 1);
    assert.equal(s.mine, 'current');
    assert.equal(s.final, false);
    assert.equal(s.headline, '1 of 2 approved version 4');
    assert.match(s.lines[0]!.text, /Reviewer 1 \(you\) approved version 4 — current/);
    assert.match(s.lines[1]!.text, /stale \(now version 4\)/);
    assert.equal(s.lines[1]!.current, false);
  });

  it('says when the consensus is final, and nothing may be approved or withdrawn then', () => {
    const s = panelStatus(view(5, [approval('Reviewer 1', 5, true, true), approval('Reviewer 2', 5, true)], 'final'));
    assert.equal(s.final, true);
    assert.match(s.headline, /^Final: approved by all 2 reviewers at version 5/);
    assert.equal(canApprove(s, OK), false);
    assert.equal(canWithdraw(s, OK), false);
  });

  it("approve needs a valid consensus and one's own task, and is pointless when already approved and saved", () => {
    const none = panelStatus(view(2, []));
    assert.equal(none.mine, 'none');
    assert.match(none.headline, /No approval of version 2 yet/);
    assert.equal(canApprove(none, OK), true);
    assert.equal(canApprove(none, { ...OK, valid: false }), false);
    assert.equal(canApprove(none, { ...OK, canAct: false }), false);
    assert.equal(canWithdraw(none, OK), false);
    const mine = panelStatus(view(2, [approval('Reviewer 1', 2, true, true)]));
    assert.equal(canApprove(mine, OK), false);
    assert.equal(canApprove(mine, { ...OK, unsaved: true }), true, 'an unsaved edit makes a new version to approve');
    assert.equal(canWithdraw(mine, OK), true);
  });

  it('tells what changed between polls', () => {
    const before = view(3, [approval('Reviewer 1', 3, true, true)]);
    assert.deepEqual(approvalNews(before, view(3, [approval('Reviewer 1', 3, true, true), approval('Reviewer 2', 3, true)])), ['Reviewer 2 approved version 3']);
    assert.deepEqual(approvalNews(before, view(4, [])), ['Your approval was withdrawn: the consensus changed (now version 4)']);
    const both = view(3, [approval('Reviewer 1', 3, true, true), approval('Reviewer 2', 3, true)]);
    assert.deepEqual(approvalNews(both, view(3, [approval('Reviewer 1', 3, true, true)])), ['Reviewer 2 withdrew their approval']);
    assert.deepEqual(approvalNews(before, view(3, [approval('Reviewer 1', 3, true, true), approval('Reviewer 2', 3, true)], 'final')), [
      'Reviewer 2 approved version 3',
      'The consensus is final (version 3)',
    ]);
    assert.deepEqual(approvalNews(before, before), []);
  });
});

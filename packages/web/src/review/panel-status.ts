// The review panel's approvals as the side panel states them: who approved which version, whether each
// approval is of the current version, whether the consensus is final, and what the caller may do.
// `approvalNews` says what changed between two polls ("Reviewer 2 approved version 4").
import type { ReviewView } from '@cxrlab/server/api-types';

export type PanelInput = Pick<ReviewView, 'approvals' | 'reviewers'> & { consensus: Pick<ReviewView['consensus'], 'version' | 'status'> };

export interface ApprovalLine {
  reviewer: string;
  version: number;
  current: boolean;
  mine: boolean;
  /** "Reviewer 2 (you) approved version 3 — current". */
  text: string;
}

export interface PanelStatus {
  final: boolean;
  version: number;
  /** How many reviewers must approve the same version. */
  needed: number;
  /** Approvals of the current version. */
  current: number;
  /** The caller's own approval. */
  mine: 'none' | 'current' | 'stale';
  lines: ApprovalLine[];
  /** "Final: approved by all 2 reviewers at version 4" / "1 of 2 approved version 4" / "No approval yet". */
  headline: string;
}

export function panelStatus(view: PanelInput): PanelStatus {
  const { version } = view.consensus;
  const final = view.consensus.status === 'final';
  const lines = view.approvals.map((a): ApprovalLine => {
    const current = a.version === version;
    const who = `${a.reviewer}${a.mine ? ' (you)' : ''}`;
    return { reviewer: a.reviewer, version: a.version, current, mine: a.mine, text: `${who} approved version ${a.version} — ${current ? 'current' : `stale (now version ${version})`}` };
  });
  const current = lines.filter((l) => l.current).length;
  const own = lines.find((l) => l.mine);
  const mine = own === undefined ? 'none' : own.current ? 'current' : 'stale';
  const needed = view.reviewers;
  let headline: string;
  if (final) headline = `Final: approved by ${needed === 1 ? 'the reviewer' : `all ${needed} reviewers`} at version ${version}`;
  else if (current === 0) headline = `No approval of version ${version} yet (${needed} needed)`;
  else headline = `${current} of ${needed} approved version ${version}`;
  return { final, version, needed, current, mine, lines, headline };
}

export interface ActionState {
  /** The consensus breaks no rule. */
  valid: boolean;
  /** The editor has changes the server does not have yet (saving or waiting to save). */
  unsaved: boolean;
  /** The caller may change the consensus (it is their review task). */
  canAct: boolean;
}

/** Approve: open, the caller's task, valid, and not already approved at this version. Unsaved edits are saved first. */
export const canApprove = (s: PanelStatus, a: ActionState): boolean => !s.final && a.canAct && a.valid && (s.mine !== 'current' || a.unsaved);

/** Withdraw: open, and the caller has an approval. */
export const canWithdraw = (s: PanelStatus, a: Pick<ActionState, 'canAct'>): boolean => !s.final && a.canAct && s.mine !== 'none';

/** What changed between two polls of the review view, as sentences for a toast. */
export function approvalNews(before: PanelInput, after: PanelInput): string[] {
  const news: string[] = [];
  const edited = after.consensus.version !== before.consensus.version;
  const was = new Map(before.approvals.map((a) => [a.reviewer, a]));
  const now = new Map(after.approvals.map((a) => [a.reviewer, a]));
  for (const a of after.approvals) {
    const old = was.get(a.reviewer);
    if (a.mine) continue;
    if (old === undefined || old.version !== a.version) news.push(`${a.reviewer} approved version ${a.version}`);
  }
  for (const a of before.approvals) {
    if (now.has(a.reviewer)) continue;
    if (a.mine) news.push(edited ? `Your approval was withdrawn: the consensus changed (now version ${after.consensus.version})` : 'Your approval was withdrawn');
    else news.push(edited ? `${a.reviewer}'s approval was withdrawn by an edit` : `${a.reviewer} withdrew their approval`);
  }
  if (after.consensus.status === 'final' && before.consensus.status !== 'final') news.push(`The consensus is final (version ${after.consensus.version})`);
  return news;
}

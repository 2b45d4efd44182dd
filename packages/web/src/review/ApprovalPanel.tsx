// The panel's approvals (panel-status), the live validation of the consensus against the project's rules,
// and Approve / Withdraw. When the consensus is final it says so and offers the next review task.
import type { Violation } from '@cxrlab/dataset/rules';
import type { RuleViolation } from '../api/api-error.js';
import type { PanelStatus } from './panel-status.js';

export interface ApprovalPanelProps {
  status: PanelStatus;
  violations: readonly Violation[];
  /** The server's answer to the last approval (422), when it refused. */
  refused: { message: string; violations: readonly RuleViolation[] } | null;
  canApprove: boolean;
  canWithdraw: boolean;
  busy: boolean;
  readOnly: string | null;
  onApprove(): void;
  onWithdraw(): void;
  /** "Next review task": undefined while looking for it; null when none is left. */
  next: number | null | undefined;
  onNext(): void;
  onShowViolation(path: string): void;
}

export function ApprovalPanel(p: ApprovalPanelProps) {
  const s = p.status;
  const shown = p.refused !== null && p.refused.violations.length > 0 ? p.refused.violations : p.violations;
  return (
    <section className={`review-section review-approval${s.final ? ' final' : ''}`} aria-labelledby="review-approval-title">
      <div className="review-section-head">
        <h2 id="review-approval-title">Approval</h2>
        <span className="muted">version {s.version}</span>
      </div>
      <div data-testid="panel-status" className="review-panel-status" aria-live="polite">
        <p className={`review-headline${s.final ? ' ok' : s.current > 0 ? '' : ' muted'}`}>{s.headline}</p>
        {s.lines.length > 0 && (
          <ul>
            {s.lines.map((l) => (
              <li key={l.reviewer} className={l.current ? 'current' : 'stale'}>
                <span aria-hidden="true">{l.current ? '✓' : '○'}</span> {l.text}
              </li>
            ))}
          </ul>
        )}
        {!s.final && (
          <p className="muted review-note">
            All {s.needed} reviewers must approve the same version. An edit withdraws every approval.
          </p>
        )}
      </div>

      {!s.final && (
        <div data-testid="validation" className={`review-validation${shown.length === 0 ? ' valid' : ''}`} aria-live="polite">
          {p.refused !== null && <p className="error">{p.refused.violations.length > 0 ? 'Not approved: the server’s check of the rules refused it.' : `Not approved: ${p.refused.message}`}</p>}
          {shown.length === 0 ? (
            <p className="ok">The consensus passes the project’s rules.</p>
          ) : (
            <ul>
              {shown.map((v, i) => (
                <li key={`${v.code}-${v.path ?? ''}-${i}`}>
                  {v.path?.startsWith('boxes[') ? (
                    <button type="button" className="ghost review-violation-link" onClick={() => p.onShowViolation(v.path ?? '')}>
                      {v.message}
                    </button>
                  ) : (
                    v.message
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}

      {p.readOnly !== null && <p className="warning">{p.readOnly}</p>}

      {s.final ? (
        <div className="review-final">
          <p className="ok">This consensus is final: nothing can change it any more.</p>
          <button type="button" className="primary" data-testid="next-review" disabled={p.next === undefined || p.next === null} onClick={p.onNext}>
            {p.next === null ? 'No review task left' : 'Next review task'} <kbd>Ctrl+Enter</kbd>
          </button>
        </div>
      ) : (
        <div className="toolbar review-actions">
          <button type="button" className="primary" data-testid="approve" disabled={!p.canApprove || p.busy} onClick={p.onApprove} title="Approve this version (Ctrl+Enter)">
            {s.mine === 'current' ? 'Approved' : `Approve version ${s.version}`}
          </button>
          <button type="button" data-testid="withdraw" disabled={!p.canWithdraw || p.busy} onClick={p.onWithdraw} title="Withdraw your approval (Ctrl+Shift+Enter)">
            Withdraw
          </button>
          {s.mine === 'current' && p.next != null && (
            <button type="button" className="ghost" onClick={p.onNext} title="Go on while the others approve">
              Next review task →
            </button>
          )}
        </div>
      )}
    </section>
  );
}

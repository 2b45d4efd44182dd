// A change the server did not take (someone changed the consensus first): what it was, what is saved now,
// and the choice to re-apply it on top of the current version or to dismiss it. Never dropped silently.
import { noticeDetail, type Notice } from './use-consensus-sync.js';

export function ConflictNotice({ notice, canReapply, onReapply, onDismiss }: { notice: Notice; canReapply: boolean; onReapply(): void; onDismiss(): void }) {
  return (
    <div className="review-notice" role="alert" data-testid="conflict-notice">
      <p>
        <strong>{notice.message}</strong>
      </p>
      {noticeDetail(notice).map((line) => (
        <p key={line} className="muted">
          {line}
        </p>
      ))}
      <div className="toolbar">
        {notice.pending !== undefined && canReapply && (
          <button type="button" className="primary" onClick={onReapply} title="Replace the saved consensus with your version">
            Re-apply my change
          </button>
        )}
        <button type="button" onClick={onDismiss}>
          {notice.pending !== undefined ? 'Discard my change' : 'OK'}
        </button>
      </div>
    </div>
  );
}

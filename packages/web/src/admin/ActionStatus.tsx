// The outcome of a mutating action: its success message, or the API error's message and field.
import { errorWithField } from './api-error-text.js';
import type { ActionState } from './use-action.js';
import './admin.css';

export function ActionStatus({ state, testId }: { state: ActionState; testId?: string }) {
  if (state.busy) return <p className="action-status muted" role="status" data-testid={testId}>Working…</p>;
  if (state.error !== undefined) return <p className="action-status error" role="alert" data-testid={testId}>{errorWithField(state.error)}</p>;
  if (state.message !== undefined) return <p className="action-status ok" role="status" data-testid={testId}>{state.message}</p>;
  return null;
}

/** A load error with a retry button. */
export function LoadError({ error, retry }: { error: unknown; retry?: () => void }) {
  return (
    <div className="load-error" role="alert">
      <span className="error">{errorWithField(error)}</span>
      {retry !== undefined && (
        <button type="button" onClick={retry}>
          Retry
        </button>
      )}
    </div>
  );
}

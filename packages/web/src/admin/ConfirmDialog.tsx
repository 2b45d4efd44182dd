// "Are you sure?" for consequential actions: what will happen, a confirm button (danger or primary)
// that disables while the action runs, and the action's error if it fails.
import type { ReactNode } from 'react';
import { ActionStatus } from './ActionStatus.js';
import { Dialog } from './Dialog.js';
import type { ActionState } from './use-action.js';

export interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  state: ActionState;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmDialog({ title, children, confirmLabel, danger = false, state, onConfirm, onCancel }: ConfirmDialogProps) {
  return (
    <Dialog title={title} onClose={onCancel} busy={state.busy}>
      <div className="confirm-body">{children}</div>
      <ActionStatus state={state} />
      <div className="toolbar dialog-actions">
        <button type="button" onClick={onCancel} disabled={state.busy}>
          Cancel
        </button>
        <button type="button" className={danger ? 'danger' : 'primary'} onClick={onConfirm} disabled={state.busy} data-testid="confirm">
          {state.busy ? 'Working…' : confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}

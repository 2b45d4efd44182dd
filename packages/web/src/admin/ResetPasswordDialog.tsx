// Sets a new password for a user (their sessions end); shows the server's objection (e.g. too short).
import { useState, type FormEvent } from 'react';
import type { PublicUser } from '@cxrlab/server/api-types';
import { api } from '../api/client.js';
import { ActionStatus } from './ActionStatus.js';
import { Dialog } from './Dialog.js';
import { useAction } from './use-action.js';

export function ResetPasswordDialog({ user, onClose }: { user: PublicUser; onClose: () => void }) {
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const reset = useAction(
    (p: string) => api.patch<PublicUser>(`/api/users/${user.id}`, { password: p }),
    (u) => `New password set for ${u.username}; their sessions have ended. Tell them the new password.`,
  );
  const mismatch = repeat !== '' && repeat !== password;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (mismatch) return;
    if ((await reset.run(password)) !== undefined) {
      setPassword('');
      setRepeat('');
    }
  };
  return (
    <Dialog title={`Reset the password of ${user.username}`} onClose={onClose} busy={reset.busy}>
      <form className="form-grid" onSubmit={(e) => void submit(e)} noValidate>
        <label>
          New password
          <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" placeholder="at least 10 characters" data-testid="reset-password" />
        </label>
        <label>
          Repeat it
          <input type="password" value={repeat} onChange={(e) => setRepeat(e.target.value)} autoComplete="new-password" aria-invalid={mismatch} aria-describedby={mismatch ? 'reset-mismatch' : undefined} />
          {mismatch && (
            <span id="reset-mismatch" className="field-error error">
              The two passwords differ.
            </span>
          )}
        </label>
        <ActionStatus state={reset} testId="reset-status" />
        <div className="toolbar dialog-actions">
          <button type="button" onClick={onClose} disabled={reset.busy}>
            {reset.message !== undefined ? 'Close' : 'Cancel'}
          </button>
          <button type="submit" className="primary" disabled={reset.busy || password === '' || password !== repeat}>
            {reset.busy ? 'Setting…' : 'Set password'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

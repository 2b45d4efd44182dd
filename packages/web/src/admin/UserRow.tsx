// One user: disable / enable, make or unmake administrator (not oneself), reset the password (PATCH /api/users/:id).
import { useState } from 'react';
import type { PublicUser } from '@cxrlab/server/api-types';
import { api } from '../api/client.js';
import { ActionStatus } from './ActionStatus.js';
import { ResetPasswordDialog } from './ResetPasswordDialog.js';
import { useAction } from './use-action.js';

export function UserRow({ user: u, self, onChanged }: { user: PublicUser; self: boolean; onChanged: () => void }) {
  const [resetting, setResetting] = useState(false);
  const patch = useAction(
    (body: { disabled?: boolean; isAdmin?: boolean }) => api.patch<PublicUser>(`/api/users/${u.id}`, body),
    (r, body) => (body.disabled !== undefined ? `${r.username} ${r.disabled ? 'disabled: signed out everywhere, cannot sign in' : 'enabled'}.` : `${r.username} is ${r.isAdmin ? 'now' : 'no longer'} an administrator.`),
  );
  const change = async (body: { disabled?: boolean; isAdmin?: boolean }) => {
    if ((await patch.run(body)) !== undefined) onChanged();
  };
  const selfReason = self ? 'Administrators cannot disable or demote themselves' : undefined;
  return (
    <>
      <tr data-testid={`user-${u.username}`} className={u.disabled ? 'muted' : undefined}>
        <td className="num">{u.id}</td>
        <td>
          <strong>{u.username}</strong>
          {self && <span className="muted"> (you)</span>}
        </td>
        <td>{u.displayName}</td>
        <td>{u.isAdmin ? <span className="badge active">administrator</span> : <span className="muted">member</span>}</td>
        <td>{u.disabled ? <span className="badge left">disabled</span> : <span className="badge active">active</span>}</td>
        <td>
          <div className="row-actions">
            <button type="button" onClick={() => (patch.clear(), setResetting(true))} aria-label={`Reset the password of ${u.username}`}>
              Reset password…
            </button>
            <button type="button" disabled={patch.busy || self} title={selfReason} onClick={() => void change({ isAdmin: !u.isAdmin })} aria-label={`${u.isAdmin ? 'Remove administrator role of' : 'Make administrator:'} ${u.username}`}>
              {u.isAdmin ? 'Remove admin' : 'Make admin'}
            </button>
            <button type="button" className={u.disabled ? undefined : 'danger'} disabled={patch.busy || self} title={selfReason} onClick={() => void change({ disabled: !u.disabled })} aria-label={`${u.disabled ? 'Enable' : 'Disable'} ${u.username}`} data-testid={`toggle-${u.username}`}>
              {u.disabled ? 'Enable' : 'Disable'}
            </button>
          </div>
        </td>
      </tr>
      {(patch.error !== undefined || patch.message !== undefined) && (
        <tr className="status-row">
          <td colSpan={6}>
            <ActionStatus state={patch} />
          </td>
        </tr>
      )}
      {resetting && <ResetPasswordDialog user={u} onClose={() => setResetting(false)} />}
    </>
  );
}

// One member: roles as badges (or checkboxes while editing), pseudonym, status, and the actions.
import { useState } from 'react';
import type { Member, ProjectDetail, ProjectRole } from '@cxrlab/server/api-types';
import { api, seg } from '../../api/client.js';
import { ActionStatus } from '../ActionStatus.js';
import { ConfirmDialog } from '../ConfirmDialog.js';
import { useAction } from '../use-action.js';
import { movedText } from './member-text.js';
import { RolesPicker } from './RolesPicker.js';

type SetRolesReply = Member & { reassigned: number; unassigned: number };
type RemoveReply = { removed: boolean; reassigned: number; unassigned: number };

export function MemberRow({ project, member: m, onChanged }: { project: ProjectDetail; member: Member; onChanged: () => void }) {
  const [editing, setEditing] = useState(false);
  const [roles, setRoles] = useState<ProjectRole[]>(m.roles);
  const [confirming, setConfirming] = useState(false);
  const path = `/api/projects/${seg(project.key)}/members/${m.userId}`;
  const save = useAction(
    (wanted: ProjectRole[]) => api.put<SetRolesReply>(path, { roles: wanted }),
    (r) => `Roles of ${m.username}: ${r.roles.join(', ')}; ${movedText(r)}.`,
  );
  const remove = useAction(
    () => api.del<RemoveReply>(path),
    (r) => `Removed ${m.username}: ${movedText(r)}.`,
  );
  const who = `${m.displayName} (${m.username})`;
  return (
    <>
      <tr data-testid={`member-${m.username}`}>
        <td>
          {m.displayName} <span className="muted">{m.username}</span>
        </td>
        <td>
          {editing ? (
            <RolesPicker value={roles} onChange={setRoles} disabled={save.busy} idPrefix={`roles-${m.userId}`} consensus={project.workflow === 'consensus'} />
          ) : (
            m.roles.map((r) => (
              <span key={r} className="badge role-badge">
                {r}
              </span>
            ))
          )}
        </td>
        <td>{m.radId ?? <span className="muted">–</span>}</td>
        <td>{m.active ? <span className="badge active">active</span> : <span className="badge left">left</span>}</td>
        <td>
          <div className="row-actions">
            {editing ? (
              <>
                <button
                  type="button"
                  className="primary"
                  disabled={save.busy || roles.length === 0}
                  onClick={async () => {
                    if ((await save.run(roles)) !== undefined) {
                      setEditing(false);
                      onChanged();
                    }
                  }}
                >
                  {save.busy ? 'Saving…' : 'Save roles'}
                </button>
                <button type="button" disabled={save.busy} onClick={() => (setEditing(false), setRoles(m.roles), save.clear())}>
                  Cancel
                </button>
              </>
            ) : (
              <>
                <button type="button" onClick={() => (setRoles(m.roles), setEditing(true), save.clear(), remove.clear())} aria-label={`${m.active ? 'Change roles of' : 'Re-add'} ${m.username}`}>
                  {m.active ? 'Roles…' : 'Re-add…'}
                </button>
                {m.active && (
                  <button type="button" className="danger" onClick={() => (remove.clear(), setConfirming(true))} aria-label={`Remove ${m.username}`}>
                    Remove
                  </button>
                )}
              </>
            )}
          </div>
        </td>
      </tr>
      {(save.error !== undefined || save.message !== undefined || remove.message !== undefined) && (
        <tr className="status-row">
          <td colSpan={5}>
            <ActionStatus state={save.message !== undefined || save.error !== undefined ? save : remove} />
          </td>
        </tr>
      )}
      {confirming && (
        <ConfirmDialog
          title={`Remove ${m.username} from ${project.key}?`}
          confirmLabel="Remove member"
          danger
          state={remove}
          onCancel={() => setConfirming(false)}
          onConfirm={async () => {
            if ((await remove.run()) !== undefined) {
              setConfirming(false);
              onChanged();
            }
          }}
        >
          <p>
            {who} will leave the project. Their open tasks (not started or in progress) will be re-assigned to other members, never to someone already on the same image; tasks no one else can take wait for a new member.
          </p>
          <p className="muted">What they submitted stays, under their pseudonym {m.radId ?? ''}. You can add them back later.</p>
        </ConfirmDialog>
      )}
    </>
  );
}

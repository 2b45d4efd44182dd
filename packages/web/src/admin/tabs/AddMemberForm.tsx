// Adds a user with roles (PUT .../members/:userId). Administrators pick from the users list; a
// project owner who is not an administrator (no access to the user list) types the user id.
import { useState, type FormEvent } from 'react';
import type { Member, ProjectDetail, ProjectRole, PublicUser } from '@cxrlab/server/api-types';
import { api, seg } from '../../api/client.js';
import { useUser } from '../../auth/session.js';
import { ActionStatus } from '../ActionStatus.js';
import { useAction } from '../use-action.js';
import { useResource } from '../use-resource.js';
import { RolesPicker } from './RolesPicker.js';

export function AddMemberForm({ project, members, onAdded }: { project: ProjectDetail; members: readonly Member[]; onAdded: () => void }) {
  const me = useUser();
  const users = useResource<{ users: PublicUser[] }>(me.isAdmin ? '/api/users' : null);
  const [userId, setUserId] = useState('');
  const [roles, setRoles] = useState<ProjectRole[]>(['annotator']);
  const add = useAction(
    (id: number, wanted: ProjectRole[]) => api.put<Member>(`/api/projects/${seg(project.key)}/members/${id}`, { roles: wanted }),
    (m) => `Added ${m.username} as ${m.roles.join(', ')}${m.radId !== null ? ` (${m.radId})` : ''}. Run the assignment to give them tasks.`,
  );
  const activeIds = new Set(members.filter((m) => m.active).map((m) => m.userId));
  const candidates = (users.data?.users ?? []).filter((u) => !u.disabled && !activeIds.has(u.id));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const id = Number(userId);
    if (!Number.isInteger(id) || id < 1) return;
    if ((await add.run(id, roles)) !== undefined) {
      setUserId('');
      onAdded();
    }
  };
  return (
    <form className="form-row add-member" onSubmit={(e) => void submit(e)}>
      {me.isAdmin ? (
        <label>
          User
          <select value={userId} onChange={(e) => setUserId(e.target.value)} required data-testid="add-member-user">
            <option value="">{candidates.length === 0 && users.data !== undefined ? 'every user is a member' : 'choose a user…'}</option>
            {candidates.map((u) => (
              <option key={u.id} value={u.id}>
                {u.displayName} ({u.username})
              </option>
            ))}
          </select>
        </label>
      ) : (
        <label>
          User id
          <input type="number" min={1} value={userId} onChange={(e) => setUserId(e.target.value)} required />
        </label>
      )}
      <fieldset className="roles-fieldset">
        <legend>Roles</legend>
        <RolesPicker value={roles} onChange={setRoles} disabled={add.busy} idPrefix="add-member" consensus={project.workflow === 'consensus'} />
      </fieldset>
      <button type="submit" className="primary" disabled={add.busy || userId === '' || roles.length === 0} data-testid="add-member">
        {add.busy ? 'Adding…' : 'Add member'}
      </button>
      <div className="add-member-status">
        <ActionStatus state={add} />
      </div>
    </form>
  );
}

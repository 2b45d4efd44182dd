// POST /api/users: user name, display name, first password, administrator or not.
import { useState, type FormEvent } from 'react';
import type { PublicUser } from '@cxrlab/server/api-types';
import { api } from '../api/client.js';
import { ActionStatus } from './ActionStatus.js';
import { FieldError, shownAtField } from './FieldError.js';
import { useAction } from './use-action.js';

const FIELDS = ['body.username', 'body.displayName', 'body.password', 'body.isAdmin'];

export function NewUserForm({ onCreated }: { onCreated: () => void }) {
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [isAdmin, setIsAdmin] = useState(false);
  const create = useAction(
    (body: { username: string; displayName?: string; password: string; isAdmin: boolean }) => api.post<PublicUser>('/api/users', body),
    (u) => `Created ${u.username}${u.isAdmin ? ' (administrator)' : ''}. Give them their password and add them to projects.`,
  );
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = { username: username.trim(), password, isAdmin, ...(displayName.trim() !== '' ? { displayName: displayName.trim() } : {}) };
    if ((await create.run(body)) !== undefined) {
      setUsername('');
      setDisplayName('');
      setPassword('');
      setIsAdmin(false);
      onCreated();
    }
  };
  const invalid = (field: string) => shownAtField(create.error, [field]);
  return (
    <form className="form-row new-user" onSubmit={(e) => void submit(e)} noValidate>
      <label>
        User name
        <input value={username} onChange={(e) => setUsername(e.target.value.toLowerCase())} autoComplete="off" placeholder="e.g. rad4" aria-invalid={invalid('body.username')} data-testid="new-username" />
        <FieldError id="err-new-username" field="body.username" server={create.error} />
      </label>
      <label>
        Display name
        <input value={displayName} onChange={(e) => setDisplayName(e.target.value)} placeholder="e.g. Dr. A. Nguyen" aria-invalid={invalid('body.displayName')} />
        <FieldError id="err-new-display" field="body.displayName" server={create.error} />
      </label>
      <label>
        Password
        <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" placeholder="at least 10 characters" aria-invalid={invalid('body.password')} data-testid="new-password" />
        <FieldError id="err-new-password" field="body.password" server={create.error} />
      </label>
      <label className="inline admin-check">
        <input type="checkbox" checked={isAdmin} onChange={(e) => setIsAdmin(e.target.checked)} />
        Administrator
      </label>
      <button type="submit" className="primary" disabled={create.busy || username.trim() === '' || password === ''} data-testid="create-user">
        {create.busy ? 'Creating…' : 'Create user'}
      </button>
      <div className="form-status">
        <ActionStatus state={create.error !== undefined && shownAtField(create.error, FIELDS) ? { ...create, error: undefined } : create} testId="new-user-status" />
      </div>
    </form>
  );
}

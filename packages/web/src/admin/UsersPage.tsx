// Users (/admin/users, administrators): everyone with an account; create one, disable or enable,
// make or unmake an administrator, reset a password.
import type { PublicUser } from '@cxrlab/server/api-types';
import { Link } from '../app/Link.js';
import { useTitle } from '../app/router.js';
import { useUser } from '../auth/session.js';
import { NewUserForm } from './NewUserForm.js';
import { ResourceTable } from './ResourceTable.js';
import { UserRow } from './UserRow.js';
import { useResource } from './use-resource.js';
import './admin.css';

export function UsersPage() {
  useTitle('Users');
  const me = useUser();
  const users = useResource<{ users: PublicUser[] }>(me.isAdmin ? '/api/users' : null);
  if (!me.isAdmin) {
    return (
      <main className="page admin">
        <h1>Users</h1>
        <div className="panel empty-state">
          <p>
            Only administrators manage users. Back to the <Link href="/">worklist</Link>.
          </p>
        </div>
      </main>
    );
  }
  const list = users.data?.users;
  return (
    <main className="page admin" data-testid="users-page">
      <div className="page-head">
        <h1>Users{list !== undefined ? ` (${list.length})` : ''}</h1>
      </div>
      <ResourceTable
        resource={users}
        rows={list}
        testId="user-table"
        head={
          <>
            <th className="num">Id</th>
            <th>User name</th>
            <th>Display name</th>
            <th>Role</th>
            <th>Status</th>
            <th>
              <span className="visually-hidden">Actions</span>
            </th>
          </>
        }
        row={(u) => <UserRow key={u.id} user={u} self={u.id === me.id} onChanged={users.reload} />}
      />
      <section className="panel tab-section">
        <h2>New user</h2>
        <NewUserForm onCreated={users.reload} />
      </section>
    </main>
  );
}

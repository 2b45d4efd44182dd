// Members: who is in the project, their roles, pseudonym (R1, R2, ...: what exports and reviewers
// see) and whether they are active; add a user with roles, change roles, remove (open tasks move on).
import type { Member } from '@cxrlab/server/api-types';
import { seg } from '../../api/client.js';
import { LoadError } from '../ActionStatus.js';
import type { TabProps } from '../AdminProjectPage.js';
import { useResource } from '../use-resource.js';
import { AddMemberForm } from './AddMemberForm.js';
import { MemberRow } from './MemberRow.js';

export function MembersTab({ project, reloadProject }: TabProps) {
  const members = useResource<{ members: Member[] }>(`/api/projects/${seg(project.key)}/members`);
  const changed = () => {
    members.reload();
    reloadProject();
  };
  const list = members.data?.members;
  return (
    <div>
      {members.error !== undefined && <LoadError error={members.error} retry={members.reload} />}
      {list !== undefined && (
        <div className="table-wrap">
          <table className="admin-table" data-testid="member-table">
            <thead>
              <tr>
                <th>User</th>
                <th>Roles</th>
                <th>Pseudonym</th>
                <th>Status</th>
                <th>
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((m) => (
                <MemberRow key={m.userId} project={project} member={m} onChanged={changed} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section className="panel tab-section">
        <h2>Add a member</h2>
        <AddMemberForm project={project} members={list ?? []} onAdded={changed} />
      </section>
    </div>
  );
}

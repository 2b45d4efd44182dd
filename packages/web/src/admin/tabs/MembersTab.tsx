// Members: who is in the project, their roles, pseudonym (R1, R2, ...: what exports and reviewers
// see) and whether they are active; add a user with roles, change roles, remove (open tasks move on).
import type { Member } from '@cxrlab/server/api-types';
import { seg } from '../../api/client.js';
import type { TabProps } from '../AdminProjectPage.js';
import { ResourceTable } from '../ResourceTable.js';
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
      <ResourceTable
        resource={members}
        rows={list}
        testId="member-table"
        head={
          <>
            <th>User</th>
            <th>Roles</th>
            <th>Pseudonym</th>
            <th>Status</th>
            <th>
              <span className="visually-hidden">Actions</span>
            </th>
          </>
        }
        row={(m) => <MemberRow key={m.userId} project={project} member={m} onChanged={changed} />}
      />
      <section className="panel tab-section">
        <h2>Add a member</h2>
        <AddMemberForm project={project} members={list ?? []} onAdded={changed} />
      </section>
    </div>
  );
}

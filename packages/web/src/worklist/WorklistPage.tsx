// The worklist (/): every project I read or review in, with my progress, the start buttons and my
// tasks; projects I only manage are pointed to the admin pages. Empty states say what to do.
import type { ProjectSummary } from '@cxrlab/server/api-types';
import { Link } from '../app/Link.js';
import { useTitle } from '../app/router.js';
import { useUser } from '../auth/session.js';
import { LoadError } from '../admin/ActionStatus.js';
import { useResource } from '../admin/use-resource.js';
import { ProjectWork } from './ProjectWork.js';
import { groupProjects } from './worklist-model.js';
import './worklist.css';

export function WorklistPage() {
  useTitle('Worklist');
  const user = useUser();
  const projects = useResource<{ projects: ProjectSummary[] }>('/api/projects');
  const groups = projects.data === undefined ? undefined : groupProjects(projects.data.projects);
  return (
    <main className="page worklist" data-testid="worklist">
      <h1>Worklist</h1>
      {projects.error !== undefined && <LoadError error={projects.error} retry={projects.reload} />}
      {groups === undefined && projects.error === undefined && <p className="muted" aria-busy="true">Loading your projects…</p>}
      {groups !== undefined && groups.work.length === 0 && (
        <div className="panel empty-state" data-testid="worklist-empty">
          <h2>Nothing to read yet</h2>
          {groups.managedOnly.length > 0 ? (
            <p>
              You manage {groups.managedOnly.length === 1 ? 'a project' : `${groups.managedOnly.length} projects`} but read or review in none.{' '}
              {user.isAdmin || groups.managedOnly.some((p) => p.manager) ? (
                <>
                  Open <Link href="/admin">Projects</Link> to import images, add members and assign the reading; add yourself as an annotator or reviewer
                  there to read too.
                </>
              ) : null}
            </p>
          ) : (
            <p>You are not an annotator or reviewer in any project. Ask a project owner or an administrator to add you to one; your tasks then appear here.</p>
          )}
        </div>
      )}
      {groups?.work.map((p) => <ProjectWork key={p.key} project={p} />)}
      {groups !== undefined && groups.work.length > 0 && groups.managedOnly.length > 0 && (
        <p className="muted managed-note">
          You also manage {groups.managedOnly.map((p) => p.key).join(', ')}: see <Link href="/admin">Projects</Link>.
        </p>
      )}
    </main>
  );
}

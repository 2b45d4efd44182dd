// A project's page (/admin/projects/:key?tab=...): its name and set-up above the tabs; each tab is
// a component of its own in tabs/.
import type { ReactNode } from 'react';
import type { ProjectDetail } from '@cxrlab/server/api-types';
import { isApiError } from '../api/api-error.js';
import { seg } from '../api/client.js';
import { Link } from '../app/Link.js';
import { useLocation, useTitle } from '../app/router.js';
import { LoadError } from './ActionStatus.js';
import { PROJECT_TABS, tabHref, tabOf, type ProjectTab } from './project-tabs.js';
import { workflowText } from './ProjectRow.js';
import { AgreementTab } from './tabs/AgreementTab.js';
import { AssignmentTab } from './tabs/AssignmentTab.js';
import { ExportsTab } from './tabs/ExportsTab.js';
import { ImagesTab } from './tabs/ImagesTab.js';
import { MembersTab } from './tabs/MembersTab.js';
import { OverviewTab } from './tabs/OverviewTab.js';
import { ProgressTab } from './tabs/ProgressTab.js';
import { RulesTab } from './tabs/RulesTab.js';
import { useResource } from './use-resource.js';
import './admin.css';

export interface TabProps {
  project: ProjectDetail;
  /** Reloads the project (its counts, members, rules) after a change. */
  reloadProject: () => void;
}

const PANELS: Record<ProjectTab, (props: TabProps) => ReactNode> = {
  overview: OverviewTab,
  members: MembersTab,
  images: ImagesTab,
  assignment: AssignmentTab,
  progress: ProgressTab,
  agreement: AgreementTab,
  exports: ExportsTab,
  rules: RulesTab,
};

export function AdminProjectPage({ projectKey, tab }: { projectKey: string; tab: string }) {
  const current = tabOf(tab);
  const label = PROJECT_TABS.find((t) => t.id === current)!.label;
  useTitle(`${projectKey} · ${label}`);
  const { query } = useLocation();
  const project = useResource<ProjectDetail>(`/api/projects/${seg(projectKey)}`);
  const p = project.data;
  if (project.error !== undefined && p === undefined) {
    return (
      <main className="page admin">
        <p>
          <Link href="/admin">← Projects</Link>
        </p>
        {isApiError(project.error, 'ERR_NOT_FOUND') ? (
          <div className="panel empty-state">
            <p>There is no project {projectKey}, or you are not a member of it.</p>
          </div>
        ) : (
          <LoadError error={project.error} retry={project.reload} />
        )}
      </main>
    );
  }
  if (p === undefined) return <main className="page admin muted" aria-busy="true">Loading {projectKey}…</main>;
  const Panel = PANELS[current];
  return (
    <main className="page admin" data-testid="admin-project">
      <div className="project-head">
        <Link href="/admin" className="muted">
          Projects
        </Link>
        <span className="muted">/</span>
        <h1>{p.key}</h1>
        <span className="muted">{p.name}</span>
      </div>
      <div className="project-sub muted small">
        {workflowText(p)} · {p.images.total} images{p.myRoles.length > 0 ? ` · you: ${p.myRoles.join(', ')}` : ''}
      </div>
      {query.get('created') === '1' && current === 'overview' && (
        <p className="ok" role="status">
          Project {p.key} created. Next: import images, add members, then run the assignment.
        </p>
      )}
      {!p.manager ? (
        <div className="panel empty-state">
          <p>
            Only the project's owners and administrators manage {p.key}. Your tasks are on the <Link href="/">worklist</Link>.
          </p>
        </div>
      ) : (
        <>
          <nav className="tabs" aria-label="Project sections">
            {PROJECT_TABS.map((t) => (
              <Link key={t.id} href={tabHref(p.key, t.id)} aria-current={t.id === current ? 'page' : undefined} data-testid={`tab-${t.id}`}>
                {t.label}
              </Link>
            ))}
          </nav>
          <section className="tab-panel" aria-label={label}>
            <Panel project={p} reloadProject={project.reload} />
          </section>
        </>
      )}
    </main>
  );
}

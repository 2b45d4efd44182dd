// Projects (/admin): the projects I manage or belong to, with their set-up and counts; "New project"
// for administrators.
import { useState } from 'react';
import type { ProjectSummary } from '@cxrlab/server/api-types';
import { useTitle } from '../app/router.js';
import { useUser } from '../auth/session.js';
import { NewProjectDialog } from './NewProjectDialog.js';
import { ProjectRow } from './ProjectRow.js';
import { ResourceTable } from './ResourceTable.js';
import { useResource } from './use-resource.js';
import './admin.css';

export function AdminProjectsPage() {
  useTitle('Projects');
  const user = useUser();
  const projects = useResource<{ projects: ProjectSummary[] }>('/api/projects');
  const [creating, setCreating] = useState(false);
  const list = projects.data?.projects;
  return (
    <main className="page admin" data-testid="admin-projects">
      <div className="page-head">
        <h1>Projects</h1>
        {user.isAdmin && (
          <button type="button" className="primary" onClick={() => setCreating(true)} data-testid="new-project">
            New project
          </button>
        )}
      </div>
      <ResourceTable
        resource={projects}
        rows={list}
        testId="project-table"
        loading={
          <p className="muted" aria-busy="true">
            Loading…
          </p>
        }
        empty={
          <div className="panel empty-state">
            {user.isAdmin ? (
              <p>
                No projects yet. Create one with <strong>New project</strong>: the VinDr-CXR templates set up the training split (3 independent reads per image) or the test split
                (3 reads, then 2 reviewers).
              </p>
            ) : (
              <p>You are not a member of any project. An administrator or a project owner can add you to one.</p>
            )}
          </div>
        }
        head={
          <>
            <th>Key</th>
            <th>Name</th>
            <th>Workflow</th>
            <th className="num">Images</th>
            <th>Reads</th>
            <th>My roles</th>
            <th>Created</th>
          </>
        }
        row={(p) => <ProjectRow key={p.key} project={p} />}
      />
      {creating && <NewProjectDialog onClose={() => setCreating(false)} />}
    </main>
  );
}

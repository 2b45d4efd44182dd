// One project on the worklist: its name and my roles, my progress, the start buttons and my tasks.
import type { MyProgress, ProjectSummary } from '@cxrlab/server/api-types';
import { seg } from '../api/client.js';
import { Link } from '../app/Link.js';
import { formatDuration } from '../admin/format.js';
import { useResource } from '../admin/use-resource.js';
import { errorWithField } from '../admin/api-error-text.js';
import { StartButtons } from './StartButtons.js';
import { TaskTable } from './TaskTable.js';
import { progressLines } from './worklist-model.js';

export function ProjectWork({ project }: { project: ProjectSummary }) {
  const me = useResource<MyProgress>(`/api/projects/${seg(project.key)}/progress/me`);
  const lines = me.data === undefined ? [] : progressLines(project, me.data);
  const workflow = project.workflow === 'consensus' ? `consensus: ${project.readersPerImage} reads, then ${project.reviewersPerImage} reviewers` : `independent: ${project.readersPerImage} reads per image`;
  return (
    <section className="panel project-work" aria-labelledby={`work-${project.key}`} data-testid={`project-work-${project.key}`}>
      <header className="project-work-head">
        <div>
          <h2 id={`work-${project.key}`}>
            {project.name} <span className="muted project-key">{project.key}</span>
          </h2>
          <div className="muted small">
            {workflow} · {project.images.total} images · you: {project.myRoles.join(', ')}
            {project.manager && (
              <>
                {' · '}
                <Link href={`/admin/projects/${seg(project.key)}`}>manage</Link>
              </>
            )}
          </div>
        </div>
        <StartButtons project={project} me={me.data} />
      </header>
      {me.error !== undefined && <p className="error">{errorWithField(me.error)}</p>}
      <div className="progress-lines">
        {lines.map((line) => (
          <div key={line.what} className={line.total > 0 && line.remaining === 0 ? 'progress-line complete' : 'progress-line'} data-testid={`my-${line.what}-${project.key}`}>
            <div className="progress-line-text">
              <span>{line.what === 'reads' ? 'My reads' : 'My reviews'}</span>
              <span className="muted">
                {line.text}
                {line.what === 'reads' && me.data?.medianReadingMs != null ? ` · median ${formatDuration(me.data.medianReadingMs)} per image` : ''}
              </span>
            </div>
            <div className="progress-bar" role="progressbar" aria-label={line.what === 'reads' ? 'My reads' : 'My reviews'} aria-valuemin={0} aria-valuemax={line.total} aria-valuenow={line.done} aria-valuetext={line.text}>
              <span style={{ width: `${line.percent}%` }} />
            </div>
          </div>
        ))}
      </div>
      <TaskTable project={project} />
    </section>
  );
}

// The task on screen: project, position in the reader's list, the anonymous image id and a few header
// values (sex, age, pixel spacing).
import type { TaskView } from '@cxrlab/server/api-types';

export interface TaskInfoProps {
  view: TaskView;
  projectName: string;
  /** How many of the reader's tasks are left (pending + in progress), when known. */
  remaining?: number;
}

/** Header values worth a glance: sex, age ("046Y" shown as 46Y), view. */
const HEADER_KEYS: readonly string[] = ['PatientSex', 'PatientAge', 'ViewPosition'];

export function TaskInfo({ view, projectName, remaining }: TaskInfoProps) {
  const { task, image, project } = view;
  const header = HEADER_KEYS.map((k) => image.keyValues[k]).filter((v): v is string => v !== undefined && v !== '').map((v) => v.replace(/^0+(?=\d)/, ''));
  return (
    <section className="side-section task-info" data-testid="task-info" aria-label="Task">
      <div className="task-info-row">
        <span className="task-project" title={projectName}>
          {project.key}
        </span>
        <span className="muted task-position" title="Position in your reading order; open tasks left (this one included)">
          #{task.position + 1}
          {remaining !== undefined ? ` · ${remaining} left` : ''}
        </span>
        {task.status !== 'in_progress' && task.status !== 'pending' && <span className={`badge status-${task.status}`}>{task.status.replace('_', ' ')}</span>}
      </div>
      <div className="task-image-id" title={`Image ${image.imageId} (task ${task.id})`}>
        <code>{image.imageId}</code>
      </div>
      <div className="muted task-meta" title={header.join(' · ')}>
        {image.width} × {image.height} · {image.bitsStored}-bit · {image.photometric === 'MONOCHROME1' ? 'MONO1' : image.photometric === 'MONOCHROME2' ? 'MONO2' : image.photometric}
        {header.length > 0 ? ` · ${header.join(' · ')}` : ''}
      </div>
    </section>
  );
}

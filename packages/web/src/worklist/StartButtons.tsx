// "Start reading" / "Start reviewing": links styled as buttons, or disabled buttons with the reason beside.
import type { MyProgress, ProjectSummary } from '@cxrlab/server/api-types';
import { Link } from '../app/Link.js';
import { startActions } from './worklist-model.js';

export function StartButtons({ project, me }: { project: ProjectSummary; me: MyProgress | undefined }) {
  const actions = startActions(project, me);
  return (
    <div className="start-buttons">
      {actions.map((a) => {
        const testId = `${a.kind === 'review' ? 'start-reviewing' : 'start-reading'}-${project.key}`;
        return a.disabledReason === undefined ? (
          <Link key={a.kind} href={a.href} className="button primary" data-testid={testId}>
            {a.label}
          </Link>
        ) : (
          <div key={a.kind} className="start-disabled">
            <button type="button" className="primary" disabled aria-describedby={`${testId}-why`} data-testid={testId}>
              {a.label}
            </button>
            <span id={`${testId}-why`} className="muted small">
              {a.disabledReason}
            </span>
          </div>
        );
      })}
    </div>
  );
}

// The right panel (~300 px, collapsible): the task, the global labels, the boxes, what blocks submission,
// and the draft status with Skip and Submit at the bottom.
import type { TaskView } from '@cxrlab/server/api-types';
import type { RuleViolation } from '../api/api-error.js';
import type { DocBox } from '../tools/index.js';
import type { SaveStatus } from './autosaver.js';
import { BoxList } from './BoxList.js';
import { DraftStatus } from './DraftStatus.js';
import { GlobalLabels } from './GlobalLabels.js';
import type { ProjectLabels } from './project-labels.js';
import { TaskInfo } from './TaskInfo.js';
import { ValidationList } from './ValidationList.js';

export interface SidePanelProps {
  view: TaskView;
  projectName: string;
  remaining: number | undefined;
  labels: ProjectLabels;
  globals: readonly string[];
  boxes: readonly DocBox[];
  selected: string | null;
  boxesHidden: boolean;
  readOnly: boolean;
  colorOf(label: string): string;
  violations: readonly RuleViolation[];
  violationsFromServer: boolean;
  saveStatus: SaveStatus;
  submitting: boolean;
  onToggleGlobal(label: string): void;
  onSelectBox(key: string): void;
  onRelabelBox(key: string): void;
  onDeleteBox(key: string): void;
  onDeleteAllBoxes(): void;
  onSkip(): void;
  onSubmit(): void;
  onNext(): void;
  onCollapse(): void;
}

export function SidePanel(p: SidePanelProps) {
  const blocked = p.violations.length > 0;
  const submitTitle = blocked ? `Fix first: ${p.violations.map((v) => v.message).join(' ')}` : 'Submit the read and open the next image (Ctrl+Enter)';
  return (
    <aside className="side-panel" aria-label="Read">
      <div className="side-scroll">
        <div className="side-head">
          <TaskInfo view={p.view} projectName={p.projectName} {...(p.remaining !== undefined ? { remaining: p.remaining } : {})} />
          <button type="button" className="ghost icon-button collapse-button" onClick={p.onCollapse} aria-label="Collapse the panel" title="Collapse the panel (\)">
            »
          </button>
        </div>
        <GlobalLabels labels={p.labels.global} chosen={p.globals} exclusive={p.labels.exclusive} readOnly={p.readOnly} onToggle={p.onToggleGlobal} />
        <BoxList
          boxes={p.boxes}
          selected={p.selected}
          hidden={p.boxesHidden}
          readOnly={p.readOnly}
          colorOf={p.colorOf}
          onSelect={p.onSelectBox}
          onRelabel={p.onRelabelBox}
          onDelete={p.onDeleteBox}
        />
      </div>
      <div className="side-foot">
        {!p.readOnly && (
          <ValidationList
            violations={p.violations}
            fromServer={p.violationsFromServer}
            readOnly={p.readOnly}
            onSelectBox={(i) => {
              const box = p.boxes[i];
              if (box !== undefined) p.onSelectBox(box.key);
            }}
            onDeleteAllBoxes={p.onDeleteAllBoxes}
          />
        )}
        <div className="read-actions">
          <DraftStatus status={p.saveStatus} readOnly={p.readOnly} />
          {p.readOnly ? (
            <button type="button" className="primary next-task" onClick={p.onNext}>
              Next task
            </button>
          ) : (
            <>
              <button type="button" className="ghost" onClick={p.onSkip} title="Skip this image, with a reason">
                Skip…
              </button>
              <span className="submit-wrap" title={submitTitle}>
                <button type="button" className="primary" data-testid="submit-read" disabled={blocked || p.submitting} onClick={p.onSubmit} aria-describedby="validation-title">
                  {p.submitting ? 'Submitting…' : 'Submit'} <kbd className="on-primary">Ctrl+↵</kbd>
                </button>
              </span>
            </>
          )}
        </div>
      </div>
    </aside>
  );
}

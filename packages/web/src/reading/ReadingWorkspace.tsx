// The reading workstation for one project: toolbar | image | panel. It stays mounted from task to task
// (the viewer keeps its GL context; the next image is prefetched and preloaded), while the read, its
// saver and its clock follow the task on screen.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ProjectDetail, TaskView } from '@cxrlab/server/api-types';
import { checkRead } from '@cxrlab/dataset/rules';
import type { RuleViolation } from '../api/api-error.js';
import { docToRead, labelColors, useEditor } from '../tools/index.js';
import type { ImageViewerHandle } from '../viewer/index.js';
import { ConflictBanner, ReadOnlyBanner } from './Banners.js';
import { HelpOverlay } from './HelpOverlay.js';
import { projectLabels } from './project-labels.js';
import { ReadingToolbar } from './ReadingToolbar.js';
import { readingCommands } from './reading-commands.js';
import { SidePanel } from './SidePanel.js';
import { SkipDialog } from './SkipDialog.js';
import { deleteAllBoxes, useReadingActions } from './use-reading-actions.js';
import { useNextPrefetch } from './use-next-prefetch.js';
import { useReadSession } from './use-read-session.js';
import { useReadingClock } from './use-reading-clock.js';
import { useReadingView } from './use-reading-view.js';
import { useShortcuts } from './use-shortcuts.js';
import { useSubmitRead } from './use-submit-read.js';
import { useTaskPixels } from './use-task-pixels.js';
import { usePanelOpen } from './use-panel-open.js';
import { useWorkspaceUi } from './use-workspace-ui.js';
import { ViewerArea } from './ViewerArea.js';
import { labelPopover, viewerImageProps } from './viewer-area-props.js';
import './reading.css';

const READING_POPOVER = { label: 'Label the new box', relabel: (i: number) => `Relabel box ${i + 1}` };
const HELP_KEYS = readingCommands.filter((c) => c.id === 'help' || c.id === 'edit.escape');

export interface ReadingWorkspaceProps {
  project: ProjectDetail;
  view: TaskView;
  /** Shows another task (the submit's or skip's answer); null: none left. */
  onNext(next: TaskView | null): void;
}

export function ReadingWorkspace({ project, view, onNext }: ReadingWorkspaceProps) {
  const labels = useMemo(() => projectLabels(project), [project]);
  const colorOf = useMemo(() => labelColors(labels.localNames), [labels]);
  const editor = useEditor({ draw: { colorOf } });
  const clock = useReadingClock();
  const session = useReadSession(view, editor, clock);
  const submitRead = useSubmitRead(project.key, view, session, clock.elapsed, onNext);
  const readOnly = session.readOnly !== null;

  const { pixels, error: pixelError } = useTaskPixels(view.image.id);
  const next = useNextPrefetch(project.key, view.task.id, pixels !== null);
  const viewer = useRef<ImageViewerHandle>(null);
  const rv = useReadingView(pixels, view.image.windows, viewer);

  const ui = useWorkspaceUi(readOnly, usePanelOpen());
  const { leftTool, helpOpen, setHelpOpen, panelOpen, setPanelOpen, relabelKey, setRelabelKey } = ui;
  const [skipOpen, setSkipOpen] = useState(false);

  // A new task: nothing left open from the last one.
  useEffect(() => {
    setRelabelKey(null);
    setSkipOpen(false);
  }, [view.task.id]);

  const ed = editor.state;
  const doc = ed.doc;
  const read = useMemo(() => docToRead(doc), [doc]);
  const liveViolations = useMemo<RuleViolation[]>(
    () => checkRead(labels.rules, labels.schema, read, { width: view.image.width, height: view.image.height }),
    [labels, read, view.image.width, view.image.height],
  );
  // The server's answer to a refused submit stands until the read changes.
  const { clearServerViolations } = submitRead;
  useEffect(() => clearServerViolations(), [doc, clearServerViolations]);
  const violations = submitRead.serverViolations ?? liveViolations;

  const actions = useReadingActions({
    editor,
    view: rv,
    labels,
    readOnly,
    blocking: violations.map((v) => v.message),
    submit: () => void submitRead.submit(),
    saveNow: session.saveNow,
    ui,
  });
  // While the help is open only its own keys (?, Esc) work.
  useShortcuts(helpOpen ? HELP_KEYS : readingCommands, actions, { disabled: skipOpen, readOnly });

  // The label popover: for the box just drawn, or the box being relabelled.
  const popover = labelPopover({ editor, editable: !readOnly, relabelKey, setRelabelKey, titles: READING_POPOVER });

  const selectBox = useCallback((key: string) => editor.dispatch({ type: 'select', key }), [editor]);
  const position = `#${view.task.position + 1}`;
  const kv = view.image.keyValues;
  const corners = {
    topLeft: `${project.key}  ${position}\n${view.image.imageId.slice(0, 12)}…`,
    topRight: [kv['PatientSex'] !== undefined ? `Sex ${kv['PatientSex']}` : '', kv['PatientAge'] !== undefined ? `Age ${kv['PatientAge']}` : ''].filter(Boolean).join('  '),
  };

  return (
    <div className={`reading-root${panelOpen ? '' : ' panel-collapsed'}`} data-task-id={view.task.id}>
      <ReadingToolbar tool={leftTool} view={rv} editor={ed} actions={actions} readOnly={readOnly} onHelp={() => setHelpOpen(true)} />
      <ViewerArea
        {...viewerImageProps(viewer, pixels, pixelError, rv)}
        preload={next.pixels}
        leftTool={leftTool}
        editor={editor}
        editable={!readOnly}
        corners={corners}
        popover={popover}
        labels={labels.local}
        colorOf={colorOf}
      >
        {session.readOnly !== null && <ReadOnlyBanner message={session.readOnly} onNext={() => void submitRead.next()} />}
        {session.conflictCopy !== null && <ConflictBanner copy={session.conflictCopy} imageId={view.image.imageId} onDismiss={session.dismissConflict} />}
      </ViewerArea>
      {panelOpen ? (
        <SidePanel
          view={view}
          projectName={project.name}
          remaining={next.open}
          labels={labels}
          globals={doc.globals}
          boxes={doc.boxes}
          selected={ed.selected}
          boxesHidden={ed.hidden}
          readOnly={readOnly}
          colorOf={colorOf}
          violations={violations}
          violationsFromServer={submitRead.serverViolations !== null}
          saveStatus={session.saveStatus}
          submitting={submitRead.submitting}
          onToggleGlobal={(label) => editor.dispatch({ type: 'toggleGlobal', label, exclusive: labels.exclusive })}
          onSelectBox={selectBox}
          onRelabelBox={(key) => {
            selectBox(key);
            setRelabelKey(key);
          }}
          onDeleteBox={(key) => {
            selectBox(key);
            editor.dispatch({ type: 'deleteSelected' });
          }}
          onDeleteAllBoxes={() => deleteAllBoxes(editor)}
          onSkip={() => setSkipOpen(true)}
          onSubmit={actions.submit}
          onNext={() => void submitRead.next()}
          onCollapse={() => setPanelOpen(false)}
        />
      ) : (
        <button type="button" className="panel-expand" onClick={() => setPanelOpen(true)} aria-label="Expand the panel" title="Expand the panel (\)">
          «
        </button>
      )}
      {helpOpen && <HelpOverlay commands={readingCommands} onClose={() => setHelpOpen(false)} />}
      {skipOpen && <SkipDialog onSkip={submitRead.skip} onClose={() => setSkipOpen(false)} />}
    </div>
  );
}

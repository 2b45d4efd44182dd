// The review of one image: the image with the N reads (dashed, a colour per reader, each toggled) under
// the consensus (solid, edited with the box tool), and the side panel: the readers (copy their boxes),
// the global labels with their votes, the consensus boxes, and the approvals. Saving, copying, approving
// and polling are use-consensus-sync's; the keys are review-commands'.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ProjectDetail, ReviewView } from '@cxrlab/server/api-types';
import { checkRead } from '@cxrlab/dataset/rules';
import { navigate } from '../app/router.js';
import { Link } from '../app/Link.js';
import { boxIndexOf, HelpOverlay, markNextTask, ToastHost, useReadingActions, useReadingView, useShortcuts } from '../reading/index.js';
import { projectLabels } from '../reading/project-labels.js';
import { ReadingToolbar } from '../reading/ReadingToolbar.js';
import { useTaskPixels } from '../reading/use-task-pixels.js';
import { useWorkspaceUi } from '../reading/use-workspace-ui.js';
import { ViewerArea } from '../reading/ViewerArea.js';
import { labelPopover, viewerImageProps } from '../reading/viewer-area-props.js';
import { drawAnnotations, editorReducer, initialEditor, labelColors, readerColor, useEditor, type UseEditor } from '../tools/index.js';
import { loadPixels, type ImageViewerHandle, type PixelImage, type ToScreen } from '../viewer/index.js';
import { ApprovalPanel } from './ApprovalPanel.js';
import { ConflictNotice } from './ConflictNotice.js';
import { ConsensusBoxes } from './ConsensusBoxes.js';
import { contentOf } from './consensus-content.js';
import { GlobalVotes } from './GlobalVotes.js';
import { findNextReview, peekPrefetched } from './next-review.js';
import { drawnLayers, highlightedBox, readerLayers, toggleReader, type HighlightedBox } from './overlay-model.js';
import { canApprove, canWithdraw, panelStatus } from './panel-status.js';
import { ReaderCard } from './ReaderCard.js';
import { reviewCommands } from './review-commands.js';
import { reviewUrl } from './review-url.js';
import { ReviewBar } from './ReviewBar.js';
import { useConsensusSync } from './use-consensus-sync.js';
import { useReviewActions } from './use-review-actions.js';
import { majorityGlobals, voteRows } from './votes.js';

export interface ReviewWorkspaceProps {
  projectKey: string;
  taskId: number;
  initial: ReviewView;
  project: ProjectDetail;
}

/** The readers' boxes: dashed, thin, a little transparent; the consensus's: solid and thicker. */
const READER_DASH = [7, 4] as const;
const READER_LINE = 1.25;
const CONSENSUS_LINE = 2.25;
const REVIEW_POPOVER = { label: 'Label the box', relabel: () => 'Relabel the box' };

export function ReviewWorkspace({ projectKey, taskId, initial, project }: ReviewWorkspaceProps) {
  const labels = useMemo(() => projectLabels(project), [project]);
  const colorOf = useMemo(() => labelColors(labels.localNames), [labels]);
  const editor = useEditor({ draw: { colorOf, lineWidth: CONSENSUS_LINE } }, () =>
    editorReducer(initialEditor(initial.image.width, initial.image.height), { type: 'load', doc: initial.consensus, imageWidth: initial.image.width, imageHeight: initial.image.height }),
  );
  const sync = useConsensusSync({ taskId, initial, editor, doc: editor.state.doc, canAct: project.myRoles.includes('reviewer') });
  const { view } = sync;
  const editable = sync.readOnly === null && !sync.final;
  const ed = editor.state;
  const doc = ed.doc;

  // The image and the view.
  const { pixels, error: pixelError } = useTaskPixels(view.image.id);
  const viewer = useRef<ImageViewerHandle>(null);
  const rv = useReadingView(pixels, view.image.windows, viewer);
  const ui = useWorkspaceUi(!editable, useState(true));
  const { leftTool, helpOpen, setHelpOpen, panelOpen, setPanelOpen, relabelKey, setRelabelKey } = ui;

  // The readers' layers under the consensus.
  const [hidden, setHidden] = useState<ReadonlySet<string>>(() => new Set());
  const [selectedReader, setSelectedReader] = useState<string | null>(initial.reads[0]?.reader ?? null);
  const [highlight, setHighlight] = useState<HighlightedBox | null>(null);
  const layers = useMemo(() => readerLayers(view.reads, hidden), [view.reads, hidden]);
  const overlay = useRef({ layers, highlight });
  overlay.current = { layers, highlight };
  const drawEditorOverlay = editor.drawOverlay;
  const drawOverlay = useCallback((ctx: CanvasRenderingContext2D, toScreen: ToScreen, scale: number) => {
    const { layers: ls, highlight: hl } = overlay.current;
    for (const layer of drawnLayers(ls)) {
      drawAnnotations(ctx, toScreen, scale, layer.boxes, { color: readerColor(layer.index), dash: READER_DASH, lineWidth: READER_LINE, alpha: 0.8, tagText: (b) => `${layer.reader} ${b.label}` });
    }
    const lit = highlightedBox(ls, hl);
    if (lit !== undefined) drawAnnotations(ctx, toScreen, scale, [lit.box], { color: readerColor(lit.layer.index), dash: READER_DASH, lineWidth: 3.5, showText: false });
    drawEditorOverlay(ctx, toScreen, scale);
  }, [drawEditorOverlay]);
  // Redraw when the editor's drawing or the readers' layers change (both counters only grow).
  const layerCount = useRef(0);
  const layerVersion = useMemo(() => ++layerCount.current, [layers, highlight]);
  const viewerEditor: UseEditor = { ...editor, drawOverlay, overlayVersion: editor.overlayVersion + layerVersion };

  // Labels, votes, validation, approvals.
  const rows = useMemo(() => voteRows(labels.global, view.votes, view.reads.length, doc.globals), [labels, view.votes, view.reads.length, doc.globals]);
  const voters = useCallback(
    (label: string) => view.reads.flatMap((r, i) => (r.globals.includes(label) ? [{ reader: r.reader, color: readerColor(i) }] : [])),
    [view.reads],
  );
  const violations = useMemo(() => checkRead(labels.rules, labels.schema, contentOf(doc), { width: view.image.width, height: view.image.height }), [labels, doc, view.image.width, view.image.height]);
  const status = useMemo(() => panelStatus(view), [view]);
  const actionState = { valid: violations.length === 0, unsaved: sync.unsaved, canAct: sync.readOnly === null };
  const approvable = canApprove(status, actionState);
  const withdrawable = canWithdraw(status, actionState);

  // The next review task, looked for (and loaded ahead) once there is nothing left to do here.
  const [next, setNext] = useState<number | null | undefined>(undefined);
  const [preload, setPreload] = useState<PixelImage | null>(null);
  const lookAhead = status.final || status.mine === 'current';
  useEffect(() => {
    if (!lookAhead) return;
    let live = true;
    findNextReview(projectKey, taskId).then(
      async (id) => {
        if (!live) return;
        setNext(id ?? null);
        const ahead = id !== undefined ? await peekPrefetched(id) : undefined;
        if (ahead !== undefined && live) setPreload(await loadPixels(ahead.image.id).catch(() => null));
      },
      () => live && setNext(null),
    );
    return () => {
      live = false;
    };
  }, [lookAhead, projectKey, taskId]);
  const goNext = useCallback(() => {
    markNextTask();
    navigate(reviewUrl(projectKey, next ?? undefined), { replace: true });
  }, [next, projectKey]);

  const copy = useCallback((reader: string, globals: boolean) => {
    if (editable) void sync.copy({ from: reader, ...(globals ? { globals: true } : {}) });
  }, [editable, sync]);
  const approve = useCallback(() => {
    if (approvable) void sync.approve();
  }, [approvable, sync]);

  const actions = useReviewActions({
    reading: { editor, view: rv, labels, ui, readOnly: !editable, blocking: [], submit: approve, saveNow: () => void sync.saveNow() },
    reads: view.reads,
    selectedReader,
    setSelectedReader,
    setHidden,
    canEdit: editable && !sync.busy,
    copy,
    approveOrNext: () => {
      if (!status.final) approve();
      else if (next !== undefined) goNext();
    },
    withdraw: () => {
      if (withdrawable) void sync.withdraw();
    },
  });
  useShortcuts(reviewCommands, actions, { readOnly: !editable, disabled: helpOpen || relabelKey !== null || ed.tool.mode === 'labelling' });

  const selectBox = (key: string) => editor.dispatch({ type: 'select', key });
  const selectBoxAt = (index: number) => {
    const box = editor.getState().doc.boxes[index];
    if (box !== undefined) selectBox(box.key);
  };

  // The label popover: a box just drawn (labelling) or a box to relabel.
  const popover = labelPopover({ editor, editable, relabelKey, setRelabelKey, titles: REVIEW_POPOVER });

  return (
    <div className={`reading-root review-root${panelOpen ? '' : ' panel-collapsed'}`} data-task-id={taskId}>
      <ReadingToolbar tool={leftTool} view={rv} editor={ed} actions={actions} readOnly={!editable} onHelp={() => setHelpOpen(true)} />
      <div className="review-main">
        <ReviewBar
          projectName={project.name}
          imageId={view.image.imageId}
          version={sync.version}
          final={sync.final}
          saveStatus={sync.saveStatus}
          saveError={sync.saveError}
          readOnly={!editable}
          readersShown={layers.filter((l) => l.visible).length}
          readers={view.reads.length}
          onToggleAllReaders={actions.toggleAllReaders}
        />
        <ViewerArea
          {...viewerImageProps(viewer, pixels, pixelError, rv)}
          preload={preload}
          leftTool={leftTool}
          editor={viewerEditor}
          editable={editable}
          corners={{ topLeft: `Consensus v${sync.version}${sync.final ? ' (final)' : ''}` }}
          popover={popover}
          labels={labels.local}
          colorOf={colorOf}
        >
          {sync.notice !== null && <ConflictNotice notice={sync.notice} canReapply={editable} onReapply={sync.reapply} onDismiss={sync.dismissNotice} />}
        </ViewerArea>
      </div>
      {panelOpen ? (
        <aside className="review-side" aria-label="Review panel">
          <div className="review-scroll">
            <section className="review-section" aria-labelledby="review-readers-title">
              <div className="review-section-head">
                <h2 id="review-readers-title">Reads</h2>
                <span className="muted" title={`Shift+1…${view.reads.length}: show or hide a reader; [ ]: select a reader; C: copy the selected reader's boxes`}>
                  {view.reads.length} blind reads · Shift+1…{view.reads.length}
                </span>
              </div>
              {view.reads.map((read, i) => (
                <ReaderCard
                  key={read.reader}
                  reader={read.reader}
                  index={i}
                  color={readerColor(i)}
                  globals={read.globals}
                  boxes={read.boxes}
                  visible={!hidden.has(read.reader)}
                  selected={selectedReader === read.reader}
                  copyDisabled={!editable || sync.busy}
                  onToggle={() => setHidden((h) => toggleReader(h, read.reader))}
                  onSelect={() => setSelectedReader(read.reader)}
                  onCopyBoxes={() => copy(read.reader, false)}
                  onCopyRead={() => copy(read.reader, true)}
                  onCopyBox={(box) => void sync.copy({ from: read.reader, boxIndex: box })}
                  onHoverBox={(box) => setHighlight(box === null ? null : { reader: read.reader, box })}
                />
              ))}
            </section>
            <GlobalVotes
              rows={rows}
              voters={voters}
              disabled={!editable}
              onToggle={(label) => editor.dispatch({ type: 'toggleGlobal', label, exclusive: labels.exclusive })}
              onTakeMajority={() => editor.dispatch({ type: 'setGlobals', globals: majorityGlobals(rows) })}
            />
            <ConsensusBoxes
              boxes={doc.boxes}
              selected={ed.selected}
              disabled={!editable}
              colorOf={colorOf}
              onSelect={selectBox}
              onRelabel={(key) => {
                selectBox(key);
                setRelabelKey(key);
              }}
              onDelete={(key) => {
                selectBox(key);
                editor.dispatch({ type: 'deleteSelected' });
              }}
            />
          </div>
          <div className="review-footer">
            <ApprovalPanel
              status={status}
              violations={violations}
              refused={sync.approvalRefused}
              canApprove={approvable}
              canWithdraw={withdrawable}
              busy={sync.busy}
              readOnly={sync.readOnly}
              onApprove={approve}
              onWithdraw={() => void sync.withdraw()}
              next={lookAhead ? next : undefined}
              onNext={goNext}
              onShowViolation={(path) => {
                const index = boxIndexOf(path);
                if (index !== undefined) selectBoxAt(index);
              }}
            />
            {status.final && next === null && (
              <p className="muted">
                No review task left. <Link href="/">Back to the worklist</Link>
              </p>
            )}
          </div>
        </aside>
      ) : (
        <button type="button" className="panel-expand" onClick={() => setPanelOpen(true)} aria-label="Expand the panel" title="Expand the panel (\)">
          «
        </button>
      )}
      {helpOpen && <HelpOverlay commands={reviewCommands} onClose={() => setHelpOpen(false)} />}
      <ToastHost />
    </div>
  );
}

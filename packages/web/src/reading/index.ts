// The reading view, and the pieces the review view reuses: the command table and its hook, the label
// popover, the draft store, the autosaver and the toasts.
export { ReadingPage } from './ReadingPage.js';
export { ReadingWorkspace, type ReadingWorkspaceProps } from './ReadingWorkspace.js';
export { useReadingView, type ReadingView } from './use-reading-view.js';
export { useReadingActions, deleteAllBoxes, type ReadingUi, type ReadingDeps } from './use-reading-actions.js';
export { compileCommands, findCommand, duplicateKeys, keyHint, type Command, type CommandMatch, type MatchContext } from './commands.js';
export { parseKeys, matchesKeys, matchesCombo, displayKeys, isTypingTarget, type KeyCombo, type KeyInput } from './keys.js';
export { readingCommands, readingCommand, type ReadingActions } from './reading-commands.js';
export { useShortcuts, type ShortcutOptions } from './use-shortcuts.js';
export { HelpOverlay } from './HelpOverlay.js';
export { LabelPopover, type LabelPopoverProps, type PopoverLabel } from './LabelPopover.js';
export {
  readDraft, writeDraft, clearDraft, decideDraft, sameDoc, docHash, keepConflictCopy, readConflictCopy, removeConflictCopy, pruneDrafts,
  type DraftRecord, type DraftDoc, type DraftBox, type DraftStorage, type DraftDecision, type ServerRead,
} from './draft-store.js';
export { Autosaver, backoffMs, DEBOUNCE_MS, type SaveStatus, type SaveBody, type AutosaverDeps } from './autosaver.js';
export { DraftStatus, draftStatusText } from './DraftStatus.js';
export { downloadDraft, draftFile } from './download-draft.js';
export { ReadingClock, IDLE_MS } from './reading-clock.js';
export { useReadingClock, type ReadingClockHandle } from './use-reading-clock.js';
export { browserStorage, isNetworkError } from './use-read-session.js';
export { showToast, toast, toastError, dismissToast, useToasts, type Toast, type ToastKind } from './toast-store.js';
export { ToastHost } from './ToastHost.js';
export { boxIndexOf, isBoxConflict } from './violations.js';
export { markNextTask, NEXT_TASK_MARK } from './use-submit-read.js';
// Building blocks of the workstation (the review view composes them too).
export { projectLabels, rulesOf, type ProjectLabels, type LabelDef } from './project-labels.js';
export { ReadingToolbar, type ReadingToolbarProps } from './ReadingToolbar.js';
export { ViewerArea, type ViewerAreaProps, type PopoverRequest } from './ViewerArea.js';
export { useTaskPixels, type TaskPixels } from './use-task-pixels.js';
export { useNextPrefetch, type NextPrefetch } from './use-next-prefetch.js';
export { chooseNextTask, nextTaskQueries } from './next-task-choice.js';
export { GlobalLabels } from './GlobalLabels.js';
export { BoxList } from './BoxList.js';
export { ValidationList } from './ValidationList.js';
export { TaskInfo } from './TaskInfo.js';
export { SkipDialog } from './SkipDialog.js';

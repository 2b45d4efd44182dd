// The reading view's ReadingActions (what the shortcuts, the toolbar and the panel do), built from the
// editor, the view and the session. Reads the latest state through refs, so the object can be stable.
import { useMemo, useRef } from 'react';
import type { LeftTool } from '../viewer/index.js';
import type { UseEditor } from '../tools/index.js';
import type { ProjectLabels } from './project-labels.js';
import type { ReadingActions } from './reading-commands.js';
import type { ReadingView } from './use-reading-view.js';
import { toast } from './toast-store.js';

export interface ReadingUi {
  setTool(tool: LeftTool): void;
  holdPan(on: boolean): void;
  helpOpen: boolean;
  setHelpOpen(open: boolean | ((o: boolean) => boolean)): void;
  togglePanel(): void;
  setPanelOpen(open: boolean): void;
  relabelKey: string | null;
  setRelabelKey(key: string | null): void;
}

export interface ReadingDeps {
  editor: UseEditor;
  view: ReadingView;
  labels: ProjectLabels;
  ui: ReadingUi;
  readOnly: boolean;
  /** What blocks submission now (messages). */
  blocking: readonly string[];
  submit(): void;
  saveNow(): void;
}

/** Deletes every box (one editor step per box: the editor has no bulk delete). */
export function deleteAllBoxes(editor: UseEditor): void {
  for (const box of [...editor.getState().doc.boxes]) {
    editor.dispatch({ type: 'select', key: box.key });
    editor.dispatch({ type: 'deleteSelected' });
  }
}

export function useReadingActions(deps: ReadingDeps): ReadingActions {
  const ref = useRef(deps);
  ref.current = deps;
  return useMemo<ReadingActions>(() => {
    const d = () => ref.current;
    const ed = () => ref.current.editor.getState();
    const dispatch: UseEditor['dispatch'] = (a) => ref.current.editor.dispatch(a);
    const editable = () => !d().readOnly;
    return {
      hasSelection: () => ed().selected !== null,
      hasBoxes: () => ed().doc.boxes.length > 0,
      setTool: (tool) => d().ui.setTool(tool === 'annotate' && d().readOnly ? 'pan' : tool),
      holdPan: (on) => d().ui.holdPan(on),
      fit: () => d().view.fit(),
      actualSize: () => d().view.actualSize(),
      zoomBy: (f) => d().view.zoomBy(f),
      resetView: () => d().view.resetView(),
      toggleInvert: () => d().view.toggleInvert(),
      cyclePreset: (step) => d().view.cyclePreset(step),
      applyPreset: (i) => d().view.applyPreset(i),
      toggleBoxesHidden: () => dispatch({ type: 'toggleHidden' }),
      deleteSelected: () => editable() && dispatch({ type: 'deleteSelected' }),
      duplicateSelected: () => editable() && dispatch({ type: 'duplicateSelected' }),
      undo: () => editable() && dispatch({ type: 'undo' }),
      redo: () => editable() && dispatch({ type: 'redo' }),
      nudge: (dx, dy) => {
        const scale = d().view.view.viewport.scale;
        const k = scale > 0 ? 1 / scale : 1;
        if (editable()) dispatch({ type: 'nudgeSelected', dx: dx * k, dy: dy * k });
      },
      selectNext: (step) => {
        const { boxes } = ed().doc;
        if (boxes.length === 0) return;
        const at = boxes.findIndex((b) => b.key === ed().selected);
        const next = at < 0 ? (step > 0 ? 0 : boxes.length - 1) : (at + step + boxes.length) % boxes.length;
        dispatch({ type: 'select', key: boxes[next]!.key });
      },
      relabel: () => {
        const key = ed().selected;
        if (key !== null && editable()) d().ui.setRelabelKey(key);
      },
      toggleGlobalAt: (i) => {
        const label = d().labels.global[i];
        if (label !== undefined && editable()) dispatch({ type: 'toggleGlobal', label: label.name, exclusive: d().labels.exclusive });
      },
      toggleNoFinding: () => {
        const nf = d().labels.noFinding;
        if (nf !== undefined && editable()) dispatch({ type: 'toggleGlobal', label: nf, exclusive: d().labels.exclusive });
      },
      focusGlobals: () => {
        d().ui.setPanelOpen(true);
        requestAnimationFrame(() => document.querySelector<HTMLInputElement>('#global-labels input')?.focus());
      },
      submit: () => {
        const blocking = d().blocking;
        if (blocking.length > 0) {
          toast.error(`Not submitted: ${blocking[0]}${blocking.length > 1 ? ` (and ${blocking.length - 1} more)` : ''}`);
          d().ui.setPanelOpen(true);
          return;
        }
        d().submit();
      },
      saveNow: () => d().saveNow(),
      escape: () => {
        const { ui } = d();
        if (ui.helpOpen) return ui.setHelpOpen(false);
        if (ui.relabelKey !== null) return ui.setRelabelKey(null);
        dispatch({ type: 'cancel' });
      },
      toggleHelp: () => d().ui.setHelpOpen((o) => !o),
      togglePanel: () => d().ui.togglePanel(),
    };
  }, []);
}

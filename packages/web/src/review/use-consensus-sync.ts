// Keeps the editor's consensus and the server's in step: edits are saved with PUT .../consensus, debounced,
// from the version of the last answer; copies, approvals and withdrawals go through the server; the review
// view is polled so that the other reviewer's approvals and edits show. A change the server refused
// (409: someone changed it first) is never dropped: the server's consensus is shown and the change stays
// as a notice that the reviewer can re-apply or dismiss (save-failure.ts decides; this hook carries out).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReviewView } from '@cxrlab/server/api-types';
import type { RuleViolation } from '../api/api-error.js';
import { isApiError } from '../api/api-error.js';
import { showToast, type ToastKind } from '../reading/toast-store.js';
import { editorReducer } from '../tools/editor.js';
import type { AnnotationDoc, BoxInput, EditorAction, EditorState } from '../tools/editor-types.js';
import { contentOf, describeContent, sameBox, sameContent, type Content } from './consensus-content.js';
import { copyPlan, nothingToCopy } from './copy-plan.js';
import { approvalNews } from './panel-status.js';
import { reviewApi, type CopyRequest } from './review-api.js';
import { classifyFailure, notSavedMessage, pollDecision, type Failure } from './save-failure.js';

export const SAVE_DELAY_MS = 600;
export const POLL_MS = 5000;
const RETRY_MS = 3000;

export type SaveStatus = 'saved' | 'pending' | 'saving' | 'offline' | 'error';

export interface Notice {
  /** "Your change was not saved: another reviewer changed it first (now version 5)." */
  message: string;
  /** What the reviewer had made (shown, and re-applied on request). */
  pending?: Content;
  /** The consensus as it is now on the server (to compare with). */
  current?: Content;
}

export interface ConsensusSync {
  view: ReviewView;
  /** The version the editor's content is based on. */
  version: number;
  final: boolean;
  saveStatus: SaveStatus;
  /** The error of the last failed save (status 'error' or 'offline'). */
  saveError: string | null;
  /** The editor has changes the server does not have yet. */
  unsaved: boolean;
  /** Why the consensus cannot be changed here (not the caller's task...); null when it can. */
  readOnly: string | null;
  notice: Notice | null;
  /** The violations the server answered an approval with (422), until the next edit. */
  approvalRefused: { message: string; violations: RuleViolation[] } | null;
  /** A copy, approval or withdrawal is on its way. */
  busy: boolean;
  reapply(): void;
  dismissNotice(): void;
  saveNow(): Promise<boolean>;
  copy(request: CopyRequest): Promise<void>;
  approve(): Promise<boolean>;
  withdraw(): Promise<void>;
  refresh(): Promise<void>;
}

interface Base {
  version: number;
  status: string;
  /** The server's content as the editor holds it (boxes clamped and ordered by the editor's load). */
  content: Content;
}

const WHO = 'another reviewer';

/** What the editor makes of `content` when loading it (clamped to the image): compare with this, not the raw server content. */
function asLoaded(content: Content, imageWidth: number, imageHeight: number, state: EditorState): Content {
  return contentOf(editorReducer(state, { type: 'load', doc: content, imageWidth, imageHeight }).doc);
}

export function useConsensusSync(options: {
  taskId: number;
  initial: ReviewView;
  /** The editor: its live state and dispatch (stable), and its committed document (the autosave watches it). */
  editor: { getState(): EditorState; dispatch(action: EditorAction): void };
  doc: AnnotationDoc;
  /** False when the caller is not a reviewer of the project (a manager looking): read-only. */
  canAct: boolean;
}): ConsensusSync {
  const { taskId, initial, editor } = options;
  const { width, height } = initial.image;
  const [view, setView] = useState(initial);
  const [saveStatus, setSaveStatus] = useState<SaveStatus>('saved');
  const [saveError, setSaveError] = useState<string | null>(null);
  const [readOnly, setReadOnly] = useState<string | null>(options.canAct ? null : 'You are not on this image’s review panel: you can look, not change.');
  const [notice, setNotice] = useState<Notice | null>(null);
  const [approvalRefused, setApprovalRefused] = useState<ConsensusSync['approvalRefused']>(null);
  const [busy, setBusy] = useState(false);
  const [version, setVersion] = useState(initial.consensus.version);

  const stateRef = { get current() { return editor.getState(); } };
  const dispatchRef = useRef(editor.dispatch);
  dispatchRef.current = editor.dispatch;
  const viewRef = useRef(initial);
  const baseRef = useRef<Base>({ version: initial.consensus.version, status: initial.consensus.status, content: contentOf(initial.consensus) });
  const readOnlyRef = useRef(readOnly);
  readOnlyRef.current = readOnly;
  /** A change (save, copy, approval, withdrawal) is on its way: polls do not touch the editor meanwhile. */
  const inFlight = useRef<Promise<unknown> | null>(null);
  /** Bumped whenever a local change starts or ends: a poll answer from before is ignored. */
  const epoch = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const alive = useRef(true);

  const toast = useCallback((text: string, kind: ToastKind = 'info') => void showToast(kind, text), []);

  const setBase = (base: Base) => {
    baseRef.current = base;
    setVersion(base.version);
  };

  const local = () => contentOf(stateRef.current.doc);
  const dirty = () => !sameContent(local(), baseRef.current.content);

  /** Shows the server's consensus in the editor (a new document: undo starts again). */
  const adopt = useCallback((v: ReviewView) => {
    const content = contentOf(v.consensus);
    setBase({ version: v.consensus.version, status: v.consensus.status, content: asLoaded(content, width, height, stateRef.current) });
    dispatchRef.current({ type: 'load', doc: content, imageWidth: width, imageHeight: height });
  }, [width, height]);

  const showView = useCallback((v: ReviewView, quiet: boolean) => {
    if (!quiet) for (const line of approvalNews(viewRef.current, v)) toast(line, /withdrawn|withdrew/.test(line) ? 'warning' : line.startsWith('The consensus is final') ? 'ok' : 'info');
    viewRef.current = v;
    setView(v);
  }, [toast]);

  /** Runs a local change: polls keep off the editor until it is done. */
  const exclusive = async <T,>(work: () => Promise<T>): Promise<T> => {
    while (inFlight.current !== null) await inFlight.current.catch(() => undefined);
    epoch.current++;
    const run = work();
    inFlight.current = run;
    try {
      return await run;
    } finally {
      inFlight.current = null;
      epoch.current++;
    }
  };

  /** Loads the review view after a refused change and shows the server's consensus. */
  const reload = useCallback(async () => {
    const v = await reviewApi.view(taskId);
    showView(v, false);
    adopt(v);
    return v;
  }, [taskId, showView, adopt]);

  /** Carries out a failure's decision; the content the server did not take is kept as a notice. */
  const failed = useCallback(async (failure: Failure, pending: Content | undefined, what: string) => {
    switch (failure.kind) {
      case 'conflict':
      case 'final': {
        const v = await reload().catch(() => undefined);
        const current = v !== undefined ? contentOf(v.consensus) : undefined;
        const message = pending !== undefined ? notSavedMessage(failure, WHO) : `${what} was not done: ${failure.kind === 'final' ? 'the consensus became final meanwhile' : `${WHO} changed the consensus first`}. Look again and retry.`;
        // An unsaved change that equals what the server now has is not lost: no notice needed.
        if (pending !== undefined && current !== undefined && sameContent(pending, asLoaded(current, width, height, stateRef.current))) return;
        setNotice({ message, ...(pending !== undefined && failure.kind === 'conflict' ? { pending } : {}), ...(current !== undefined ? { current } : {}) });
        setSaveStatus('saved');
        setSaveError(null);
        return;
      }
      case 'readonly':
        setReadOnly(`You cannot change this consensus: ${failure.message}.`);
        if (pending !== undefined) setNotice({ message: notSavedMessage(failure, WHO), pending });
        return;
      case 'offline':
        setSaveStatus('offline');
        setSaveError(failure.message);
        return;
      case 'rules':
      case 'refused':
        setSaveStatus('error');
        setSaveError(failure.message);
        toast(`${what} failed: ${failure.message}`, 'error');
        return;
    }
  }, [reload, toast, width, height]);

  const save = useCallback(async (): Promise<boolean> => {
    clearTimeout(timer.current);
    timer.current = undefined;
    if (readOnlyRef.current !== null || baseRef.current.status === 'final') return !dirty();
    let offline = false;
    const ok = await exclusive(async () => {
      if (!dirty()) return true;
      const content = local();
      setSaveStatus('saving');
      try {
        const answer = await reviewApi.save(taskId, baseRef.current.version, content);
        setBase({ version: answer.version, status: 'open', content });
        setSaveError(null);
        setApprovalRefused(null);
        if (answer.withdrawn > 0) toast(`Your edit withdrew ${answer.withdrawn === 1 ? 'an approval' : `${answer.withdrawn} approvals`}: the panel approves again.`, 'warning');
        return true;
      } catch (error) {
        const failure = classifyFailure(error);
        offline = failure.kind === 'offline';
        // The latest content (the reviewer may have gone on editing while this save was on its way).
        await failed(failure, local(), 'Saving');
        return false;
      }
    });
    if (!alive.current) return ok;
    if (ok) {
      if (dirty()) {
        setSaveStatus('pending');
        timer.current = setTimeout(() => void save(), SAVE_DELAY_MS);
      } else setSaveStatus('saved');
      void refreshQuiet();
    } else if (offline) timer.current = setTimeout(() => void save(), RETRY_MS);
    return ok && !dirty();
  }, [taskId, failed, toast]);

  const poll = useCallback(async (quiet: boolean) => {
    const started = epoch.current;
    let v: ReviewView;
    try {
      v = await reviewApi.view(taskId);
    } catch (error) {
      if (isApiError(error, 'ERR_NOT_FOUND')) setReadOnly('This review task is no longer yours (it was re-assigned).');
      return;
    }
    if (!alive.current || started !== epoch.current) return;
    const base = baseRef.current;
    const decision = pollDecision({ version: base.version, status: base.status, dirty: dirty(), inFlight: inFlight.current !== null }, v.consensus);
    showView(v, quiet);
    if (decision === 'adopt') {
      if (v.consensus.version > base.version) toast(`${WHO[0]!.toUpperCase()}${WHO.slice(1)} changed the consensus (now version ${v.consensus.version}).`, 'info');
      adopt(v);
    } else if (decision === 'behind') void save();
  }, [taskId, showView, adopt, toast, save]);

  const refreshQuiet = () => poll(true);
  const refresh = useCallback(() => poll(false), [poll]);

  // Autosave: every change of the editor's document, SAVE_DELAY_MS after the last one.
  const doc = options.doc;
  useEffect(() => {
    if (readOnlyRef.current !== null || baseRef.current.status === 'final') return;
    if (!dirty()) {
      if (inFlight.current === null && timer.current !== undefined) {
        clearTimeout(timer.current);
        timer.current = undefined;
        setSaveStatus('saved');
      }
      return;
    }
    setApprovalRefused(null);
    setSaveStatus((s) => (s === 'saving' ? s : 'pending'));
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), SAVE_DELAY_MS);
  }, [doc, save]);

  // The first view into the editor; polling; a last save when leaving.
  useEffect(() => {
    alive.current = true;
    adopt(initial);
    void poll(true);
    const interval = setInterval(() => {
      if (document.visibilityState === 'visible') void poll(false);
    }, POLL_MS);
    const onFocus = () => void poll(false);
    window.addEventListener('focus', onFocus);
    return () => {
      alive.current = false;
      clearInterval(interval);
      window.removeEventListener('focus', onFocus);
      if (timer.current !== undefined) {
        clearTimeout(timer.current);
        // Leaving with an edit not yet sent: send it (keepalive lets it finish after the page goes).
        if (dirty() && readOnlyRef.current === null) void reviewApi.save(taskId, baseRef.current.version, local(), true).catch(() => undefined);
      }
    };
  }, [taskId]);

  const copy = useCallback(async (request: CopyRequest) => {
    const read = viewRef.current.reads.find((r) => r.reader === request.from);
    if (read === undefined) return;
    const plan = copyPlan(local(), contentOf(read), request);
    if (plan.boxes === 0 && plan.globals === 0) {
      toast(nothingToCopy(request.from, contentOf(read), request), 'info');
      return;
    }
    if (!(await save())) return;
    setBusy(true);
    try {
      await exclusive(async () => {
        try {
          const answer = await reviewApi.copy(taskId, baseRef.current.version, request);
          const v = await reviewApi.view(taskId);
          showView(v, true);
          applyCopy(v, answer.version);
          const what = request.boxIndex !== undefined ? `box ${request.boxIndex + 1} of ${request.from}` : `${request.from}'s ${request.globals === true ? 'read' : 'boxes'}`;
          const n = answer.copied.boxes;
          toast(n === 0 && answer.copied.globals === 0 ? `Nothing to copy: ${what} ${request.boxIndex !== undefined ? 'is' : 'are'} already in the consensus.` : `Copied ${what}: ${n} box${n === 1 ? '' : 'es'}${answer.copied.globals > 0 ? `, ${answer.copied.globals} global label${answer.copied.globals === 1 ? '' : 's'}` : ''}.`, 'ok');
          if (answer.withdrawn > 0) toast(`The copy withdrew ${answer.withdrawn === 1 ? 'an approval' : `${answer.withdrawn} approvals`}.`, 'warning');
        } catch (error) {
          await failed(classifyFailure(error), undefined, `Copying from ${request.from}`);
        }
      });
    } finally {
      setBusy(false);
    }
  }, [taskId, save, showView, failed, toast]);

  /** After a copy: add what the server added as one undoable step, else show the server's consensus. */
  const applyCopy = (v: ReviewView, newVersion: number) => {
    const server = contentOf(v.consensus);
    const mine = local();
    const state = stateRef.current;
    const prefix = v.consensus.version === newVersion && server.boxes.length >= mine.boxes.length && mine.boxes.every((b, i) => sameBox(b, server.boxes[i]!));
    if (!prefix) {
      adopt(v);
      return;
    }
    const actions: EditorAction[] = [];
    const added: BoxInput[] = server.boxes.slice(mine.boxes.length);
    if (added.length > 0) actions.push({ type: 'addBoxes', boxes: added });
    if (!sameContent({ globals: server.globals, boxes: [] }, { globals: mine.globals, boxes: [] })) actions.push({ type: 'setGlobals', globals: server.globals });
    const after = actions.reduce(editorReducer, state);
    setBase({ version: v.consensus.version, status: v.consensus.status, content: contentOf(after.doc) });
    for (const action of actions) dispatchRef.current(action);
  };

  const approve = useCallback(async (): Promise<boolean> => {
    if (!(await save())) {
      toast('Not approved: your last edit is not saved yet.', 'error');
      return false;
    }
    setBusy(true);
    try {
      return await exclusive(async () => {
        const at = baseRef.current.version;
        try {
          const answer = await reviewApi.approve(taskId, at);
          setApprovalRefused(null);
          toast(answer.final ? `Approved version ${at}: the consensus is final.` : `Approved version ${at}.`, 'ok');
          const v = await reviewApi.view(taskId).catch(() => undefined);
          if (v !== undefined) {
            showView(v, true);
            if (v.consensus.status !== baseRef.current.status && v.consensus.version === at) setBase({ ...baseRef.current, status: v.consensus.status });
          }
          return true;
        } catch (error) {
          const failure = classifyFailure(error);
          if (failure.kind === 'rules' && isApiError(error)) {
            setApprovalRefused({ message: error.message, violations: error.details.violations ?? [] });
            return false;
          }
          await failed(failure, undefined, `Your approval of version ${at}`);
          return false;
        }
      });
    } finally {
      setBusy(false);
    }
  }, [taskId, save, showView, failed, toast]);

  const withdraw = useCallback(async () => {
    setBusy(true);
    try {
      await exclusive(async () => {
        try {
          const answer = await reviewApi.withdraw(taskId);
          toast(answer.withdrawn ? 'Your approval is withdrawn.' : 'You had no approval to withdraw.', 'info');
          showView(await reviewApi.view(taskId), true);
        } catch (error) {
          await failed(classifyFailure(error), undefined, 'Withdrawing your approval');
        }
      });
    } finally {
      setBusy(false);
    }
  }, [taskId, showView, failed, toast]);

  const reapply = useCallback(() => {
    const pending = notice?.pending;
    setNotice(null);
    if (pending === undefined) return;
    // The reviewer's content over the server's current version: the autosave sends it.
    dispatchRef.current({ type: 'load', doc: pending, imageWidth: width, imageHeight: height });
  }, [notice, width, height]);

  return {
    view,
    version,
    final: view.consensus.status === 'final',
    saveStatus,
    saveError,
    unsaved: saveStatus === 'pending' || saveStatus === 'saving' || saveStatus === 'offline' || saveStatus === 'error',
    readOnly,
    notice,
    approvalRefused,
    busy,
    reapply,
    dismissNotice: () => setNotice(null),
    saveNow: save,
    copy,
    approve,
    withdraw,
    refresh,
  };
}

/** The notice's comparison line: what you had vs what the server has. */
export const noticeDetail = (notice: Notice): string[] => [
  ...(notice.pending !== undefined ? [`Your change: ${describeContent(notice.pending)}`] : []),
  ...(notice.current !== undefined ? [`Now saved: ${describeContent(notice.current)}`] : []),
];

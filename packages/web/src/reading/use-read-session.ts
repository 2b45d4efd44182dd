// One task's read on this device and on the server: opens the task with the right read (the server's, or
// a draft this device never got acknowledged), keeps every change locally and autosaves it, and handles
// the server saying no (another tab saved: its version is loaded and ours kept downloadable; the task was
// closed: read-only). Submit and skip live in use-submit-read.ts and use this session's saver.
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { TaskView } from '@cxrlab/server/api-types';
import { api, seg } from '../api/client.js';
import { isApiError } from '../api/api-error.js';
import { docToRead, type UseEditor } from '../tools/index.js';
import { Autosaver, type SaveBody, type SaveStatus } from './autosaver.js';
import { decideDraft, keepConflictCopy, readConflictCopy, readDraft, pruneDrafts, removeConflictCopy, type DraftRecord, type DraftStorage } from './draft-store.js';
import { toast } from './toast-store.js';
import type { ReadingClockHandle } from './use-reading-clock.js';

const OPEN = new Set(['pending', 'in_progress']);
const DRAFT_MAX_AGE_MS = 30 * 24 * 3600 * 1000;

/** localStorage, or undefined where the browser refuses it (then only the server keeps the read). */
export function browserStorage(): DraftStorage | undefined {
  try {
    const s = window.localStorage;
    s.getItem('cxrlab.probe');
    return s;
  } catch {
    return undefined;
  }
}

export const isNetworkError = (e: unknown): boolean =>
  isApiError(e) && (e.code === 'ERR_NETWORK' || e.status === 0 || e.status === 429 || e.status >= 500);

export interface ReadSession {
  /** Why the read cannot be changed, or null when it can. */
  readOnly: string | null;
  saveStatus: SaveStatus;
  /** A local read the server's version replaced (downloadable), or null. */
  conflictCopy: DraftRecord | null;
  dismissConflict(): void;
  /** The saver of the open task (undefined when read-only). */
  saver(): Autosaver | undefined;
  /** Saves now (Ctrl+S). */
  saveNow(): void;
  /** Loads the server's read of the task again (after a conflict). */
  reloadFromServer(reason: 'conflict' | 'closed'): Promise<void>;
  /** The task was closed elsewhere: read-only from now on. */
  markClosed(message: string): void;
}

export function useReadSession(view: TaskView, editor: UseEditor, clock: ReadingClockHandle): ReadSession {
  const storage = useRef<DraftStorage | undefined>(undefined);
  if (storage.current === undefined) storage.current = browserStorage();
  const [readOnly, setReadOnly] = useState<string | null>(null);
  const [saveStatus, setSaveStatus] = useState<SaveStatus>({ kind: 'saved' });
  const [conflictCopy, setConflictCopy] = useState<DraftRecord | null>(null);
  const saverRef = useRef<Autosaver | undefined>(undefined);
  /** The editor generation loaded for this task: changes of other generations are loads, not edits. */
  const loadedGeneration = useRef(-1);
  const taskId = view.task.id;

  const load = useCallback(
    (doc: { globals: readonly string[]; boxes: readonly SaveBody['boxes'][number][] }) => {
      editor.dispatch({ type: 'load', doc, imageWidth: view.image.width, imageHeight: view.image.height });
      loadedGeneration.current = editor.getState().generation;
    },
    [editor, view.image.width, view.image.height],
  );

  const reloadRef = useRef<(reason: 'conflict' | 'closed') => Promise<void>>(async () => undefined);

  // Opening the task: which read, then a saver for it.
  useLayoutEffect(() => {
    const s = storage.current;
    if (s !== undefined) pruneDrafts(s, Date.now(), DRAFT_MAX_AGE_MS);
    const open = OPEN.has(view.task.status);
    const serverDoc = view.annotation ?? { globals: [], boxes: [] };
    const draft = s === undefined ? undefined : readDraft(s, taskId);
    const decision = decideDraft(draft, { version: view.task.version, open, doc: serverDoc });
    const restore = decision.action === 'restore';
    const doc = restore ? decision.draft.doc : serverDoc;
    load(doc);
    clock.restart(Math.max(view.task.readingMs, restore ? decision.draft.readingMs : 0));
    setConflictCopy(decision.action === 'conflict' ? decision.draft : s === undefined ? null : (readConflictCopy(s, taskId) ?? null));
    if (decision.action === 'conflict') {
      if (s !== undefined) keepConflictCopy(s, decision.draft);
      toast.warning('This read was changed elsewhere (another tab or device) after the last changes made here: the server’s version is shown; yours can be downloaded from the banner.');
    }
    if (restore) toast.info('Unsaved changes from this device were restored and are being saved.');
    setReadOnly(open ? null : `This task is ${view.task.status === 'in_progress' ? 'in progress' : view.task.status.replace('_', ' ')}: the read is shown read-only.`);
    setSaveStatus(open ? { kind: restore ? 'saving' : 'saved' } : { kind: 'stopped' });
    if (!open) {
      saverRef.current = undefined;
      return;
    }
    const saver = new Autosaver(
      taskId,
      view.task.version,
      doc,
      {
        storage: s,
        put: (id, body, keepalive) => api.put<{ version: number }>(`/api/tasks/${seg(id)}/annotation`, body, { keepalive }),
        readingMs: clock.elapsed,
        onStatus: setSaveStatus,
        onStop: (error) => {
          if (isApiError(error, 'ERR_VERSION_CONFLICT')) void reloadRef.current('conflict');
          else if (isApiError(error, 'ERR_CONFLICT') || isApiError(error, 'ERR_NOT_FOUND') || isApiError(error, 'ERR_FORBIDDEN')) void reloadRef.current('closed');
        },
        onError: (error) => toast.error(`The draft was not saved: ${(error as Error).message}. It is kept on this device.`),
        retryable: isNetworkError,
        fatal: (e) => isApiError(e) && (e.status === 409 || e.status === 404 || e.status === 403),
      },
      restore,
    );
    saverRef.current = saver;
    return () => {
      // Unsaved changes stay on this device (restored when the task opens again).
      saver.persist();
      saver.stop();
      if (saverRef.current === saver) saverRef.current = undefined;
    };
    // The task (id and version as loaded) decides; `view` objects of the same load are equal.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [taskId, view]);

  // Every edit: to this device at once, to the server after the pause.
  const doc = editor.state.doc;
  const generation = editor.state.generation;
  useEffect(() => {
    if (generation !== loadedGeneration.current || editor.state.revision === 0) return;
    saverRef.current?.change(docToRead(doc));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [doc, generation]);

  // Leaving the page or the tab: save with keepalive.
  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') void saverRef.current?.flush().catch(() => undefined);
    };
    const onPageHide = () => saverRef.current?.unload();
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onPageHide);
    };
  }, []);

  const markClosed = useCallback((message: string) => {
    saverRef.current?.stop();
    setReadOnly(message);
    setSaveStatus({ kind: 'stopped' });
  }, []);

  const reloadFromServer = useCallback(
    async (reason: 'conflict' | 'closed') => {
      const s = storage.current;
      const saver = saverRef.current;
      const local: DraftRecord = {
        taskId,
        doc: docToRead(editor.getState().doc),
        baseVersion: saver?.version ?? view.task.version,
        pending: true,
        readingMs: clock.elapsed(),
        savedAt: Date.now(),
      };
      saver?.stop();
      let fresh: TaskView;
      try {
        fresh = await api.get<TaskView>(`/api/tasks/${seg(taskId)}`);
      } catch (error) {
        toast.error(`The task could not be loaded again: ${(error as Error).message}`);
        return;
      }
      const serverDoc = fresh.annotation ?? { globals: [], boxes: [] };
      if (s !== undefined) keepConflictCopy(s, local);
      setConflictCopy(local);
      load(serverDoc);
      if (!OPEN.has(fresh.task.status)) {
        markClosed(`This task was ${fresh.task.status === 'submitted' ? 'submitted' : fresh.task.status} elsewhere: the read is shown read-only.`);
        toast.warning('This task was closed elsewhere (another tab or device). Your last changes can be downloaded from the banner.');
        return;
      }
      if (reason === 'closed') {
        markClosed('This task can no longer be changed.');
        return;
      }
      saver?.reset(fresh.task.version, serverDoc);
    },
    [taskId, editor, view.task.version, clock, load, markClosed],
  );
  reloadRef.current = reloadFromServer;

  const saveNow = useCallback(() => {
    const saver = saverRef.current;
    if (saver === undefined) return;
    saver.flush().then(
      () => toast.ok('Saved'),
      (error: unknown) => {
        if (isNetworkError(error)) toast.warning('Offline: the read is kept on this device and will be saved when the server is back.');
      },
    );
  }, []);

  return {
    readOnly,
    saveStatus,
    conflictCopy,
    dismissConflict: () => {
      setConflictCopy(null);
      if (storage.current !== undefined) removeConflictCopy(storage.current, taskId);
    },
    saver: () => saverRef.current,
    saveNow,
    reloadFromServer,
    markClosed,
  };
}

// Submit (flush the draft, POST .../submit, then the answer's next task at once), skip (with a reason) and
// "next task" for a read-only task. Each sets the `cxr:next-task` mark the benchmark measures from.
import { useCallback, useState } from 'react';
import type { NextTask, SubmitAnswer, TaskView } from '@cxrlab/server/api-types';
import { api, seg } from '../api/client.js';
import { isApiError, type RuleViolation } from '../api/api-error.js';
import { clearDraft } from './draft-store.js';
import { toast, toastError } from './toast-store.js';
import { browserStorage, isNetworkError, type ReadSession } from './use-read-session.js';

export const NEXT_TASK_MARK = 'cxr:next-task';

export const markNextTask = (): void => {
  performance.mark(NEXT_TASK_MARK);
};

export interface SubmitRead {
  submitting: boolean;
  /** The server's violations of the last refused submit (cleared by the next change). */
  serverViolations: RuleViolation[] | null;
  clearServerViolations(): void;
  submit(): Promise<void>;
  skip(reason: string): Promise<boolean>;
  /** Opens the next task without submitting (read-only tasks). */
  next(): Promise<void>;
}

export function useSubmitRead(projectKey: string, view: TaskView, session: ReadSession, readingMs: () => number, onNext: (next: TaskView | null) => void): SubmitRead {
  const [submitting, setSubmitting] = useState(false);
  const [serverViolations, setServerViolations] = useState<RuleViolation[] | null>(null);
  const taskId = view.task.id;

  const closed = useCallback(
    (error: unknown): boolean => {
      if (isApiError(error, 'ERR_VERSION_CONFLICT')) {
        void session.reloadFromServer('conflict');
        return true;
      }
      if (isApiError(error, 'ERR_CONFLICT')) {
        void session.reloadFromServer('closed');
        return true;
      }
      return false;
    },
    [session],
  );

  const submit = useCallback(async () => {
    const saver = session.saver();
    if (saver === undefined || submitting) return;
    setSubmitting(true);
    try {
      const version = await saver.flush();
      const answer = await api.post<SubmitAnswer>(`/api/tasks/${seg(taskId)}/submit`, { version, readingMs: readingMs() });
      saver.stop();
      const storage = browserStorage();
      if (storage !== undefined) clearDraft(storage, taskId);
      markNextTask();
      setServerViolations(null);
      onNext(answer.next);
    } catch (error) {
      if (isApiError(error, 'ERR_RULES')) {
        setServerViolations(error.details.violations ?? []);
        toast.error(error.message);
      } else if (closed(error)) {
        // handled: reloaded or read-only
      } else if (isNetworkError(error)) {
        toast.warning('Offline: the read is kept on this device. Submit again when the server can be reached.');
      } else {
        toastError(error, 'Submit failed');
      }
    } finally {
      setSubmitting(false);
    }
  }, [session, submitting, taskId, readingMs, onNext]);

  const skip = useCallback(
    async (reason: string): Promise<boolean> => {
      const saver = session.saver();
      try {
        const answer = await api.post<{ next: TaskView | null; replaced: boolean }>(`/api/tasks/${seg(taskId)}/skip`, { reason });
        saver?.stop();
        const storage = browserStorage();
        if (storage !== undefined) clearDraft(storage, taskId);
        toast.info(answer.replaced ? 'Skipped: another reader will read this image.' : 'Skipped.');
        markNextTask();
        onNext(answer.next);
        return true;
      } catch (error) {
        if (!closed(error)) toastError(error, 'Skip failed');
        return false;
      }
    },
    [session, taskId, onNext, closed],
  );

  const next = useCallback(async () => {
    markNextTask();
    try {
      const answer = await api.get<NextTask>(`/api/projects/${seg(projectKey)}/tasks/next?kind=annotate`);
      onNext(answer.task === null ? null : (answer as TaskView));
    } catch (error) {
      toastError(error, 'The next task could not be opened');
    }
  }, [projectKey, onNext]);

  const clearServerViolations = useCallback(() => setServerViolations(null), []);
  return { submitting, serverViolations, clearServerViolations, submit, skip, next };
}

// /read/:key?task=ID — the reading view. Loads the project and the task (the given one, else the reader's
// next), keeps the URL on the task shown (replace, so a reload returns to it), and shows the workstation,
// or "No tasks left", or what went wrong.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { NextTask, TaskView } from '@cxrlab/server/api-types';
import { api, seg } from '../api/client.js';
import { isApiError } from '../api/api-error.js';
import { Link } from '../app/Link.js';
import { navigate, useTitle } from '../app/router.js';
import { ReadingWorkspace } from './ReadingWorkspace.js';
import { ToastHost } from './ToastHost.js';
import { useProject } from './use-project.js';
import { markNextTask } from './use-submit-read.js';
import './reading.css';

type TaskState = { status: 'loading' } | { status: 'none'; finished: boolean } | { status: 'error'; error: unknown } | { status: 'ready'; view: TaskView };

const readUrl = (key: string, taskId?: number) => `/read/${seg(key)}${taskId !== undefined ? `?task=${taskId}` : ''}`;

export function ReadingPage({ projectKey, taskId }: { projectKey: string; taskId?: number | undefined }) {
  useTitle(`Reading ${projectKey}`);
  const project = useProject(projectKey);
  const [task, setTask] = useState<TaskState>({ status: 'loading' });
  /** The task id shown, so that the URL update it causes does not load it again. */
  const shown = useRef<number | 'none' | undefined>(undefined);

  useEffect(() => {
    if (taskId !== undefined ? shown.current === taskId : shown.current === 'none') return;
    const controller = new AbortController();
    // Opening a task (the link from the worklist, a typed URL, the next one): the benchmark measures from here.
    markNextTask();
    setTask({ status: 'loading' });
    const url = taskId !== undefined ? `/api/tasks/${seg(taskId)}` : `/api/projects/${seg(projectKey)}/tasks/next?kind=annotate`;
    api.get<NextTask>(url, { signal: controller.signal }).then(
      (answer) => {
        if (answer.task === null) {
          shown.current = 'none';
          setTask({ status: 'none', finished: false });
          return;
        }
        const view = answer as TaskView;
        shown.current = view.task.id;
        setTask({ status: 'ready', view });
        if (taskId !== view.task.id) navigate(readUrl(view.project.key, view.task.id), { replace: true });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setTask({ status: 'error', error });
      },
    );
    return () => controller.abort();
  }, [projectKey, taskId]);

  const onNext = useCallback(
    (next: TaskView | null) => {
      if (next === null) {
        shown.current = 'none';
        setTask({ status: 'none', finished: true });
        navigate(readUrl(projectKey), { replace: true });
        return;
      }
      shown.current = next.task.id;
      setTask({ status: 'ready', view: next });
      navigate(readUrl(next.project.key, next.task.id), { replace: true });
    },
    [projectKey],
  );

  let body;
  if (project.status === 'error') body = <Problem error={project.error} what="The project" />;
  else if (task.status === 'error') body = <Problem error={task.error} what="The task" />;
  else if (task.status === 'none') body = <NoTasks projectKey={projectKey} finished={task.finished} />;
  else if (project.status === 'loading' || task.status === 'loading') body = <div className="reading-splash" role="status" aria-busy="true"><span className="spinner" aria-hidden="true" /> Opening the reading room…</div>;
  else if (task.view.task.kind !== 'annotate') body = <WrongKind projectKey={projectKey} taskId={task.view.task.id} />;
  else body = <ReadingWorkspace project={project.value} view={task.view} onNext={onNext} />;

  return (
    <main className="reading-page" aria-label={`Reading ${projectKey}`}>
      {body}
      <ToastHost />
    </main>
  );
}

function NoTasks({ projectKey, finished }: { projectKey: string; finished: boolean }) {
  useEffect(() => {
    if (finished) markNextTask();
  }, [finished]);
  return (
    <div className="reading-empty" data-testid="no-tasks">
      <h1>No tasks left</h1>
      <p className="muted">{finished ? 'That was your last image in this project. Thank you.' : `You have no image left to read in ${projectKey}.`}</p>
      <Link href="/" className="button primary">
        Back to the worklist
      </Link>
    </div>
  );
}

function WrongKind({ projectKey, taskId }: { projectKey: string; taskId: number }) {
  return (
    <div className="reading-empty">
      <h1>This is a review task</h1>
      <p className="muted">It opens in the review view.</p>
      <Link href={`/review/${seg(projectKey)}?task=${taskId}`} className="button primary">
        Open the review
      </Link>
    </div>
  );
}

function Problem({ error, what }: { error: unknown; what: string }) {
  const notFound = isApiError(error, 'ERR_NOT_FOUND');
  return (
    <div className="reading-empty" role="alert">
      <h1>{notFound ? `${what} was not found` : `${what} could not be loaded`}</h1>
      <p className="muted">{notFound ? 'It does not exist, or it is not yours to read.' : (error as Error).message}</p>
      <p>
        <Link href="/">Back to the worklist</Link>
        {!notFound && (
          <>
            {' · '}
            <a href={location.pathname + location.search}>Try again</a>
          </>
        )}
      </p>
    </div>
  );
}

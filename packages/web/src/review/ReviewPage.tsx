// The consensus review of one image (/review/KEY?task=ID): loads the review task (the given one, or the
// caller's next review task) and the project (labels and rules), then hands them to the workspace. The
// URL always names the task shown (replaced, not pushed). No review task left: a screen saying so.
import { useEffect, useState } from 'react';
import type { ProjectDetail, ReviewView } from '@cxrlab/server/api-types';
import { isApiError } from '../api/api-error.js';
import { Link } from '../app/Link.js';
import { navigate, useTitle } from '../app/router.js';
import { takePrefetched } from './next-review.js';
import { reviewApi } from './review-api.js';
import { reviewUrl } from './review-url.js';
import { ReviewWorkspace } from './ReviewWorkspace.js';
import './review.css';

type Loaded =
  | { phase: 'loading' }
  | { phase: 'none' }
  | { phase: 'error'; message: string }
  | { phase: 'ready'; taskId: number; view: ReviewView; project: ProjectDetail };

/** Projects by key: labels and rules do not change while reviewing. */
const projects = new Map<string, Promise<ProjectDetail>>();
const loadProject = (key: string): Promise<ProjectDetail> => {
  let p = projects.get(key);
  if (p === undefined) {
    p = reviewApi.project(key);
    projects.set(key, p);
    p.catch(() => projects.delete(key));
  }
  return p;
};

export function ReviewPage({ projectKey, taskId }: { projectKey: string; taskId: number | undefined }) {
  const [loaded, setLoaded] = useState<Loaded>({ phase: 'loading' });
  useTitle(loaded.phase === 'ready' ? `Review ${loaded.view.image.imageId.slice(0, 8)} · ${projectKey}` : `Review · ${projectKey}`);

  useEffect(() => {
    let live = true;
    const fail = (error: unknown) => {
      if (!live) return;
      const message = isApiError(error, 'ERR_NOT_FOUND')
        ? `There is no review task ${taskId ?? ''} of yours in ${projectKey}.`
        : error instanceof Error ? error.message : String(error);
      setLoaded({ phase: 'error', message });
    };
    if (taskId === undefined) {
      setLoaded({ phase: 'loading' });
      reviewApi.next(projectKey).then((next) => {
        if (!live) return;
        if (next.task === null) setLoaded({ phase: 'none' });
        else navigate(reviewUrl(projectKey, next.task.id), { replace: true });
      }, fail);
    } else {
      setLoaded((l) => (l.phase === 'ready' ? l : { phase: 'loading' }));
      Promise.all([takePrefetched(taskId) ?? reviewApi.view(taskId), loadProject(projectKey)]).then(([view, project]) => {
        if (live) setLoaded({ phase: 'ready', taskId, view, project });
      }, fail);
    }
    return () => {
      live = false;
    };
  }, [projectKey, taskId]);

  switch (loaded.phase) {
    case 'loading':
      return <main className="review-message" aria-busy="true"><p className="muted">Loading the review…</p></main>;
    case 'none':
      return (
        <main className="review-message">
          <h1>No review task left</h1>
          <p>Every image of {projectKey} assigned to you for review is done, or none is ready yet (an image needs all its reads first).</p>
          <p><Link href="/">Back to the worklist</Link></p>
        </main>
      );
    case 'error':
      return (
        <main className="review-message">
          <h1>The review could not be opened</h1>
          <p className="error">{loaded.message}</p>
          <p><Link href="/">Back to the worklist</Link></p>
        </main>
      );
    case 'ready':
      return <ReviewWorkspace key={loaded.taskId} projectKey={projectKey} taskId={loaded.taskId} initial={loaded.view} project={loaded.project} />;
  }
}

// While task k is read, the task the server will give next is looked up and its pixels fetched in the
// background, so that Submit shows the next image at once. Starts once the current image is on screen
// (so the two downloads do not compete), and again when the current task changes.
import { useEffect, useState } from 'react';
import type { TaskView, Worklist } from '@cxrlab/server/api-types';
import { api, seg } from '../api/client.js';
import { loadPixels, prefetchPixels, type PixelImage } from '../viewer/index.js';
import { chooseNextTask, nextTaskQueries } from './next-task-choice.js';

export interface NextPrefetch {
  /** The next task's view (its pixels prefetching), or null when none is left or not known yet. */
  view: TaskView | null;
  /** The reader's open tasks (pending and in progress, the current one included), when known. */
  open: number | undefined;
  /** The next task's pixels once decoded (for the viewer's `preload`). */
  pixels: PixelImage | null;
}

export function useNextPrefetch(projectKey: string, currentTaskId: number | undefined, ready: boolean): NextPrefetch {
  const [next, setNext] = useState<{ after: number; view: TaskView | null; open: number; pixels: PixelImage | null } | null>(null);
  useEffect(() => {
    if (!ready || currentTaskId === undefined) return;
    const controller = new AbortController();
    const { inProgress, pending } = nextTaskQueries(seg(projectKey));
    (async () => {
      const [a, b] = await Promise.all([
        api.get<Worklist>(inProgress, { signal: controller.signal }),
        api.get<Worklist>(pending, { signal: controller.signal }),
      ]);
      const open = b.counts.pending + b.counts.inProgress;
      const id = chooseNextTask(currentTaskId, a.tasks, b.tasks);
      if (id === undefined) return setNext({ after: currentTaskId, view: null, open, pixels: null });
      const view = await api.get<TaskView>(`/api/tasks/${seg(id)}`, { signal: controller.signal });
      prefetchPixels(view.image.id);
      setNext({ after: currentTaskId, view, open, pixels: null });
      const pixels = await loadPixels(view.image.id, controller.signal);
      setNext({ after: currentTaskId, view, open, pixels });
    })().catch(() => {
      // a prefetch is an optimisation: the submit's answer still names the next task
    });
    return () => controller.abort();
  }, [projectKey, currentTaskId, ready]);
  return next !== null && next.after === currentTaskId ? { view: next.view, open: next.open, pixels: next.pixels } : { view: null, open: undefined, pixels: null };
}

// Moving on to the next review task (pick-next-task.ts says which), with its review view and pixels
// loaded ahead so that it opens at once. Viewing a review task changes nothing on the server, so
// looking ahead is safe (GET .../tasks/next would start a task).
import type { ReviewView } from '@cxrlab/server/api-types';
import { prefetchPixels } from '../viewer/index.js';
import { nextCandidates, waitingOnOthers } from './pick-next-task.js';
import { reviewApi } from './review-api.js';

const views = new Map<number, Promise<ReviewView>>();

/** A task's review view, loaded once ahead of time (and its pixels with it). */
export function prefetchReview(taskId: number): Promise<ReviewView> {
  let view = views.get(taskId);
  if (view === undefined) {
    view = reviewApi.view(taskId);
    views.set(taskId, view);
    view.then((v) => prefetchPixels(v.image.id), () => views.delete(taskId));
  }
  return view;
}

/** The prefetched view of a task, left in place (for its image id), or undefined. */
export const peekPrefetched = (taskId: number): Promise<ReviewView> | undefined => views.get(taskId);

/** The prefetched view of a task, taken once (later loads go to the server again), or undefined. */
export function takePrefetched(taskId: number): Promise<ReviewView> | undefined {
  const view = views.get(taskId);
  views.delete(taskId);
  return view;
}

/** The next review task to open after `currentId` (its view and pixels prefetched), or undefined when none is left. */
export async function findNextReview(projectKey: string, currentId: number | undefined): Promise<number | undefined> {
  const [inProgress, pending] = await Promise.all([reviewApi.worklist(projectKey, 'in_progress'), reviewApi.worklist(projectKey, 'pending')]);
  const candidates = nextCandidates(inProgress.tasks, pending.tasks, currentId);
  for (const id of candidates.slice(0, 10)) {
    const view = await prefetchReview(id).catch(() => undefined);
    if (view !== undefined && !waitingOnOthers(view)) return id;
    views.delete(id);
  }
  return undefined;
}

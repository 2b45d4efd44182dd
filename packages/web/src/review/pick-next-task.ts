// Which review task comes next: the caller's tasks in progress first, then pending ones, by position,
// never the current one, and not one the caller already approved and only waits on the others for.
import type { ReviewView } from '@cxrlab/server/api-types';

export interface Listed {
  id: number;
  position: number;
}

/** The candidates in the order to try: in progress first, then pending, each by position. */
export function nextCandidates(inProgress: readonly Listed[], pending: readonly Listed[], currentId: number | undefined): number[] {
  const byPosition = (a: Listed, b: Listed) => a.position - b.position || a.id - b.id;
  const order = (list: readonly Listed[]) => [...list].filter((t) => t.id !== currentId).sort(byPosition).map((t) => t.id);
  return [...order(inProgress), ...order(pending)];
}

/** The caller approved the current version of an open consensus: nothing to do there but wait. */
export const waitingOnOthers = (view: Pick<ReviewView, 'approvals'> & { consensus: Pick<ReviewView['consensus'], 'status'> }): boolean =>
  view.consensus.status === 'open' && view.approvals.some((a) => a.mine && a.current);

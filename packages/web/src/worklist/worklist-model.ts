// What the worklist shows, as pure functions of the API's answers: which projects I work in, my
// progress in one, whether "Start reading" / "Start reviewing" can start (and why not), my tasks'
// links, and the paging of the task table.
import type { MyProgress, ProjectSummary, TaskKind, Worklist } from '@cxrlab/server/api-types';

type WorklistStatus = 'pending' | 'in_progress' | 'submitted' | 'skipped';
export type StatusFilter = WorklistStatus | 'all';

/** Reading in a project: annotators always, reviewers in consensus projects (the only ones with a review step). */
export const reads = (p: ProjectSummary): boolean => p.myRoles.includes('annotator');
export const reviews = (p: ProjectSummary): boolean => p.myRoles.includes('reviewer') && p.workflow === 'consensus';

/** The projects I read or review in, and those I only manage or own (shown as a pointer to the admin pages). */
export function groupProjects(projects: readonly ProjectSummary[]): { work: ProjectSummary[]; managedOnly: ProjectSummary[] } {
  const work = projects.filter((p) => reads(p) || reviews(p));
  const managedOnly = projects.filter((p) => !work.includes(p) && (p.manager || p.myRoles.length > 0));
  return { work, managedOnly };
}

export interface ProgressLine {
  what: 'reads' | 'reviews';
  done: number;
  total: number;
  remaining: number;
  percent: number;
  text: string;
}

const pct = (done: number, total: number) => (total > 0 ? Math.round((done / total) * 100) : 0);

/** My progress lines in a project: reads (annotators) and reviews (reviewers of consensus projects). */
export function progressLines(project: ProjectSummary, me: MyProgress): ProgressLine[] {
  const lines: ProgressLine[] = [];
  if (reads(project)) {
    const total = me.done + me.remaining;
    const skipped = me.skipped > 0 ? ` · ${me.skipped} skipped` : '';
    lines.push({ what: 'reads', done: me.done, total, remaining: me.remaining, percent: pct(me.done, total), text: `${me.done} of ${total} read · ${me.remaining} left${skipped}` });
  }
  if (reviews(project)) {
    const total = me.reviews.done + me.reviews.remaining;
    lines.push({ what: 'reviews', done: me.reviews.done, total, remaining: me.reviews.remaining, percent: pct(me.reviews.done, total), text: `${me.reviews.done} of ${total} reviewed · ${me.reviews.remaining} open` });
  }
  return lines;
}

export interface StartAction {
  kind: TaskKind;
  label: string;
  href: string;
  /** Why the button is disabled; undefined when it can start. */
  disabledReason?: string;
}

const readPath = (key: string) => `/read/${encodeURIComponent(key)}`;
const reviewPath = (key: string) => `/review/${encodeURIComponent(key)}`;

/** The start buttons of a project, disabled with a reason when nothing is left (or progress is not known yet). */
export function startActions(project: ProjectSummary, me: MyProgress | undefined): StartAction[] {
  const actions: StartAction[] = [];
  if (reads(project)) {
    const action: StartAction = { kind: 'annotate', label: 'Start reading', href: readPath(project.key) };
    if (me === undefined) action.disabledReason = 'Loading your progress…';
    else if (me.remaining === 0) action.disabledReason = me.done > 0 ? 'All your reads are submitted.' : 'No images are assigned to you yet: the project owner runs the assignment.';
    actions.push(action);
  }
  if (reviews(project)) {
    const action: StartAction = { kind: 'review', label: 'Start reviewing', href: reviewPath(project.key) };
    if (me === undefined) action.disabledReason = 'Loading your progress…';
    else if (me.reviews.remaining === 0) {
      action.disabledReason =
        me.reviews.done > 0
          ? 'All your reviews are finished; more open as reads are submitted.'
          : `No review is open yet: an image comes to review once its ${project.readersPerImage} reads are submitted.`;
    }
    actions.push(action);
  }
  return actions;
}

/** What an empty task list says, by role: reads come from the assignment, reviews from finished reads. */
export function emptyText(project: ProjectSummary): string {
  if (reads(project)) return 'No tasks yet: they appear here once the project owner assigns the images.';
  return `No review tasks yet: an image comes to you for review once its ${project.readersPerImage} reads are submitted.`;
}

/** The link that opens one of my tasks. */
export const taskHref = (key: string, task: { id: number; kind: TaskKind }): string => `${task.kind === 'review' ? reviewPath(key) : readPath(key)}?task=${task.id}`;

export const STATUS_LABELS: Record<WorklistStatus, string> = { pending: 'To do', in_progress: 'In progress', submitted: 'Submitted', skipped: 'Skipped' };
export const STATUS_FILTERS: readonly StatusFilter[] = ['all', 'pending', 'in_progress', 'submitted', 'skipped'];

/** How many tasks a status filter holds, from the worklist's counts. */
export function filterCount(counts: Worklist['counts'], filter: StatusFilter): number {
  switch (filter) {
    case 'all':
      return counts.pending + counts.inProgress + counts.submitted + counts.skipped;
    case 'in_progress':
      return counts.inProgress;
    default:
      return counts[filter];
  }
}

/** The task query string for a filter and page. */
export function taskQuery(filter: StatusFilter, kind: TaskKind | undefined, limit: number, offset: number): string {
  const q = new URLSearchParams();
  if (filter !== 'all') q.set('status', filter);
  if (kind !== undefined) q.set('kind', kind);
  q.set('limit', String(limit));
  q.set('offset', String(offset));
  return q.toString();
}

export interface PageInfo {
  /** 1-based, inclusive; 0 when empty. */
  from: number;
  to: number;
  total: number;
  prevOffset: number | undefined;
  nextOffset: number | undefined;
}

export function pageInfo(offset: number, limit: number, shown: number, total: number): PageInfo {
  return {
    from: shown === 0 ? 0 : offset + 1,
    to: offset + shown,
    total,
    prevOffset: offset > 0 ? Math.max(0, offset - limit) : undefined,
    nextOffset: offset + shown < total ? offset + limit : undefined,
  };
}

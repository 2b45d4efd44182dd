// My tasks in a project, in my reading order: filter by status (with counts) and kind, paged, each
// with a link that opens it in the reading or review view.
import { useState } from 'react';
import type { ProjectSummary, TaskKind, Worklist } from '@cxrlab/server/api-types';
import { seg } from '../api/client.js';
import { Link } from '../app/Link.js';
import { LoadError } from '../admin/ActionStatus.js';
import { formatDate } from '../admin/format.js';
import { useResource } from '../admin/use-resource.js';
import { emptyText, filterCount, pageInfo, reads, reviews, STATUS_FILTERS, STATUS_LABELS, taskHref, taskQuery, type StatusFilter } from './worklist-model.js';

const PAGE = 20;

export function TaskTable({ project }: { project: ProjectSummary }) {
  const both = reads(project) && reviews(project);
  const [filter, setFilter] = useState<StatusFilter>('all');
  const [kind, setKind] = useState<TaskKind | undefined>(undefined);
  const [offset, setOffset] = useState(0);
  const list = useResource<Worklist>(`/api/projects/${seg(project.key)}/tasks?${taskQuery(filter, kind, PAGE, offset)}`);
  const counts = list.data?.counts;
  const total = counts === undefined ? 0 : filterCount(counts, filter);
  const page = pageInfo(offset, PAGE, list.data?.tasks.length ?? 0, total);
  const choose = (f: StatusFilter) => {
    setFilter(f);
    setOffset(0);
  };
  return (
    <details className="task-table" open>
      <summary>
        My tasks{counts !== undefined ? ` (${filterCount(counts, 'all')})` : ''}
      </summary>
      {counts !== undefined && (kind !== undefined || filterCount(counts, 'all') > 0) && (
        <div className="toolbar task-filters" role="group" aria-label={`Filter my tasks in ${project.key}`}>
          {STATUS_FILTERS.map((f) => (
            <button key={f} type="button" className="ghost" aria-pressed={filter === f} onClick={() => choose(f)}>
              {f === 'all' ? 'All' : STATUS_LABELS[f]}
              {counts !== undefined && <span className="count">{filterCount(counts, f)}</span>}
            </button>
          ))}
          {both && (
            <label className="inline kind-filter">
              Kind
              <select
                value={kind ?? ''}
                onChange={(e) => {
                  setKind(e.target.value === '' ? undefined : (e.target.value as TaskKind));
                  setOffset(0);
                }}
              >
                <option value="">reads and reviews</option>
                <option value="annotate">reads</option>
                <option value="review">reviews</option>
              </select>
            </label>
          )}
        </div>
      )}
      {list.error !== undefined && <LoadError error={list.error} retry={list.reload} />}
      {list.data !== undefined && list.data.tasks.length === 0 && (
        <p className="muted empty-tasks">
          {filterCount(list.data.counts, 'all') === 0
            ? emptyText(project)
            : `No ${filter === 'all' ? '' : STATUS_LABELS[filter as Exclude<StatusFilter, 'all'>].toLowerCase() + ' '}tasks.`}
        </p>
      )}
      {list.data !== undefined && list.data.tasks.length > 0 && (
        <>
          <table className="tasks" data-testid={`tasks-${project.key}`}>
            <thead>
              <tr>
                <th className="num">#</th>
                <th>Image</th>
                <th>Kind</th>
                <th>Status</th>
                <th>Updated</th>
                <th>
                  <span className="visually-hidden">Open</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.data.tasks.map((t) => (
                <tr key={t.id}>
                  <td className="num">{t.position + 1}</td>
                  <td>
                    <code title={t.imageId}>{t.imageId}</code>
                  </td>
                  <td>{t.kind === 'review' ? 'review' : 'read'}</td>
                  <td>
                    <span className={`badge status-${t.status}`}>{t.status in STATUS_LABELS ? STATUS_LABELS[t.status as keyof typeof STATUS_LABELS] : t.status}</span>
                  </td>
                  <td className="muted">{formatDate(t.updatedAt)}</td>
                  <td>
                    <Link href={taskHref(project.key, t)} aria-label={`Open task ${t.position + 1} (${t.kind === 'review' ? 'review' : 'read'}, image ${t.imageId})`}>
                      {t.status === 'submitted' ? 'View' : 'Open'}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="toolbar pager">
            <span className="muted">
              {page.from}–{page.to} of {page.total}
            </span>
            <button type="button" disabled={page.prevOffset === undefined || list.loading} onClick={() => setOffset(page.prevOffset ?? 0)}>
              Previous
            </button>
            <button type="button" disabled={page.nextOffset === undefined || list.loading} onClick={() => setOffset(page.nextOffset ?? offset)}>
              Next
            </button>
          </div>
        </>
      )}
    </details>
  );
}

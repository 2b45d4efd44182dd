// A loaded list as an admin table: the load error (with Retry), an optional "Loading…" and empty state,
// and the table of rows. Users, projects, members, exports and import runs all show their list this way.
import type { ReactNode } from 'react';
import { LoadError } from './ActionStatus.js';
import type { Resource } from './use-resource.js';

export interface ResourceTableProps<T> {
  /** Where the rows come from: its error is shown with a retry. */
  resource: Pick<Resource<unknown>, 'error' | 'reload'>;
  /** The rows; undefined while they load (or failed). */
  rows: readonly T[] | undefined;
  testId: string;
  /** The header cells (`<th>`s). */
  head: ReactNode;
  row(item: T): ReactNode;
  /** Shown instead of the table when there are no rows; without it, an empty table is shown. */
  empty?: ReactNode;
  /** Shown while the rows load; without it, nothing. */
  loading?: ReactNode;
}

export function ResourceTable<T>({ resource, rows, testId, head, row, empty, loading }: ResourceTableProps<T>) {
  return (
    <>
      {resource.error !== undefined && <LoadError error={resource.error} retry={resource.reload} />}
      {rows === undefined && resource.error === undefined && loading}
      {rows !== undefined &&
        (rows.length === 0 && empty !== undefined ? (
          empty
        ) : (
          <div className="table-wrap">
            <table className="admin-table" data-testid={testId}>
              <thead>
                <tr>{head}</tr>
              </thead>
              <tbody>{rows.map(row)}</tbody>
            </table>
          </div>
        ))}
    </>
  );
}

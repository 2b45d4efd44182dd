// The project's import runs (newest first): source, when, and what each added, found unchanged,
// refused or failed on.
import { useState } from 'react';
import { seg } from '../../api/client.js';
import { ResourceTable } from '../ResourceTable.js';
import { formatDate } from '../format.js';
import { useResource } from '../use-resource.js';

interface ImportRun {
  id: number;
  source: string;
  startedAt: string;
  finishedAt: string | null;
  added: number;
  unchanged: number;
  refused: number;
  failed: number;
}

const FIRST = 10;

export function ImportRuns({ projectKey, generation }: { projectKey: string; generation: number }) {
  const runs = useResource<{ imports: ImportRun[] }>(`/api/projects/${seg(projectKey)}/imports`, generation);
  const [all, setAll] = useState(false);
  const list = runs.data?.imports ?? [];
  const shown = all ? list : list.slice(0, FIRST);
  return (
    <section className="panel tab-section" aria-labelledby="imports-title">
      <h2 id="imports-title">Import runs{runs.data !== undefined ? ` (${list.length})` : ''}</h2>
      <ResourceTable
        resource={runs}
        rows={runs.data === undefined ? undefined : shown}
        testId="import-runs"
        empty={<p className="muted">No imports yet.</p>}
        head={
          <>
            <th className="num">#</th>
            <th>Source</th>
            <th>Started</th>
            <th className="num">Added</th>
            <th className="num">Unchanged</th>
            <th className="num">Refused</th>
            <th className="num">Failed</th>
          </>
        }
        row={(r) => (
          <tr key={r.id}>
            <td className="num">{r.id}</td>
            <td className="source-cell" title={r.source}>
              {r.source}
              {r.finishedAt === null && <span className="badge"> running</span>}
            </td>
            <td className="muted">{formatDate(r.startedAt)}</td>
            <td className="num">{r.added}</td>
            <td className="num">{r.unchanged}</td>
            <td className={r.refused > 0 ? 'num warning' : 'num'}>{r.refused}</td>
            <td className={r.failed > 0 ? 'num error' : 'num'}>{r.failed}</td>
          </tr>
        )}
      />
      {list.length > FIRST && (
        <button type="button" className="ghost" onClick={() => setAll(!all)}>
          {all ? 'Show the latest only' : `Show all ${list.length}`}
        </button>
      )}
    </section>
  );
}

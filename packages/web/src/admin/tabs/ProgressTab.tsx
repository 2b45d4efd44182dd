// Progress: the reads needed, submitted, in progress and skipped, the consensus (open/final), and
// per reader their done / remaining / skipped reads and median reading time, as charts and a table.
import type { ProjectProgress } from '@cxrlab/server/api-types';
import { seg } from '../../api/client.js';
import { LoadError } from '../ActionStatus.js';
import type { TabProps } from '../AdminProjectPage.js';
import { BarChart } from '../charts/BarChart.js';
import { StackedBarChart } from '../charts/StackedBarChart.js';
import { formatDuration, percent } from '../format.js';
import { medianRows, readerLabel, readerRows, readTiles } from '../progress-model.js';
import { Tile } from '../Tile.js';
import { useResource } from '../use-resource.js';

const SERIES = [
  { key: 'done', label: 'Done', tone: 'seg-done' },
  { key: 'remaining', label: 'Remaining', tone: 'seg-remaining' },
  { key: 'skipped', label: 'Skipped', tone: 'seg-skipped' },
];

export function ProgressTab({ project }: TabProps) {
  const progress = useResource<ProjectProgress>(`/api/projects/${seg(project.key)}/progress?agreement=false`);
  const p = progress.data;
  if (p === undefined) return progress.error !== undefined ? <LoadError error={progress.error} retry={progress.reload} /> : <p className="muted">Loading…</p>;
  const share = percent(p.reads.submitted, p.reads.needed);
  return (
    <div data-testid="progress-tab">
      <div className="toolbar progress-head">
        <span>
          <strong>{share}%</strong> of the reads submitted ({p.reads.submitted} of {p.reads.needed})
        </span>
        <span className="spacer" />
        <button type="button" onClick={progress.reload} disabled={progress.loading}>
          {progress.loading ? 'Refreshing…' : 'Refresh'}
        </button>
      </div>
      <div className="progress-bar overall-bar" role="progressbar" aria-label="Reads submitted" aria-valuemin={0} aria-valuemax={p.reads.needed} aria-valuenow={p.reads.submitted}>
        <span style={{ width: `${share}%` }} />
      </div>
      <div className="tiles">
        {readTiles(p).map(([label, value]) => (
          <Tile key={label} label={label} value={value} tone={label === 'skipped' && value > 0 ? 'warning' : label === 'consensus final' && value > 0 ? 'ok' : undefined} />
        ))}
      </div>
      {p.perReader.length === 0 ? (
        <div className="panel empty-state">
          <p>No readers yet: add annotators on the Members tab and run the assignment.</p>
        </div>
      ) : (
        <>
          <div className="two-col">
            <section className="panel">
              <h2>Reads per reader</h2>
              <StackedBarChart title="Reads per reader" description="Each reader's submitted, remaining and skipped reads." series={SERIES} rows={readerRows(p.perReader)} testId="reader-chart" />
            </section>
            <section className="panel">
              <h2>Median reading time</h2>
              <BarChart title="Median reading time per reader" description="The median active reading time of each reader's submitted reads." data={medianRows(p.perReader)} format={(s) => `${s} s`} testId="reading-time-chart" />
            </section>
          </div>
          <section className="panel tab-section">
            <h2>Readers</h2>
            <table className="admin-table" data-testid="reader-table">
              <thead>
                <tr>
                  <th>Reader</th>
                  <th>User</th>
                  <th className="num">Done</th>
                  <th className="num">Remaining</th>
                  <th className="num">Skipped</th>
                  <th className="num">Median reading time</th>
                </tr>
              </thead>
              <tbody>
                {p.perReader.map((r) => (
                  <tr key={r.userId}>
                    <td>{readerLabel(r)}</td>
                    <td className="muted">{r.username}</td>
                    <td className="num">{r.done}</td>
                    <td className="num">{r.remaining}</td>
                    <td className="num">{r.skipped}</td>
                    <td className="num">{formatDuration(r.medianReadingMs)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      )}
    </div>
  );
}

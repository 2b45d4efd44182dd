// Agreement between readers on the submitted reads: Fleiss' kappa per global label and overall, and
// box F1 at IoU 0.4 per class, as charts with their values and a line on what each measure means.
import type { ProjectProgress } from '@cxrlab/server/api-types';
import { seg } from '../../api/client.js';
import { LoadError } from '../ActionStatus.js';
import type { TabProps } from '../AdminProjectPage.js';
import { BarChart } from '../charts/BarChart.js';
import { formatStat, plural } from '../format.js';
import { f1Rows, kappaDomain, kappaRows } from '../progress-model.js';
import { useResource } from '../use-resource.js';

export function AgreementTab({ project }: TabProps) {
  const progress = useResource<ProjectProgress>(`/api/projects/${seg(project.key)}/progress`);
  if (progress.data === undefined) return progress.error !== undefined ? <LoadError error={progress.error} retry={progress.reload} /> : <p className="muted">Computing the agreement…</p>;
  const a = progress.data.agreement;
  if (a === null) {
    return (
      <div className="panel empty-state" data-testid="agreement-empty">
        <p>No agreement yet: it needs images with at least two submitted reads. It appears here as readers submit.</p>
      </div>
    );
  }
  const kappas = kappaRows(a);
  const f1 = f1Rows(a);
  return (
    <div data-testid="agreement-tab">
      <p className="explain">
        Over {plural(a.imagesUsed, 'image')} with {a.raters} submitted reads each
        {a.imagesLeftOut > 0 ? ` (${plural(a.imagesLeftOut, 'image')} with another number of reads left out)` : ''}. Overall kappa: <strong>{formatStat(a.overall)}</strong>.
      </p>
      <div className="two-col">
        <section className="panel">
          <h2>Fleiss' kappa per global label</h2>
          <p className="explain">
            How much the readers agree on each global label beyond what chance alone would give: 1 is perfect agreement, 0 is chance level, below 0 less than chance (n/a: every reader
            gave the same answer on every image).
          </p>
          <BarChart title="Fleiss' kappa per global label" description="Fleiss' kappa of the readers' global labels, and their mean." data={kappas} domain={kappaDomain(kappas.map((k) => k.value))} format={formatStat} testId="kappa-chart" />
        </section>
        <section className="panel">
          <h2>Box F1 at IoU 0.4</h2>
          <p className="explain">
            For each pair of readers on each image both read, boxes of a class are matched one to one when they overlap with an IoU of at least 0.4; F1 = 2 × matched / all their boxes,
            so 1 means every box had a partner.
          </p>
          {f1.length === 0 ? (
            <p className="muted">No boxes drawn yet.</p>
          ) : (
            <BarChart title="Box F1 at IoU 0.4 per class" description="The share of boxes matched between pairs of readers, per local label." data={f1} domain={[0, 1]} format={formatStat} testId="f1-chart" />
          )}
        </section>
      </div>
      {a.boxes.some((b) => b.className !== '') && (
        <section className="panel tab-section">
          <h2>Boxes per class</h2>
          <table className="admin-table">
            <thead>
              <tr>
                <th>Class</th>
                <th className="num">Reader pairs × images</th>
                <th className="num">Boxes</th>
                <th className="num">Matched</th>
                <th className="num">F1</th>
                <th className="num">Mean IoU of matches</th>
              </tr>
            </thead>
            <tbody>
              {a.boxes
                .filter((b) => b.className !== '')
                .map((b) => (
                  <tr key={b.className}>
                    <td>{b.className}</td>
                    <td className="num">{b.pairImages}</td>
                    <td className="num">{b.boxes}</td>
                    <td className="num">{b.matched}</td>
                    <td className="num">{formatStat(b.f1)}</td>
                    <td className="num">{formatStat(b.meanIou)}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}

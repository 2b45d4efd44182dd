// One row of the projects table; managers also see the reads submitted of those needed.
import type { ProjectProgress, ProjectSummary } from '@cxrlab/server/api-types';
import { seg } from '../api/client.js';
import { Link } from '../app/Link.js';
import { formatDate, percent } from './format.js';
import { useResource } from './use-resource.js';

export const workflowText = (p: Pick<ProjectSummary, 'workflow' | 'readersPerImage' | 'reviewersPerImage'>): string =>
  p.workflow === 'consensus' ? `consensus · ${p.readersPerImage} readers + ${p.reviewersPerImage} reviewers` : `independent · ${p.readersPerImage} readers`;

export function ProjectRow({ project: p }: { project: ProjectSummary }) {
  const progress = useResource<ProjectProgress>(p.manager ? `/api/projects/${seg(p.key)}/progress?agreement=false` : null);
  const reads = progress.data?.reads;
  const href = p.manager ? `/admin/projects/${seg(p.key)}` : '/';
  return (
    <tr>
      <td className="nowrap">
        <Link href={href}>
          <strong>{p.key}</strong>
        </Link>
      </td>
      <td>{p.name}</td>
      <td className="nowrap">{workflowText(p)}</td>
      <td className="num">
        {p.images.total}
        {p.images.train > 0 && p.images.test > 0 && <span className="muted small"> ({p.images.train} train, {p.images.test} test)</span>}
      </td>
      <td className="reads-cell">
        {reads === undefined ? (
          <span className="muted">{p.manager ? '…' : '–'}</span>
        ) : (
          <div className="mini-progress" title={`${reads.submitted} of ${reads.needed} reads submitted`}>
            <div className="progress-bar" role="progressbar" aria-label={`Reads in ${p.key}`} aria-valuemin={0} aria-valuemax={reads.needed} aria-valuenow={reads.submitted}>
              <span style={{ width: `${percent(reads.submitted, reads.needed)}%` }} />
            </div>
            <span className="small nowrap">
              {reads.submitted} / {reads.needed}
              {progress.data?.consensus !== undefined && <span className="muted"> · {progress.data.consensus.final} final</span>}
            </span>
          </div>
        )}
      </td>
      <td>{p.myRoles.length > 0 ? p.myRoles.join(', ') : <span className="muted">admin</span>}</td>
      <td className="muted nowrap">{formatDate(p.createdAt)}</td>
    </tr>
  );
}

// Overview: the project's settings (name, readers and reviewers per image editable), its counts and
// where to go next.
import type { ProjectDetail } from '@cxrlab/server/api-types';
import { seg } from '../../api/client.js';
import { Link } from '../../app/Link.js';
import type { TabProps } from '../AdminProjectPage.js';
import { formatDate } from '../format.js';
import { tabHref } from '../project-tabs.js';
import { workflowText } from '../ProjectRow.js';
import { Tile } from '../Tile.js';
import { ProjectSettingsForm } from './ProjectSettingsForm.js';

function memberCounts(p: ProjectDetail) {
  const active = (p.members ?? []).filter((m) => m.active);
  const count = (role: string) => active.filter((m) => m.roles.includes(role as never)).length;
  return { annotators: count('annotator'), reviewers: count('reviewer'), owners: count('owner'), left: (p.members ?? []).length - active.length };
}

export function OverviewTab({ project: p, reloadProject }: TabProps) {
  const members = memberCounts(p);
  const locals = p.schema.labels.filter((l) => l.kind === 'local').length;
  const globals = p.schema.labels.length - locals;
  const tiles: [string, number | string][] = [
    ['images', p.images.total],
    ['train images', p.images.train],
    ['test images', p.images.test],
    ['annotators', members.annotators],
    ...(p.workflow === 'consensus' ? ([['reviewers', members.reviewers]] as [string, number][]) : []),
    ['owners', members.owners],
  ];
  const tooFewReaders = members.annotators < p.readersPerImage;
  const tooFewReviewers = p.workflow === 'consensus' && members.reviewers < p.reviewersPerImage;
  return (
    <div className="overview">
      <div className="tiles" data-testid="overview-counts">
        {tiles.map(([label, value]) => (
          <Tile key={label} label={label} value={value} />
        ))}
      </div>
      {(tooFewReaders || tooFewReviewers || p.images.total === 0) && (
        <div className="panel next-steps">
          <h3>To start the reading</h3>
          <ul>
            {p.images.total === 0 && (
              <li>
                <Link href={tabHref(p.key, 'images')}>Import images</Link> (de-identified DICOM files).
              </li>
            )}
            {tooFewReaders && (
              <li>
                <Link href={tabHref(p.key, 'members')}>Add annotators</Link>: each image needs {p.readersPerImage} different readers, the project has {members.annotators}.
              </li>
            )}
            {tooFewReviewers && (
              <li>
                <Link href={tabHref(p.key, 'members')}>Add reviewers</Link>: each consensus needs {p.reviewersPerImage} reviewers who did not read the image, the project has {members.reviewers}.
              </li>
            )}
            <li>
              Then <Link href={tabHref(p.key, 'assignment')}>run the assignment</Link>.
            </li>
          </ul>
        </div>
      )}
      <div className="two-col">
        <section className="panel">
          <h2>Settings</h2>
          <dl className="settings">
            <dt>Key</dt>
            <dd>
              <code>{p.key}</code>
            </dd>
            <dt>Workflow</dt>
            <dd>{workflowText(p)}</dd>
            <dt>Label schema</dt>
            <dd>
              {p.schema.name}: {locals} local and {globals} global labels{p.schema.noFinding !== undefined ? `, "${p.schema.noFinding}" as no finding` : ''}
            </dd>
            <dt>Rules</dt>
            <dd>
              <Link href={tabHref(p.key, 'rules')}>{p.rules.length} rules</Link>
            </dd>
            {p.assignmentSeed !== undefined && (
              <>
                <dt>Assignment seed</dt>
                <dd>
                  <code>{p.assignmentSeed}</code>
                </dd>
              </>
            )}
            <dt>Created</dt>
            <dd>{formatDate(p.createdAt)}</dd>
            <dt>Links</dt>
            <dd className="link-list">
              <Link href={tabHref(p.key, 'progress')}>progress</Link>
              <Link href={tabHref(p.key, 'exports')}>exports</Link>
              {p.myRoles.includes('annotator') && <Link href={`/read/${seg(p.key)}`}>my reading</Link>}
              {p.workflow === 'consensus' && p.myRoles.includes('reviewer') && <Link href={`/review/${seg(p.key)}`}>my reviews</Link>}
              <Link href="/">worklist</Link>
            </dd>
          </dl>
        </section>
        <section className="panel">
          <h2>Change</h2>
          <ProjectSettingsForm project={p} onSaved={reloadProject} />
        </section>
      </div>
    </div>
  );
}

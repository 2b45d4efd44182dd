// Assignment: create the reading tasks (N distinct annotators per image, balanced, each reader in a
// seeded order of their own) and, in consensus projects, the missing review tasks; after a
// confirmation, the result's counts.
import { useState } from 'react';
import { api, seg } from '../../api/client.js';
import { Link } from '../../app/Link.js';
import type { TabProps } from '../AdminProjectPage.js';
import { ActionStatus } from '../ActionStatus.js';
import { ConfirmDialog } from '../ConfirmDialog.js';
import { plural } from '../format.js';
import { tabHref } from '../project-tabs.js';
import { Tile } from '../Tile.js';
import { useAction } from '../use-action.js';

interface AssignmentResult {
  created: number;
  perReader: { userId: number; count: number }[];
  shortfall: number;
  reviewsCreated: number;
  reviewShortfall: number;
}

export function AssignmentTab({ project: p, reloadProject }: TabProps) {
  const [split, setSplit] = useState<'' | 'train' | 'test'>('');
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<AssignmentResult | undefined>();
  const assign = useAction(
    (body: { split?: 'train' | 'test' }) => api.post<AssignmentResult>(`/api/projects/${seg(p.key)}/assignments`, body),
    (r) => (r.created === 0 && r.reviewsCreated === 0 ? 'Nothing new to assign: every image has its reads (and reviews).' : `Created ${plural(r.created, 'reading task')}${p.workflow === 'consensus' ? ` and ${plural(r.reviewsCreated, 'review task')}` : ''}.`),
  );
  const members = p.members ?? [];
  const name = (userId: number) => {
    const m = members.find((x) => x.userId === userId);
    return m === undefined ? `user ${userId}` : `${m.displayName} (${m.username}${m.radId !== null ? `, ${m.radId}` : ''})`;
  };
  const annotators = members.filter((m) => m.active && m.roles.includes('annotator')).length;
  const reviewers = members.filter((m) => m.active && m.roles.includes('reviewer')).length;
  const run = async () => {
    const r = await assign.run(split === '' ? {} : { split });
    if (r !== undefined) {
      setResult(r);
      setConfirming(false);
      reloadProject();
    }
  };
  return (
    <div>
      <section className="panel">
        <h2>Assign the reading</h2>
        <p className="explain">
          Every image without {p.readersPerImage} live reads gets new reading tasks: {p.readersPerImage} different annotators per image, never one person twice on an image, each
          annotator's load within one of the others'. Each reader gets the images in a random order of their own (recorded seed {p.assignmentSeed ?? '–'}).
          {p.workflow === 'consensus' && ` Images whose ${p.readersPerImage} reads are in get ${p.reviewersPerImage} reviewers who did not read them; this also creates review tasks that could not be created before.`}{' '}
          Running it again creates nothing twice: run it after importing images or adding members.
        </p>
        <p>
          Active annotators: <strong>{annotators}</strong>
          {p.workflow === 'consensus' && (
            <>
              {' '}
              · active reviewers: <strong>{reviewers}</strong>
            </>
          )}{' '}
          · images: <strong>{p.images.total}</strong>
          {annotators < p.readersPerImage && (
            <span className="warning">
              {' '}
              — fewer annotators than the {p.readersPerImage} reads per image: some reads will stay unassigned. <Link href={tabHref(p.key, 'members')}>Add members</Link>.
            </span>
          )}
        </p>
        <div className="toolbar">
          <label className="inline">
            Images
            <select value={split} onChange={(e) => setSplit(e.target.value as '' | 'train' | 'test')}>
              <option value="">all splits</option>
              <option value="train">train only</option>
              <option value="test">test only</option>
            </select>
          </label>
          <button type="button" className="primary" onClick={() => (assign.clear(), setConfirming(true))} disabled={assign.busy} data-testid="run-assignment">
            Run assignment…
          </button>
        </div>
        {!confirming && <ActionStatus state={assign} testId="assignment-status" />}
      </section>
      {result !== undefined && (
        <section className="panel tab-section" data-testid="assignment-result">
          <h2>Result</h2>
          <div className="tiles">
            <Tile label="reading tasks created" value={result.created} />
            <Tile label="reads not assignable (too few annotators)" value={result.shortfall} tone={result.shortfall > 0 ? 'warning' : undefined} />
            {p.workflow === 'consensus' && <Tile label="review tasks created" value={result.reviewsCreated} />}
            {p.workflow === 'consensus' && <Tile label="reviews not assignable (too few reviewers)" value={result.reviewShortfall} tone={result.reviewShortfall > 0 ? 'warning' : undefined} />}
          </div>
          {result.perReader.length > 0 && (
            <table className="admin-table">
              <thead>
                <tr>
                  <th>Reader</th>
                  <th className="num">New tasks</th>
                </tr>
              </thead>
              <tbody>
                {result.perReader.map((r) => (
                  <tr key={r.userId}>
                    <td>{name(r.userId)}</td>
                    <td className="num">{r.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
      {confirming && (
        <ConfirmDialog title={`Run the assignment of ${p.key}?`} confirmLabel="Assign" state={assign} onCancel={() => setConfirming(false)} onConfirm={() => void run()}>
          <p>
            This creates reading tasks for {split === '' ? 'every image' : `the ${split} images`} that lacks reads, for the {annotators} active annotators
            {p.workflow === 'consensus' ? `, and missing review tasks for the ${reviewers} active reviewers` : ''}. Tasks are not removed again by running it; members who leave have
            their open tasks moved.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { MyProgress, ProjectSummary } from '@cxrlab/server/api-types';
import { emptyText, filterCount, groupProjects, pageInfo, progressLines, startActions, taskHref, taskQuery } from './worklist-model.js';

const project = (key: string, myRoles: ProjectSummary['myRoles'], over: Partial<ProjectSummary> = {}): ProjectSummary => ({
  key,
  name: key,
  workflow: 'independent',
  readersPerImage: 3,
  reviewersPerImage: 0,
  myRoles,
  manager: myRoles.includes('owner'),
  images: { total: 10, train: 10, test: 0 },
  createdAt: '2026-01-01T00:00:00Z',
  ...over,
});
const me = (over: Partial<MyProgress> = {}): MyProgress => ({ done: 0, remaining: 0, skipped: 0, medianReadingMs: null, reviews: { done: 0, remaining: 0 }, ...over });

describe('groupProjects', () => {
  it('puts reading projects in work and owner-only or admin-only projects aside', () => {
    const a = project('A', ['annotator']);
    const b = project('B', ['owner']);
    const c = project('C', [], { manager: true });
    const d = project('D', ['reviewer'], { workflow: 'consensus', reviewersPerImage: 2 });
    const { work, managedOnly } = groupProjects([a, b, c, d]);
    assert.deepEqual(work.map((p) => p.key), ['A', 'D']);
    assert.deepEqual(managedOnly.map((p) => p.key), ['B', 'C']);
  });
  it('does not count a reviewer of an independent project as work (it has no review step)', () => {
    const { work } = groupProjects([project('I', ['reviewer'])]);
    assert.deepEqual(work, []);
  });
});

describe('progressLines', () => {
  it('gives reads as done of done+remaining, with skipped mentioned', () => {
    const [line] = progressLines(project('A', ['annotator']), me({ done: 3, remaining: 1, skipped: 2 }));
    assert.equal(line!.total, 4);
    assert.equal(line!.percent, 75);
    assert.equal(line!.text, '3 of 4 read · 1 left · 2 skipped');
  });
  it('adds a review line for reviewers of consensus projects only', () => {
    const both = project('T', ['annotator', 'reviewer'], { workflow: 'consensus', reviewersPerImage: 2 });
    const lines = progressLines(both, me({ reviews: { done: 1, remaining: 3 } }));
    assert.deepEqual(lines.map((l) => l.what), ['reads', 'reviews']);
    assert.equal(lines[1]!.percent, 25);
    assert.equal(lines[0]!.percent, 0);
  });
});

describe('startActions', () => {
  it('enables reading when reads remain, linking to the reading view', () => {
    const [a] = startActions(project('DEMO-TRAIN', ['annotator']), me({ remaining: 2 }));
    assert.equal(a!.href, '/read/DEMO-TRAIN');
    assert.equal(a!.disabledReason, undefined);
  });
  it('disables with a reason that tells finished from never assigned', () => {
    const p = project('A', ['annotator']);
    assert.match(startActions(p, me({ done: 5 }))[0]!.disabledReason!, /All your reads/);
    assert.match(startActions(p, me())[0]!.disabledReason!, /assignment/);
    assert.match(startActions(p, undefined)[0]!.disabledReason!, /Loading/);
  });
  it('offers reviewing in consensus projects, explaining when no review is open', () => {
    const p = project('T', ['reviewer'], { workflow: 'consensus', reviewersPerImage: 2 });
    const [r] = startActions(p, me());
    assert.equal(r!.kind, 'review');
    assert.equal(r!.href, '/review/T');
    assert.match(r!.disabledReason!, /3 reads are submitted/);
    assert.equal(startActions(p, me({ reviews: { done: 0, remaining: 1 } }))[0]!.disabledReason, undefined);
  });
  it('offers nothing to an owner who does not read', () => {
    assert.deepEqual(startActions(project('B', ['owner']), me({ remaining: 4 })), []);
  });
});

describe('task links and queries', () => {
  it('opens annotate tasks in the reading view and review tasks in the review view', () => {
    assert.equal(taskHref('K', { id: 7, kind: 'annotate' }), '/read/K?task=7');
    assert.equal(taskHref('K', { id: 9, kind: 'review' }), '/review/K?task=9');
  });
  it('builds the query with status only when filtered', () => {
    assert.equal(taskQuery('all', undefined, 25, 0), 'limit=25&offset=0');
    assert.equal(taskQuery('in_progress', 'review', 25, 50), 'status=in_progress&kind=review&limit=25&offset=50');
  });
  it('counts a filter from the worklist counts', () => {
    const counts = { pending: 4, inProgress: 1, submitted: 3, skipped: 2 };
    assert.equal(filterCount(counts, 'all'), 10);
    assert.equal(filterCount(counts, 'in_progress'), 1);
    assert.equal(filterCount(counts, 'skipped'), 2);
  });
});

describe('pageInfo', () => {
  it('pages forward and back within the total', () => {
    assert.deepEqual(pageInfo(0, 25, 25, 60), { from: 1, to: 25, total: 60, prevOffset: undefined, nextOffset: 25 });
    assert.deepEqual(pageInfo(50, 25, 10, 60), { from: 51, to: 60, total: 60, prevOffset: 25, nextOffset: undefined });
  });
  it('says 0 of 0 when empty', () => {
    assert.deepEqual(pageInfo(0, 25, 0, 0), { from: 0, to: 0, total: 0, prevOffset: undefined, nextOffset: undefined });
  });
});

describe('emptyText', () => {
  it('points readers to the assignment and reviewers to the reads', () => {
    assert.match(emptyText(project('A', ['annotator'])), /assigns the images/);
    assert.match(emptyText(project('T', ['reviewer'], { workflow: 'consensus' })), /once its 3 reads are submitted/);
  });
});

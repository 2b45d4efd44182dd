// An image's review panel: the holders of its live review tasks (pending, in progress or submitted: not
// skipped, not re-assigned) who are still active reviewers of the project. Every one of them must approve
// the same version for the consensus to be final; the review view shows how many there are.
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { LIVE_STATUSES } from '../workflow/place-tasks.js';

export function reviewPanel(db: Kysely<Database>, imageRowId: number): Promise<Array<{ id: number; user_id: number }>> {
  return db
    .selectFrom('tasks as t')
    .innerJoin('memberships as m', (join) => join.onRef('m.project_id', '=', 't.project_id').onRef('m.user_id', '=', 't.user_id'))
    .select(['t.id', 't.user_id'])
    .where('t.image_id', '=', imageRowId)
    .where('t.kind', '=', 'review')
    .where('t.status', 'in', LIVE_STATUSES)
    .where('m.role', '=', 'reviewer')
    .where('m.active', '=', 1)
    .execute();
}

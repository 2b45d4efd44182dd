// How the people around an image are named to its review panel: readers by their pseudonym (R1 ...),
// reviewers by theirs or else `Reviewer k` (k their review task's place among the image's review tasks,
// re-assigned ones included, so a name never changes). Never a user name or id.
import type { Kysely } from 'kysely';
import type { Database, Image } from '../db/database.js';

/** user id -> the name reviewers of the image see, for every reviewer who ever had a review task on it. */
export async function reviewerNames(db: Kysely<Database>, image: Pick<Image, 'id' | 'project_id'>): Promise<Map<number, string>> {
  const rows = await db
    .selectFrom('tasks as t')
    .leftJoin('reader_pseudonyms as p', (join) => join.onRef('p.project_id', '=', 't.project_id').onRef('p.user_id', '=', 't.user_id'))
    .select(['t.user_id', 'p.rad_id'])
    .where('t.image_id', '=', image.id)
    .where('t.kind', '=', 'review')
    .orderBy('t.id')
    .execute();
  const names = new Map<number, string>();
  rows.forEach((r, i) => names.set(r.user_id, r.rad_id ?? `Reviewer ${i + 1}`));
  return names;
}

/** user id -> name, for everyone with a task on the image: readers by pseudonym (or `Reader`), then reviewers. */
export async function panelNames(db: Kysely<Database>, image: Pick<Image, 'id' | 'project_id'>): Promise<Map<number, string>> {
  const readers = await db
    .selectFrom('tasks as t')
    .leftJoin('reader_pseudonyms as p', (join) => join.onRef('p.project_id', '=', 't.project_id').onRef('p.user_id', '=', 't.user_id'))
    .select(['t.user_id', 'p.rad_id'])
    .where('t.image_id', '=', image.id)
    .where('t.kind', '=', 'annotate')
    .execute();
  const names = new Map<number, string>(readers.map((r) => [r.user_id, r.rad_id ?? 'Reader']));
  for (const [userId, name] of await reviewerNames(db, image)) names.set(userId, name);
  return names;
}

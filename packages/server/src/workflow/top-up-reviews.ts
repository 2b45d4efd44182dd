// Consensus projects: review tasks that are still missing. An image's consensus opens with review tasks
// for up to M reviewers, but when fewer eligible reviewers were active then, or a review was skipped or
// re-assigned with no one free to take it, the image stays short. A later assignment tops it up: every
// open consensus with fewer than M live review tasks gets the missing ones (placeTasks: balanced by open
// reviews, never one of the image's readers or someone who already had a review of it, appended to each
// reviewer's order). Final consensus is never touched. Runs in the caller's transaction.
import type { Kysely } from 'kysely';
import type { Database, Project, Split } from '../db/database.js';
import { LIVE_STATUSES, placeTasks, type Placement } from './place-tasks.js';

const NOTHING: Placement = { created: 0, perReader: [], shortfall: 0, imagesShort: 0 };

/**
 * The images (images.id, ascending) whose consensus is open and which hold fewer than the project's M
 * live review tasks: one set-based query (the consensus rows, outer-joined to their live review tasks).
 */
export async function imagesShortOfReviews(tx: Kysely<Database>, project: Project, split?: Split): Promise<number[]> {
  if (project.workflow !== 'consensus' || project.reviewers_per_image <= 0) return [];
  let query = tx
    .selectFrom('consensus as c')
    .leftJoin('tasks as t', (join) => join.onRef('t.image_id', '=', 'c.image_id').on('t.kind', '=', 'review').on('t.status', 'in', LIVE_STATUSES))
    .select('c.image_id')
    .where('c.project_id', '=', project.id)
    .where('c.status', '=', 'open');
  if (split !== undefined) query = query.innerJoin('images as i', 'i.id', 'c.image_id').where('i.split', '=', split);
  const rows = await query
    .groupBy('c.image_id')
    .having((eb) => eb.fn.count('t.id'), '<', project.reviewers_per_image)
    .orderBy('c.image_id')
    .execute();
  return rows.map((r) => r.image_id);
}

export interface TopUpReviewsArgs {
  project: Project;
  /** Active reviewers of the project who may be given the reviews. */
  reviewers: readonly number[];
  /** The planner's seed (ties between equally loaded reviewers). */
  seed: number;
  /** Only the images of this split. */
  split?: Split;
}

/** Creates the review tasks that open consensus images of the project still lack. */
export async function topUpReviews(tx: Kysely<Database>, args: TopUpReviewsArgs): Promise<Placement> {
  const imageIds = await imagesShortOfReviews(tx, args.project, args.split);
  if (imageIds.length === 0) return NOTHING;
  return placeTasks(tx, { project: args.project, kind: 'review', imageIds, candidates: args.reviewers, seed: args.seed });
}

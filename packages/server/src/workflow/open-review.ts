// Consensus projects: when an image's N-th read is submitted, its consensus opens (status 'open',
// version 0, no labels yet) and M reviewers get a review task for it: active reviewers, balanced by their
// open reviews, never one of the image's readers, each at the end of the reviewer's order.
import type { Kysely } from 'kysely';
import type { Database, Project } from '../db/database.js';
import { now } from '../db/dialect.js';
import { audit } from '../audit/audit.js';
import { activeMembers } from './members.js';
import { placeTasks } from './place-tasks.js';
import { mixSeed } from './reader-order.js';
import { lockImage } from './row-locks.js';

export interface OpenedReview {
  /** False when the image still lacks reads, or its consensus was already open. */
  opened: boolean;
  reviewers: number;
  /** Review tasks that could not be given: too few eligible reviewers. */
  shortfall: number;
}

/** Opens the image's consensus and review tasks if all its reads are in; call inside the submit's transaction. */
export async function openReviewIfComplete(tx: Kysely<Database>, project: Project, imageId: number, actorId: number): Promise<OpenedReview> {
  const none: OpenedReview = { opened: false, reviewers: 0, shortfall: 0 };
  if (project.workflow !== 'consensus') return none;
  // One submit at a time per image, so the last read is seen as the last by exactly one of them.
  await lockImage(tx, imageId);
  const submitted = await tx
    .selectFrom('tasks')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('image_id', '=', imageId)
    .where('kind', '=', 'annotate')
    .where('status', '=', 'submitted')
    .executeTakeFirstOrThrow();
  if (Number(submitted.n) < project.readers_per_image) return none;
  const existing = await tx.selectFrom('consensus').select('image_id').where('image_id', '=', imageId).executeTakeFirst();
  if (existing !== undefined) return none;
  await tx.insertInto('consensus').values({ image_id: imageId, project_id: project.id, version: 0, status: 'open', updated_by: null, updated_at: now() }).execute();
  const reviewers = await activeMembers(tx, project.id, 'reviewer');
  const placement = await placeTasks(tx, { project, kind: 'review', imageIds: [imageId], candidates: reviewers, seed: mixSeed(project.assignment_seed, imageId, 2) });
  await audit(tx, {
    userId: actorId,
    projectId: project.id,
    action: 'open',
    entity: 'consensus',
    entityId: imageId,
    detail: { reads: Number(submitted.n), reviewers: placement.created, shortfall: placement.shortfall, perReviewer: placement.perReader },
  });
  return { opened: true, reviewers: placement.created, shortfall: placement.shortfall };
}

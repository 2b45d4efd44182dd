// Assigning a project's images to its annotators: every image with fewer than N live reads gets new
// annotate tasks from distinct annotators, balanced, each reader's tasks in their own shuffled order.
// In a consensus project it also tops up the review tasks of open consensus images that have fewer than
// M live reviews (too few reviewers when the reads completed, or a review skipped or re-assigned with no
// one free to take it). One transaction; the project's row lock keeps two assignments from overlapping.
import type { Kysely } from 'kysely';
import type { Database, Project, Split } from '../db/database.js';
import { audit } from '../audit/audit.js';
import { badRequest } from '../http/api-error.js';
import { inTransaction } from './in-transaction.js';
import { activeMembers } from './members.js';
import { placeTasks } from './place-tasks.js';
import { mixSeed } from './reader-order.js';
import { lockProject } from './row-locks.js';
import { topUpReviews } from './top-up-reviews.js';

export interface AssignProjectArgs {
  project: Project;
  /** Who reads (user ids); default: every active annotator of the project. Each must be an active annotator. */
  annotators?: readonly number[];
  /** Who may be given missing review tasks; default: every active reviewer. Each must be an active reviewer. */
  reviewers?: readonly number[];
  /** Only the images of this split (reads and reviews). */
  split?: Split;
  actorId: number;
}

export interface AssignmentResult {
  created: number;
  perReader: { userId: number; count: number }[];
  /** Reads that could not be assigned: fewer annotators than the reads an image needs. */
  shortfall: number;
  /** Review tasks created for open consensus images that had fewer than M live reviews. */
  reviewsCreated: number;
  /** Review tasks still missing: too few eligible reviewers (not readers of the image, not already on it). */
  reviewShortfall: number;
}

/** The chosen users, deduplicated; refuses (400, naming the entry) anyone who is not an active `role` member. */
function chosen(members: readonly number[], wanted: readonly number[] | undefined, field: string, role: string, projectKey: string): number[] {
  if (wanted === undefined) return [...members];
  const active = new Set(members);
  wanted.forEach((userId, i) => {
    if (!active.has(userId)) throw badRequest(`user ${userId} is not an active ${role} of project ${projectKey}`, `body.${field}[${i}]`);
  });
  return [...new Set(wanted)];
}

export async function assignProject(db: Kysely<Database>, args: AssignProjectArgs): Promise<AssignmentResult> {
  const { project } = args;
  return inTransaction(db, async (tx) => {
    await lockProject(tx, project.id);
    const annotators = chosen(await activeMembers(tx, project.id, 'annotator'), args.annotators, 'annotators', 'annotator', project.key);
    const reviewers = chosen(await activeMembers(tx, project.id, 'reviewer'), args.reviewers, 'reviewers', 'reviewer', project.key);
    const existing = await tx.selectFrom('tasks').select((eb) => eb.fn.countAll<number>().as('n')).where('project_id', '=', project.id).executeTakeFirstOrThrow();
    const seed = mixSeed(project.assignment_seed, Number(existing.n));
    const split = args.split !== undefined ? { split: args.split } : {};
    const placement = await placeTasks(tx, { project, kind: 'annotate', candidates: annotators, seed, ...split });
    const reviewSeed = mixSeed(project.assignment_seed, Number(existing.n), 4);
    const reviews = await topUpReviews(tx, { project, reviewers, seed: reviewSeed, ...split });
    await audit(tx, {
      userId: args.actorId,
      projectId: project.id,
      action: 'assign',
      entity: 'project',
      entityId: project.id,
      detail: {
        split: args.split ?? null,
        annotators,
        readersPerImage: project.readers_per_image,
        created: placement.created,
        shortfall: placement.shortfall,
        imagesShort: placement.imagesShort,
        assignmentSeed: project.assignment_seed,
        planSeed: seed,
        perReader: placement.perReader,
        reviewers,
        reviewersPerImage: project.reviewers_per_image,
        reviewsCreated: reviews.created,
        reviewShortfall: reviews.shortfall,
        reviewImagesShort: reviews.imagesShort,
        reviewSeed,
        perReviewer: reviews.perReader,
      },
    });
    return {
      created: placement.created,
      perReader: annotators.map((userId) => ({ userId, count: placement.perReader.find((r) => r.userId === userId)?.count ?? 0 })),
      shortfall: placement.shortfall,
      reviewsCreated: reviews.created,
      reviewShortfall: reviews.shortfall,
    };
  });
}

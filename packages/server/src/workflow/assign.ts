// Assigning a project's images to its annotators: every image with fewer than N live reads gets new
// annotate tasks from distinct annotators, balanced, each reader's tasks in their own shuffled order.
// One transaction; the project's row lock keeps two assignments from overlapping.
import type { Kysely } from 'kysely';
import type { Database, Project, Split } from '../db/database.js';
import { audit } from '../audit/audit.js';
import { badRequest } from '../http/api-error.js';
import { inTransaction } from './in-transaction.js';
import { activeMembers } from './members.js';
import { placeTasks } from './place-tasks.js';
import { mixSeed } from './reader-order.js';
import { lockProject } from './row-locks.js';

export interface AssignProjectArgs {
  project: Project;
  /** Who reads (user ids); default: every active annotator of the project. Each must be an active annotator. */
  annotators?: readonly number[];
  /** Only the images of this split. */
  split?: Split;
  actorId: number;
}

export interface AssignmentResult {
  created: number;
  perReader: { userId: number; count: number }[];
  /** Reads that could not be assigned: fewer annotators than the reads an image needs. */
  shortfall: number;
}

export async function assignProject(db: Kysely<Database>, args: AssignProjectArgs): Promise<AssignmentResult> {
  const { project } = args;
  return inTransaction(db, async (tx) => {
    await lockProject(tx, project.id);
    const members = await activeMembers(tx, project.id, 'annotator');
    let annotators = members;
    if (args.annotators !== undefined) {
      const active = new Set(members);
      args.annotators.forEach((userId, i) => {
        if (!active.has(userId)) throw badRequest(`user ${userId} is not an active annotator of project ${project.key}`, `body.annotators[${i}]`);
      });
      annotators = [...new Set(args.annotators)];
    }
    const existing = await tx.selectFrom('tasks').select((eb) => eb.fn.countAll<number>().as('n')).where('project_id', '=', project.id).executeTakeFirstOrThrow();
    const seed = mixSeed(project.assignment_seed, Number(existing.n));
    const placement = await placeTasks(tx, { project, kind: 'annotate', candidates: annotators, seed, ...(args.split !== undefined ? { split: args.split } : {}) });
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
      },
    });
    return { created: placement.created, perReader: annotators.map((userId) => ({ userId, count: placement.perReader.find((r) => r.userId === userId)?.count ?? 0 })), shortfall: placement.shortfall };
  });
}

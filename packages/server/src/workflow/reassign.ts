// When a member leaves: their open tasks (pending or in progress, reads and reviews) become
// 're-assigned' (their drafts stay in the database, seen by no one) and each is replaced by a new pending
// task for another active member with the kind's role, balanced, never someone already on the image.
// Runs in the caller's transaction when given one (the membership change and this commit together).
import type { Kysely } from 'kysely';
import type { Database, Project, TaskKind } from '../db/database.js';
import { now } from '../db/dialect.js';
import { audit } from '../audit/audit.js';
import { inTransaction } from './in-transaction.js';
import { activeMembers, roleForKind } from './members.js';
import { OPEN_STATUSES, placeTasks, type ReaderBatch } from './place-tasks.js';
import { mixSeed } from './reader-order.js';
import { lockProject } from './row-locks.js';

export interface ReassignArgs {
  project: Project;
  /** The member who leaves. */
  userId: number;
  actorId: number;
  /** Only these kinds of task (a member who keeps one of their roles); default both. */
  kinds?: readonly TaskKind[];
}

export async function reassignOpenTasks(db: Kysely<Database>, args: ReassignArgs): Promise<{ reassigned: number; unassigned: number }> {
  const { project, userId } = args;
  const kinds: readonly TaskKind[] = args.kinds ?? ['annotate', 'review'];
  return inTransaction(db, async (tx) => {
    await lockProject(tx, project.id);
    const open = await tx
      .selectFrom('tasks')
      .select(['id', 'image_id', 'kind'])
      .where('project_id', '=', project.id)
      .where('user_id', '=', userId)
      .where('status', 'in', OPEN_STATUSES)
      .where('kind', 'in', kinds)
      .execute();
    if (open.length === 0) return { reassigned: 0, unassigned: 0 };
    await tx
      .updateTable('tasks')
      .set({ status: 'reassigned', updated_at: now() })
      .where('project_id', '=', project.id)
      .where('user_id', '=', userId)
      .where('status', 'in', OPEN_STATUSES)
      .where('kind', 'in', kinds)
      .execute();

    let created = 0;
    let unassigned = 0;
    const perReader: (ReaderBatch & { kind: TaskKind })[] = [];
    for (const kind of kinds) {
      const imageIds = open.filter((t) => t.kind === kind).map((t) => t.image_id);
      if (imageIds.length === 0) continue;
      const candidates = (await activeMembers(tx, project.id, roleForKind(kind))).filter((id) => id !== userId);
      const placement = await placeTasks(tx, { project, kind, imageIds, candidates, seed: mixSeed(project.assignment_seed, userId, kind === 'annotate' ? 1 : 2), maxPerImage: 1 });
      created += placement.created;
      unassigned += placement.shortfall;
      perReader.push(...placement.perReader.map((r) => ({ ...r, kind })));
    }
    const reassigned = open.length;
    await audit(tx, {
      userId: args.actorId,
      projectId: project.id,
      action: 'reassign',
      entity: 'user',
      entityId: userId,
      detail: { reassigned, created, unassigned, kinds, perReader },
    });
    return { reassigned, unassigned };
  });
}

// A project's progress for its managers: images, reads needed and done, the consensus, each reader's
// done / remaining / median reading time (with names: managers may see them), and agreement.
import type { Kysely } from 'kysely';
import type { Database, Project } from '../db/database.js';
import { cachedAgreement } from './agreement-cache.js';
import { medianReadingMs } from './median-reading-time.js';
import type { ReadAgreement } from './read-agreement.js';
import { emptyCounts, taskCountsByUser, totalCounts } from './task-counts.js';

export interface ReaderProgress {
  /** The reader's pseudonym in the project (null before they have one). */
  radId: string | null;
  userId: number;
  username: string;
  displayName: string;
  done: number;
  remaining: number;
  skipped: number;
  /** null before their first submitted read. */
  medianReadingMs: number | null;
}

export interface ProjectProgress {
  images: number;
  reads: { needed: number; submitted: number; inProgress: number; pending: number; skipped: number };
  /** Consensus projects only. */
  consensus?: { open: number; final: number };
  perReader: ReaderProgress[];
  agreement: ReadAgreement | null;
}

export async function projectProgress(db: Kysely<Database>, project: Project, options: { agreement?: boolean } = {}): Promise<ProjectProgress> {
  const imageCount = await db.selectFrom('images').select((eb) => eb.fn.countAll<number>().as('n')).where('project_id', '=', project.id).executeTakeFirstOrThrow();
  const images = Number(imageCount.n);
  const byUser = await taskCountsByUser(db, project.id, 'annotate');
  const total = totalCounts(byUser);
  const medians = await medianReadingMs(db, project.id);

  // readers: everyone with annotate tasks, and every active annotator (who may have none yet)
  const annotators = await db.selectFrom('memberships').select('user_id').where('project_id', '=', project.id).where('role', '=', 'annotator').where('active', '=', 1).execute();
  const userIds = [...new Set([...byUser.keys(), ...annotators.map((m) => m.user_id)])];
  const people = userIds.length === 0 ? [] : await db
    .selectFrom('users as u')
    .leftJoin('reader_pseudonyms as p', (join) => join.onRef('p.user_id', '=', 'u.id').on('p.project_id', '=', project.id))
    .select(['u.id', 'u.username', 'u.display_name', 'p.rad_id', 'p.number'])
    .where('u.id', 'in', userIds)
    .execute();
  const perReader = people
    .map((p): ReaderProgress & { order: number } => {
      const counts = byUser.get(p.id) ?? emptyCounts();
      return {
        radId: p.rad_id ?? null,
        userId: p.id,
        username: p.username,
        displayName: p.display_name,
        done: counts.submitted,
        remaining: counts.pending + counts.in_progress,
        skipped: counts.skipped,
        medianReadingMs: medians.get(p.id) ?? null,
        order: p.number ?? Number.MAX_SAFE_INTEGER,
      };
    })
    .sort((a, b) => a.order - b.order || a.userId - b.userId)
    .map(({ order: _order, ...reader }) => reader);

  const progress: ProjectProgress = {
    images,
    reads: { needed: images * project.readers_per_image, submitted: total.submitted, inProgress: total.in_progress, pending: total.pending, skipped: total.skipped },
    perReader,
    agreement: options.agreement === false ? null : await cachedAgreement(db, project),
  };
  if (project.workflow === 'consensus') {
    const rows = await db.selectFrom('consensus').select((eb) => ['status', eb.fn.countAll<number>().as('n')]).where('project_id', '=', project.id).groupBy('status').execute();
    progress.consensus = { open: 0, final: 0 };
    for (const r of rows) progress.consensus[r.status] = Number(r.n);
  }
  return progress;
}

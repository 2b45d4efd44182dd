// Creates the tasks a set of images still needs, for one task kind: reads the images' tasks, plans who
// gets each (planAssignment: distinct, balanced by open load, never someone already on the image), and
// inserts the new pending tasks at the end of each holder's order, shuffled per holder with a seed
// derived from the project's assignment seed. Runs inside the caller's transaction.
import type { Kysely } from 'kysely';
import type { Database, NewTask, Project, Split, TaskKind, TaskStatus } from '../db/database.js';
import { now } from '../db/dialect.js';
import { planAssignment, type ImageNeed } from './plan-assignment.js';
import { readerSeed, shuffledPositions } from './reader-order.js';

/** Rows per INSERT (and ids per IN list). */
export const BATCH_SIZE = 1000;

/** A task counts as one of an image's reads unless it was skipped or re-assigned. */
export const LIVE_STATUSES: readonly TaskStatus[] = ['pending', 'in_progress', 'submitted'];
export const OPEN_STATUSES: readonly TaskStatus[] = ['pending', 'in_progress'];

export interface PlaceTasksArgs {
  project: Project;
  kind: TaskKind;
  /** The images to fill; undefined: every image of the project (of `split`, when given). */
  imageIds?: readonly number[];
  split?: Split;
  /** Who may be given the tasks (active members with the kind's role). */
  candidates: readonly number[];
  /** The planner's seed (ties between equally loaded candidates). */
  seed: number;
  /** At most this many new tasks per image (e.g. 1 to replace one read); default: up to the target. */
  maxPerImage?: number;
}

/** One holder's new tasks: `count` positions from `start` on, shuffled with `seed`. */
export interface ReaderBatch {
  userId: number;
  count: number;
  start: number;
  seed: number;
}

export interface Placement {
  created: number;
  perReader: ReaderBatch[];
  /** Tasks that could not be placed (too few eligible members). */
  shortfall: number;
  /** Images left with fewer tasks than they need. */
  imagesShort: number;
}

interface ImageTasks {
  live: number;
  holders: number[];
}

export function chunks<T>(items: readonly T[], size = BATCH_SIZE): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export async function placeTasks(tx: Kysely<Database>, args: PlaceTasksArgs): Promise<Placement> {
  const { project, kind } = args;
  const target = kind === 'annotate' ? project.readers_per_image : project.reviewers_per_image;
  const imageIds = args.imageIds !== undefined ? [...new Set(args.imageIds)] : await projectImages(tx, project.id, args.split);
  const tasks = await imageTasks(tx, project.id, kind, args.imageIds === undefined ? undefined : imageIds);

  const needs: ImageNeed[] = [];
  for (const imageId of imageIds) {
    const existing = tasks.get(imageId);
    let needed = target - (existing?.live ?? 0);
    if (args.maxPerImage !== undefined) needed = Math.min(needed, args.maxPerImage);
    if (needed > 0) needs.push({ imageId, needed, holders: existing?.holders ?? [] });
  }
  if (needs.length === 0) return { created: 0, perReader: [], shortfall: 0, imagesShort: 0 };

  const load = await openLoad(tx, project.id, kind, args.candidates);
  const plan = planAssignment({ images: needs, candidates: args.candidates, load, seed: args.seed });

  const byUser = new Map<number, number[]>();
  for (const { imageId, userId } of plan.assignments) {
    const list = byUser.get(userId);
    if (list === undefined) byUser.set(userId, [imageId]);
    else list.push(imageId);
  }
  const starts = await nextPositions(tx, project.id, [...byUser.keys()]);
  const at = now();
  const rows: NewTask[] = [];
  const perReader: ReaderBatch[] = [];
  for (const [userId, images] of [...byUser].sort((a, b) => a[0] - b[0])) {
    images.sort((a, b) => a - b);
    const start = starts.get(userId) ?? 0;
    const seed = readerSeed(project.assignment_seed, userId, start);
    const positions = shuffledPositions(images.length, seed);
    perReader.push({ userId, count: images.length, start, seed });
    images.forEach((imageId, i) => {
      rows.push({
        project_id: project.id, image_id: imageId, kind, user_id: userId, status: 'pending', position: start + positions[i]!,
        version: 0, reading_ms: 0, skip_reason: null, created_at: at, started_at: null, submitted_at: null, updated_at: at,
      });
    });
  }
  // Insert in each holder's order, so a table scan meets tasks roughly as readers will.
  rows.sort((a, b) => a.user_id - b.user_id || a.position - b.position);
  for (const batch of chunks(rows)) await tx.insertInto('tasks').values(batch).execute();
  return { created: rows.length, perReader, shortfall: plan.shortfall, imagesShort: plan.short.length };
}

async function projectImages(tx: Kysely<Database>, projectId: number, split: Split | undefined): Promise<number[]> {
  let query = tx.selectFrom('images').select('id').where('project_id', '=', projectId);
  if (split !== undefined) query = query.where('split', '=', split);
  return (await query.orderBy('id').execute()).map((r) => r.id);
}

/**
 * Per image: how many live tasks of `kind` it has, and who is already on it: anyone with a task of
 * `kind` on it (in any status: the table holds one task per image, kind and user), and for reviews also
 * everyone who holds a read of it (a reviewer never reviews an image they read).
 */
async function imageTasks(tx: Kysely<Database>, projectId: number, kind: TaskKind, imageIds: readonly number[] | undefined): Promise<Map<number, ImageTasks>> {
  const kinds: TaskKind[] = kind === 'annotate' ? ['annotate'] : ['annotate', 'review'];
  const base = tx.selectFrom('tasks').select(['image_id', 'user_id', 'kind', 'status']).where('kind', 'in', kinds);
  const rows = imageIds === undefined ? await base.where('project_id', '=', projectId).execute() : [];
  // By image id alone (an image belongs to one project): with project_id in the WHERE, SQLite's planner
  // (no statistics) picks the (project_id, kind, status) index and scans the whole project per chunk,
  // e.g. on every last read of a consensus project; this way it seeks the UNIQUE (image_id, kind, user_id).
  if (imageIds !== undefined) for (const ids of chunks(imageIds)) rows.push(...(await base.where('image_id', 'in', ids).execute()));
  const out = new Map<number, ImageTasks>();
  for (const row of rows) {
    let entry = out.get(row.image_id);
    if (entry === undefined) out.set(row.image_id, (entry = { live: 0, holders: [] }));
    if (!entry.holders.includes(row.user_id)) entry.holders.push(row.user_id);
    if (row.kind === kind && LIVE_STATUSES.includes(row.status)) entry.live++;
  }
  return out;
}

/** Each candidate's open tasks of `kind` in the project. */
async function openLoad(tx: Kysely<Database>, projectId: number, kind: TaskKind, candidates: readonly number[]): Promise<Map<number, number>> {
  const load = new Map<number, number>();
  if (candidates.length === 0) return load;
  const wanted = new Set(candidates);
  const rows = await tx
    .selectFrom('tasks')
    .select(['user_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('project_id', '=', projectId)
    .where('kind', '=', kind)
    .where('status', 'in', OPEN_STATUSES)
    .groupBy('user_id')
    .execute();
  for (const row of rows) if (wanted.has(row.user_id)) load.set(row.user_id, Number(row.n));
  return load;
}

/** Where each user's next tasks go: after the last position they hold in the project (0 when none). */
export async function nextPositions(tx: Kysely<Database>, projectId: number, userIds: readonly number[]): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  for (const ids of chunks(userIds)) {
    const rows = await tx
      .selectFrom('tasks')
      .select(['user_id', (eb) => eb.fn.max<number>('position').as('last')])
      .where('project_id', '=', projectId)
      .where('user_id', 'in', ids)
      .groupBy('user_id')
      .execute();
    for (const row of rows) if (row.last !== null) out.set(row.user_id, Number(row.last) + 1);
  }
  return out;
}

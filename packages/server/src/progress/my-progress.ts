// A member's own progress: their reads done and remaining and their median reading time, and their
// review tasks. Nothing about anyone else.
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { medianReadingMs } from './median-reading-time.js';
import { emptyCounts, taskCountsByUser } from './task-counts.js';

export interface MyProgress {
  done: number;
  remaining: number;
  skipped: number;
  medianReadingMs: number | null;
  reviews: { done: number; remaining: number };
}

export async function myProgress(db: Kysely<Database>, projectId: number, userId: number): Promise<MyProgress> {
  const reads = (await taskCountsByUser(db, projectId, 'annotate', userId)).get(userId) ?? emptyCounts();
  const reviews = (await taskCountsByUser(db, projectId, 'review', userId)).get(userId) ?? emptyCounts();
  const median = (await medianReadingMs(db, projectId, userId)).get(userId);
  return {
    done: reads.submitted,
    remaining: reads.pending + reads.in_progress,
    skipped: reads.skipped,
    medianReadingMs: median ?? null,
    reviews: { done: reviews.submitted, remaining: reviews.pending + reviews.in_progress },
  };
}

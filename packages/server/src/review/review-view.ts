// What a reviewer (or a manager) sees of a review task: the image, the submitted reads labelled by the
// readers' pseudonyms, the votes for each global label, the consensus and the approvals. No user id or
// name of a reader or reviewer is in it.
import { globalLabels } from '@cxrlab/dataset';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { notFound } from '../http/api-error.js';
import type { ContentBox } from './consensus-content.js';
import { readConsensus, type ConsensusState } from './consensus-read.js';
import { headerView, type WindowView } from '../image-routes/header-view.js';
import { submittedReads } from './image-reads.js';
import { reviewerNames } from './panel-names.js';
import { reviewPanel } from './review-panel.js';
import { projectSchema } from './project-labels.js';
import type { ReviewTask } from './review-task.js';

export interface ReviewView {
  task: { id: number; status: string; version: number };
  image: { id: number; imageId: string; width: number; height: number; windows: WindowView[] };
  reads: { reader: string; globals: string[]; boxes: ContentBox[] }[];
  votes: Record<string, number>;
  consensus: ConsensusState;
  approvals: { reviewer: string; version: number; current: boolean; mine: boolean }[];
  /** How many reviewers must approve: the image's review tasks that are not re-assigned. */
  reviewers: number;
}

export async function reviewView(db: Kysely<Database>, { task, project, image, userId }: ReviewTask): Promise<ReviewView> {
  const consensus = await readConsensus(db, image.id);
  if (consensus === undefined) throw notFound(`consensus of image ${image.image_id}`);
  const reads = await submittedReads(db, image);
  const votes: Record<string, number> = {};
  for (const label of globalLabels(projectSchema(project))) votes[label.name] = reads.filter((r) => r.globals.includes(label.name)).length;
  const names = await reviewerNames(db, image);
  const approvals = await db.selectFrom('approvals').select(['user_id', 'version']).where('image_id', '=', image.id).execute();
  const panel = await reviewPanel(db, image.id);
  return {
    task: { id: task.id, status: task.status, version: task.version },
    image: { id: image.id, imageId: image.image_id, width: image.width, height: image.height, windows: headerView(image.header_json).windows },
    reads: reads.map((r) => ({ reader: r.reader, globals: r.globals, boxes: r.boxes })),
    votes,
    consensus,
    approvals: approvals
      .map((a) => ({ reviewer: names.get(a.user_id) ?? 'Reviewer', version: a.version, current: a.version === consensus.version, mine: a.user_id === userId }))
      .sort((a, b) => a.reviewer.localeCompare(b.reviewer, 'en', { numeric: true })),
    reviewers: panel.length,
  };
}

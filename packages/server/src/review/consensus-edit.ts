// An edit of the shared consensus, in one transaction: the version moves on (a stale version is a 409),
// the labels are replaced, and every approval is withdrawn (each one recorded in the audit log).
import type { Kysely } from 'kysely';
import type { Database, Image } from '../db/database.js';
import { now } from '../db/dialect.js';
import { audit } from '../audit/audit.js';
import { rowsOfContent, type ConsensusContent } from './consensus-content.js';
import { lockConsensus } from './consensus-lock.js';
import { assertStillAssigned } from './review-task.js';

export interface ConsensusEdit {
  image: Pick<Image, 'id' | 'project_id'>;
  taskId: number;
  userId: number;
  /** The version the editor saw. */
  version: number;
  /** Labels already checked against the schema. */
  content: ConsensusContent;
  /** What the audit log says about the edit beyond the counts (e.g. what was copied). */
  detail?: Record<string, unknown>;
}

export interface EditResult {
  version: number;
  /** How many approvals the edit withdrew. */
  withdrawn: number;
}

export async function editConsensus(db: Kysely<Database>, edit: ConsensusEdit): Promise<EditResult> {
  return db.transaction().execute(async (tx) => {
    await assertStillAssigned(tx, edit.taskId);
    await lockConsensus(tx, edit.image.id, edit.version, { userId: edit.userId });
    await tx.deleteFrom('consensus_annotations').where('image_id', '=', edit.image.id).execute();
    const rows = rowsOfContent(edit.image.id, edit.content);
    if (rows.length > 0) await tx.insertInto('consensus_annotations').values(rows).execute();
    const approvals = await tx.selectFrom('approvals').select(['user_id', 'version']).where('image_id', '=', edit.image.id).orderBy('user_id').execute();
    if (approvals.length > 0) await tx.deleteFrom('approvals').where('image_id', '=', edit.image.id).execute();
    const version = edit.version + 1;
    for (const approval of approvals) {
      await audit(tx, {
        userId: edit.userId,
        projectId: edit.image.project_id,
        action: 'withdraw-approval',
        entity: 'approval',
        entityId: `${edit.image.id}:${approval.user_id}`,
        detail: { imageId: edit.image.id, reviewerId: approval.user_id, approvedVersion: approval.version, reason: 'consensus edited', newVersion: version },
      });
    }
    await audit(tx, {
      userId: edit.userId,
      projectId: edit.image.project_id,
      action: 'edit-consensus',
      entity: 'consensus',
      entityId: edit.image.id,
      detail: { version, globals: edit.content.globals, boxes: edit.content.boxes.length, withdrawn: approvals.length, ...edit.detail },
    });
    await startTask(tx, edit.taskId);
    return { version, withdrawn: approvals.length };
  });
}

/** A pending review task becomes in progress on its reviewer's first change. */
export async function startTask(tx: Kysely<Database>, taskId: number): Promise<void> {
  const at = now();
  await tx.updateTable('tasks').set({ status: 'in_progress', started_at: at, updated_at: at }).where('id', '=', taskId).where('status', '=', 'pending').execute();
}

// Approving a consensus version, and withdrawing an approval. An approval names the version it approves;
// the consensus must be at that version and pass the project's rules. When the image's whole review panel
// (reviewPanel: live review tasks of active reviewers) has approved the current version, the consensus is final
// and their review tasks are submitted, in the same transaction. The row lock taken by lockConsensus
// makes concurrent approvals (and an edit racing an approval) take turns.
import { checkRead } from '@cxrlab/dataset';
import type { Kysely } from 'kysely';
import type { Database, Image, Project } from '../db/database.js';
import { now } from '../db/dialect.js';
import { audit } from '../audit/audit.js';
import { ApiError } from '../http/api-error.js';
import { contentOfRows } from './consensus-content.js';
import { startTask } from './consensus-edit.js';
import { lockConsensus } from './consensus-lock.js';
import { projectRules, projectSchema } from './project-labels.js';
import { reviewPanel } from './review-panel.js';
import { assertStillAssigned } from './review-task.js';

export interface ApprovalRequest {
  project: Pick<Project, 'schema_json' | 'rules_json'>;
  image: Pick<Image, 'id' | 'project_id' | 'width' | 'height'>;
  taskId: number;
  userId: number;
  version: number;
}

export async function approveConsensus(db: Kysely<Database>, request: ApprovalRequest): Promise<{ approved: true; final: boolean }> {
  const { image, userId, version } = request;
  const schema = projectSchema(request.project);
  const rules = projectRules(request.project, schema);
  return db.transaction().execute(async (tx) => {
    await assertStillAssigned(tx, request.taskId);
    await lockConsensus(tx, image.id, version);
    const rows = await tx.selectFrom('consensus_annotations').selectAll().where('image_id', '=', image.id).orderBy('id').execute();
    const violations = checkRead(rules, schema, contentOfRows(rows), { width: image.width, height: image.height });
    if (violations.length > 0) {
      throw new ApiError(422, 'ERR_RULES', `the consensus breaks ${violations.length} of the project's rules: ${violations[0]!.message}`, undefined, { violations });
    }
    const at = now();
    await tx
      .insertInto('approvals')
      .values({ image_id: image.id, user_id: userId, version, approved_at: at })
      .onConflict((oc) => oc.columns(['image_id', 'user_id']).doUpdateSet({ version, approved_at: at }))
      .execute();
    await audit(tx, { userId, projectId: image.project_id, action: 'approve', entity: 'consensus', entityId: image.id, detail: { version } });
    await startTask(tx, request.taskId);

    const panel = await reviewPanel(tx, image.id);
    const approvers = new Set((await tx.selectFrom('approvals').select('user_id').where('image_id', '=', image.id).where('version', '=', version).execute()).map((a) => a.user_id));
    const final = panel.length > 0 && panel.every((p) => approvers.has(p.user_id));
    if (final) {
      await tx.updateTable('consensus').set({ status: 'final', updated_at: at }).where('image_id', '=', image.id).execute();
      await tx.updateTable('tasks').set({ status: 'submitted', submitted_at: at, updated_at: at }).where('id', 'in', panel.map((p) => p.id)).execute();
      await audit(tx, { userId, projectId: image.project_id, action: 'finalize-consensus', entity: 'consensus', entityId: image.id, detail: { version, reviewers: panel.length } });
    }
    return { approved: true as const, final };
  });
}

/** Removes the caller's approval while the consensus is open; false when there was none. */
export async function withdrawApproval(db: Kysely<Database>, request: Omit<ApprovalRequest, 'version' | 'project'>): Promise<{ withdrawn: boolean }> {
  const { image, userId } = request;
  return db.transaction().execute(async (tx) => {
    await assertStillAssigned(tx, request.taskId);
    await lockConsensus(tx, image.id, undefined);
    const removed = await tx.deleteFrom('approvals').where('image_id', '=', image.id).where('user_id', '=', userId).returning('version').executeTakeFirst();
    if (removed === undefined) return { withdrawn: false };
    await audit(tx, {
      userId,
      projectId: image.project_id,
      action: 'withdraw-approval',
      entity: 'approval',
      entityId: `${image.id}:${userId}`,
      detail: { imageId: image.id, reviewerId: userId, approvedVersion: removed.version, reason: 'withdrawn by the reviewer' },
    });
    return { withdrawn: true };
  });
}

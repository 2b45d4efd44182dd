// The audit log: one append-only row per change, written in the same transaction as the change.
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { now } from '../db/dialect.js';

export interface AuditEntry {
  userId: number | null;
  projectId?: number | null;
  action: string;
  entity: string;
  entityId?: string | number | null;
  detail?: Record<string, unknown>;
}

export async function audit(db: Kysely<Database>, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: now(),
      user_id: entry.userId,
      project_id: entry.projectId ?? null,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
      detail_json: JSON.stringify(entry.detail ?? {}),
    })
    .execute();
}

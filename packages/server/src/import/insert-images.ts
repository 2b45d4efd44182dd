// One batch of new images in one transaction, with its audit entry. A row another import inserted
// first (same project and image id) is skipped, not an error: the caller judges that file again.
import type { Kysely } from 'kysely';
import { audit } from '../audit/audit.js';
import type { Database, Split } from '../db/database.js';
import { now } from '../db/dialect.js';
import type { Inspection } from './inspect-file.js';

type Ok = Extract<Inspection, { status: 'ok' }>;

export interface InsertContext {
  projectId: number;
  split: Split;
  actorId: number | null;
  runId: number;
}

/** The new rows' ids by image id (absent: registered meanwhile by someone else). */
export async function insertImages(db: Kysely<Database>, context: InsertContext, fresh: ReadonlyArray<{ ok: Ok; path: string }>): Promise<Map<string, number>> {
  const at = now();
  return db.transaction().execute(async (tx) => {
    const rows = await tx
      .insertInto('images')
      .values(
        fresh.map(({ ok, path }) => ({
          project_id: context.projectId,
          image_id: ok.imageId,
          split: context.split,
          path,
          file_size: ok.size,
          width: ok.header.width,
          height: ok.header.height,
          bits_stored: ok.header.bitsStored,
          photometric: ok.header.photometric,
          header_json: JSON.stringify({ windows: ok.header.windows, keyValues: ok.header.keyValues, transferSyntaxUid: ok.header.transferSyntaxUid }),
          created_at: at,
        })),
      )
      .onConflict((oc) => oc.columns(['project_id', 'image_id']).doNothing())
      .returning(['id', 'image_id'])
      .execute();
    await audit(tx, { userId: context.actorId, projectId: context.projectId, action: 'add', entity: 'image', entityId: context.runId, detail: { runId: context.runId, split: context.split, imageIds: rows.map((r) => r.image_id) } });
    return new Map(rows.map((r) => [r.image_id, r.id]));
  });
}

// Agreement is the one expensive part of a project's progress (every submitted read is read and
// compared), while dashboards ask for it again and again. It is kept per database and project and
// computed again only when the submitted reads change: their count or latest update, or the schema.
import type { Kysely } from 'kysely';
import type { LabelSchema } from '@cxrlab/dataset';
import type { Database, Project } from '../db/database.js';
import { loadSubmittedReads } from '../export/load-reads.js';
import { readAgreement, type ReadAgreement } from './read-agreement.js';

interface Entry {
  stamp: string;
  agreement: ReadAgreement | null;
}

const CACHE = new WeakMap<Kysely<Database>, Map<number, Entry>>();
const PROJECTS_KEPT = 32;

export async function cachedAgreement(db: Kysely<Database>, project: Project): Promise<ReadAgreement | null> {
  const state = await db
    .selectFrom('tasks')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('updated_at').as('last')])
    .where('project_id', '=', project.id)
    .where('kind', '=', 'annotate')
    .where('status', '=', 'submitted')
    .executeTakeFirstOrThrow();
  const stamp = `${Number(state.n)}\u0000${state.last ?? ''}\u0000${project.schema_json}`;
  let byProject = CACHE.get(db);
  if (byProject === undefined) CACHE.set(db, (byProject = new Map()));
  const hit = byProject.get(project.id);
  if (hit !== undefined && hit.stamp === stamp) return hit.agreement;
  const agreement = await computeAgreement(db, project);
  byProject.delete(project.id);
  byProject.set(project.id, { stamp, agreement });
  if (byProject.size > PROJECTS_KEPT) byProject.delete(byProject.keys().next().value!);
  return agreement;
}

async function computeAgreement(db: Kysely<Database>, project: Project): Promise<ReadAgreement | null> {
  const rows = await db.selectFrom('images').select(['id', 'image_id', 'split']).where('project_id', '=', project.id).execute();
  const reads = await loadSubmittedReads(db, project.id, new Map(rows.map((r) => [r.id, r])), { withoutPseudonym: 'internal' });
  return readAgreement(reads, JSON.parse(project.schema_json) as LabelSchema);
}

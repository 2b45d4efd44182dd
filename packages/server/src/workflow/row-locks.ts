// Serialising workflow changes without dialect-specific SQL: an UPDATE that sets a column to itself takes
// the row's write lock until commit in PostgreSQL (as SELECT ... FOR UPDATE would) and the database's
// write lock in SQLite, so two assignments of one project, or two last reads of one image, run one after
// the other and each sees what the other wrote.
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';

/** Holds the project's row lock until the transaction ends (assignment, re-assignment, skips). */
export async function lockProject(tx: Kysely<Database>, projectId: number): Promise<void> {
  await tx.updateTable('projects').set((eb) => ({ assignment_seed: eb.ref('assignment_seed') })).where('id', '=', projectId).execute();
}

/** Holds the image's row lock until the transaction ends (a submit that may complete the image's reads). */
export async function lockImage(tx: Kysely<Database>, imageId: number): Promise<void> {
  await tx.updateTable('images').set((eb) => ({ project_id: eb.ref('project_id') })).where('id', '=', imageId).execute();
}

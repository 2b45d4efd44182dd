// Who may see an image (its header, pixels, thumbnail): global admins, the owners of its project, and
// active members of the project who have a task on it (annotate or review, any status but re-assigned
// away); a member who left loses access. Everyone else is told the image does not exist.
import type { Kysely } from 'kysely';
import type { Auth } from '../context.js';
import type { Database, Image } from '../db/database.js';

export async function canSeeImage(db: Kysely<Database>, auth: Auth | undefined, image: Pick<Image, 'id' | 'project_id'>): Promise<boolean> {
  if (auth === undefined) return false;
  if (auth.user.is_admin === 1) return true;
  const roles = await db
    .selectFrom('memberships')
    .select('role')
    .where('project_id', '=', image.project_id)
    .where('user_id', '=', auth.user.id)
    .where('active', '=', 1)
    .execute();
  if (roles.length === 0) return false;
  if (roles.some((r) => r.role === 'owner')) return true;
  const task = await db
    .selectFrom('tasks')
    .select('id')
    .where('image_id', '=', image.id)
    .where('user_id', '=', auth.user.id)
    .where('status', '!=', 'reassigned')
    .limit(1)
    .executeTakeFirst();
  return task !== undefined;
}

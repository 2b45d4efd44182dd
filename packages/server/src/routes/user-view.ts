import { Type } from 'typebox';
import type { User } from '../db/database.js';

export const PublicUserSchema = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  isAdmin: Type.Boolean(),
  disabled: Type.Boolean(),
});

/** A user as the API shows it: never the password hash. */
export const publicUser = (u: User) => ({ id: u.id, username: u.username, displayName: u.display_name, isAdmin: u.is_admin === 1, disabled: u.disabled === 1 });

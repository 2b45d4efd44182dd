// Schema pieces shared by routes.
import { Type } from 'typebox';

export const ErrorSchema = Type.Object({
  error: Type.Object({ code: Type.String(), message: Type.String(), field: Type.Optional(Type.String()) }, { additionalProperties: true }),
});

/** A project key as used in URLs: upper-case letters, digits, - and _, starting with a letter. */
export const ProjectKey = Type.String({ pattern: '^[A-Z][A-Z0-9_-]{0,31}$', description: 'project key, e.g. VINDR-TRAIN' });

export const IdParam = Type.Integer({ minimum: 1, maximum: 2147483647 });

export const Username = Type.String({ pattern: '^[a-z0-9][a-z0-9._-]{1,63}$', description: 'lower-case letters, digits, . _ -' });

// What the pages say when a request fails: the server's message, the field it names, and whether an
// error belongs to a given form field (so it can be shown beside that input).
import { ApiError } from '../api/api-error.js';

/** The message to show for any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}

/** The request field an error names (e.g. `body.key`), if any. */
export const errorField = (error: unknown): string | undefined => (error instanceof ApiError ? error.details.field : undefined);

/**
 * True when `error` names `field` or something inside it: `body.schema` matches `body.schema`,
 * `body.schema.labels[2].name` and `body.schema[0]`, but not `body.schemaVersion`.
 */
export function isFieldError(error: unknown, field: string): boolean {
  const named = errorField(error);
  if (named === undefined) return false;
  if (named === field) return true;
  return named.startsWith(field) && (named[field.length] === '.' || named[field.length] === '[');
}

/** The message with " (field: x)" appended when the message does not already name the field. */
export function errorWithField(error: unknown): string {
  const message = errorMessage(error);
  const field = errorField(error);
  return field === undefined || message.includes(field) ? message : `${message} (field: ${field})`;
}

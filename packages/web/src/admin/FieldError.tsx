// The error under a form input: a local check's message, or the server's when it names this field.
import { errorMessage, isFieldError } from './api-error-text.js';

export function FieldError({ id, field, local, server }: { id: string; field: string; local?: { field: string; message: string } | undefined; server?: unknown }) {
  const message = local?.field === field ? local.message : server !== undefined && isFieldError(server, field) ? errorMessage(server) : undefined;
  if (message === undefined) return null;
  return (
    <span id={id} className="field-error error" role="alert">
      {message}
    </span>
  );
}

/** True when an error is shown beside one of `fields` (so the form's general error line can leave it out). */
export const shownAtField = (error: unknown, fields: readonly string[]): boolean => fields.some((f) => isFieldError(error, f));

// What the review view does when a change of the consensus (an edit, a copy, an approval) fails, and
// what it does with a fresh review view from the poll. Pure decisions; the sync hook carries them out.
// The rule: a change the server did not take is never dropped silently — it stays on screen as a notice
// the reviewer can re-apply or dismiss.
import { isApiError } from '../api/api-error.js';

export type Failure =
  /** Another reviewer (or another window) changed the consensus first: reload, keep the edit as a notice. */
  | { kind: 'conflict'; currentVersion: number | undefined; message: string }
  /** The consensus became final meanwhile: reload; the edit cannot be applied any more. */
  | { kind: 'final'; message: string }
  /** The approval broke the rules (422): show the violations. */
  | { kind: 'rules'; message: string }
  /** No connection: keep the edit and try again. */
  | { kind: 'offline'; message: string }
  /** The task is not the caller's to change (a manager viewing, or re-assigned/skipped): read-only. */
  | { kind: 'readonly'; message: string }
  /** Refused for another reason (a bad label ...): keep the edit, show the server's message. */
  | { kind: 'refused'; message: string };

export function classifyFailure(error: unknown): Failure {
  if (isApiError(error, 'ERR_VERSION_CONFLICT')) return { kind: 'conflict', currentVersion: error.details.currentVersion, message: error.message };
  if (isApiError(error, 'ERR_CONFLICT')) {
    return /final/i.test(error.message) ? { kind: 'final', message: error.message } : { kind: 'readonly', message: error.message };
  }
  if (isApiError(error, 'ERR_RULES')) return { kind: 'rules', message: error.message };
  if (isApiError(error, 'ERR_NETWORK') || isApiError(error, 'ERR_BUSY')) return { kind: 'offline', message: error.message };
  if (isApiError(error, 'ERR_FORBIDDEN') || isApiError(error, 'ERR_NOT_FOUND')) return { kind: 'readonly', message: error.message };
  if (isApiError(error) && error.status >= 500) return { kind: 'offline', message: error.message };
  return { kind: 'refused', message: error instanceof Error ? error.message : String(error) };
}

/** The sentence the conflict notice opens with. */
export function notSavedMessage(failure: Failure, who: string): string {
  switch (failure.kind) {
    case 'conflict':
      return `Your change was not saved: ${who} changed it first${failure.currentVersion !== undefined ? ` (now version ${failure.currentVersion})` : ''}.`;
    case 'final':
      return 'Your change was not saved: the consensus became final meanwhile.';
    case 'readonly':
      return `Your change was not saved: ${failure.message}.`;
    default:
      return `Your change was not saved: ${failure.message}`;
  }
}

export interface LocalState {
  /** The version the editor's content is based on. */
  version: number;
  /** The editor differs from what the server has at `version`. */
  dirty: boolean;
  /** A change is on its way to the server. */
  inFlight: boolean;
  /** The consensus status the editor shows ('open' or 'final'). */
  status: string;
}

/**
 * A polled review view against the local state:
 * - 'same': nothing new (same version), or an answer older than what we already have (ignore its consensus);
 * - 'adopt': the server moved on and nothing local is pending: show the server's consensus;
 * - 'wait': a change of ours is in flight (its answer decides);
 * - 'behind': the server moved on while we have unsaved edits: the next save will be refused, so save
 *   now to surface the conflict (and keep the edit as a notice) rather than adopt and lose it.
 */
export function pollDecision(local: LocalState, server: { version: number; status: string }): 'same' | 'adopt' | 'wait' | 'behind' {
  if (local.inFlight) return 'wait';
  if (server.version < local.version) return 'same';
  if (server.version === local.version && server.status === local.status) return 'same';
  return local.dirty ? 'behind' : 'adopt';
}

// Where the read is: "Saved", "Saving…", "Offline: kept on this device", a refusal, or read-only.
import type { SaveStatus } from './autosaver.js';

export function draftStatusText(status: SaveStatus, readOnly: boolean): string {
  if (readOnly) return 'Read-only';
  switch (status.kind) {
    case 'saved':
      return 'Saved';
    case 'saving':
      return 'Saving…';
    case 'offline':
      return 'Offline: kept on this device';
    case 'error':
      return 'Not saved: kept on this device';
    case 'stopped':
      return 'Not saving';
  }
}

export function DraftStatus({ status, readOnly }: { status: SaveStatus; readOnly: boolean }) {
  const text = draftStatusText(status, readOnly);
  const tone = readOnly ? 'muted' : status.kind === 'saved' ? 'ok' : status.kind === 'saving' ? 'muted' : 'warning';
  const title = status.kind === 'offline' ? `The server cannot be reached; retrying in ${Math.round(status.retryInMs / 1000)} s. Nothing is lost: the read is kept in this browser.` : status.kind === 'error' ? status.message : undefined;
  return (
    <span className={`draft-status ${tone}`} data-testid="draft-status" role="status" title={title}>
      <span className={`dot dot-${readOnly ? 'readonly' : status.kind}`} aria-hidden="true" />
      {text}
    </span>
  );
}

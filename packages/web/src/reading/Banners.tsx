// Notes over the top of the image: a read-only task, and a local draft the server's version replaced.
import type { DraftRecord } from './draft-store.js';
import { downloadDraft } from './download-draft.js';

export function ReadOnlyBanner({ message, onNext }: { message: string; onNext(): void }) {
  return (
    <div className="banner banner-info" role="status" data-testid="read-only-note">
      <span>{message}</span>
      <button type="button" className="small" onClick={onNext}>
        Next task
      </button>
    </div>
  );
}

export function ConflictBanner({ copy, imageId, onDismiss }: { copy: DraftRecord; imageId: string; onDismiss(): void }) {
  const n = copy.doc.boxes.length;
  return (
    <div className="banner banner-warning" role="alert" data-testid="conflict-note">
      <span>
        The server has a newer version of this read (saved from another tab or device); it is shown. Your version ({copy.doc.globals.length} global label
        {copy.doc.globals.length === 1 ? '' : 's'}, {n} box{n === 1 ? '' : 'es'}, {new Date(copy.savedAt).toLocaleTimeString()}) is kept on this device.
      </span>
      <button type="button" className="small" onClick={() => downloadDraft(copy, imageId)}>
        Download my version
      </button>
      <button type="button" className="ghost small" onClick={onDismiss} aria-label="Dismiss">
        ×
      </button>
    </div>
  );
}

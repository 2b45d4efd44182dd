// The bar above the image: which image and consensus version, whether the last edit is saved, how many
// readers' boxes are shown, and the side panel's toggle.
import type { SaveStatus } from './use-consensus-sync.js';

export interface ReviewBarProps {
  projectName: string;
  imageId: string;
  version: number;
  final: boolean;
  saveStatus: SaveStatus;
  saveError: string | null;
  readOnly: boolean;
  readersShown: number;
  readers: number;
  onToggleAllReaders(): void;
}

const SAVE_TEXT: Record<SaveStatus, string> = { saved: 'Saved', pending: 'Saving…', saving: 'Saving…', offline: 'Offline: not saved yet (retrying)', error: 'Not saved' };

export function ReviewBar(p: ReviewBarProps) {
  return (
    <div className="review-bar">
      <span className="review-task" data-testid="task-info" title={`image ${p.imageId}`}>
        <strong>Consensus review</strong>
        <span className="muted">{p.projectName} · </span>
        <code>{p.imageId.slice(0, 12)}…</code>
        <span className="muted"> · version {p.version}{p.final ? ' · final' : ''}</span>
      </span>
      {!p.final && !p.readOnly && (
        <span className={`review-save ${p.saveStatus}`} data-testid="draft-status" title={p.saveError ?? undefined} aria-live="polite">
          {SAVE_TEXT[p.saveStatus]}
        </span>
      )}
      <span className="spacer" />
      <button type="button" className="small" onMouseDown={(e) => e.preventDefault()} onClick={p.onToggleAllReaders} title="Show or hide every reader's boxes (A)">
        Readers shown {p.readersShown}/{p.readers}
      </button>
    </div>
  );
}

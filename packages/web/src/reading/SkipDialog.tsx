// Skipping an image needs a reason (the project owner reads it); common reasons are one click.
import { useEffect, useRef, useState } from 'react';

const REASONS = ['Image quality too poor to read', 'Not a chest radiograph', 'Wrong view or orientation', 'Conflict of interest'];

export function SkipDialog({ onSkip, onClose }: { onSkip(reason: string): Promise<boolean>; onClose(): void }) {
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => field.current?.focus(), []);
  const submit = async () => {
    if (reason.trim() === '' || busy) return;
    setBusy(true);
    const done = await onSkip(reason.trim());
    setBusy(false);
    if (done) onClose();
  };
  return (
    <div className="overlay" role="presentation" onPointerDown={(e) => e.target === e.currentTarget && onClose()}>
      <form
        className="dialog skip-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="skip-title"
        data-testid="skip-dialog"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            onClose();
          }
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void submit();
          }
        }}
      >
        <h1 id="skip-title">Skip this image</h1>
        <p className="muted">It goes to another reader when one is free. Your draft of it is discarded.</p>
        <div className="skip-reasons">
          {REASONS.map((r) => (
            <button type="button" key={r} className={reason === r ? 'chip on' : 'chip'} onClick={() => setReason(r)}>
              {r}
            </button>
          ))}
        </div>
        <label>
          Reason
          <textarea ref={field} rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} placeholder="Why can this image not be read?" required />
        </label>
        <div className="dialog-actions">
          <button type="button" className="ghost" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="danger" disabled={reason.trim() === '' || busy}>
            {busy ? 'Skipping…' : 'Skip image'}
          </button>
        </div>
      </form>
    </div>
  );
}

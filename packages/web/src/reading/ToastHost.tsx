// The toasts, bottom centre of the screen, over everything but dialogs; errors are announced (role=alert).
import { dismissToast, useToasts } from './toast-store.js';
import './reading.css';

export function ToastHost() {
  const toasts = useToasts();
  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((t) => (
        <div key={t.id} className={`toast toast-${t.kind}`} role={t.kind === 'error' ? 'alert' : 'status'} data-testid="toast">
          <span className="toast-message">
            {t.message}
            {t.count > 1 && <span className="toast-count"> ×{t.count}</span>}
          </span>
          <button type="button" className="ghost toast-close" aria-label="Dismiss" onClick={() => dismissToast(t.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}

// What blocks submission, live: every violation of the project's rules by the read as it is now (or the
// server's, after a refused submit), each its own item; a box's violation selects the box when clicked;
// the exclusive-label-with-boxes conflict offers "Delete all boxes".
import type { RuleViolation } from '../api/api-error.js';
import { boxIndexOf, isBoxConflict } from './violations.js';

export interface ValidationListProps {
  violations: readonly RuleViolation[];
  /** The server refused the submit with these (shown until the read changes). */
  fromServer: boolean;
  readOnly: boolean;
  onSelectBox(index: number): void;
  onDeleteAllBoxes(): void;
}

export function ValidationList({ violations, fromServer, readOnly, onSelectBox, onDeleteAllBoxes }: ValidationListProps) {
  const conflict = violations.some(isBoxConflict);
  const ok = violations.length === 0;
  return (
    <section className={`side-section validation ${ok ? 'valid' : 'invalid'}`} data-testid="validation" aria-live="polite" aria-labelledby="validation-title">
      <h2 id="validation-title" className="side-title">
        {ok ? (
          <span className="ok">✓ Ready to submit</span>
        ) : (
          <span className="error">
            {violations.length} {violations.length === 1 ? 'problem blocks' : 'problems block'} submission{fromServer ? ' (server)' : ''}
          </span>
        )}
      </h2>
      {!ok && (
        <ul className="violations">
          {violations.map((v, i) => {
            const box = boxIndexOf(v.path);
            return (
              <li key={`${v.code}-${v.path ?? ''}-${i}`} className="violation">
                {box !== undefined ? (
                  <button type="button" className="violation-link" onClick={() => onSelectBox(box)} title={`Select box ${box + 1}`}>
                    {v.message}
                  </button>
                ) : (
                  v.message
                )}
              </li>
            );
          })}
        </ul>
      )}
      {conflict && !readOnly && (
        <button type="button" className="danger small" onClick={onDeleteAllBoxes}>
          Delete all boxes
        </button>
      )}
    </section>
  );
}

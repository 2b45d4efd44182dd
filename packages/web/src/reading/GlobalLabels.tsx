// The image-level labels as checkboxes, in the schema's order, each with its description (tooltip and an
// info popover on hover) and its Alt+n key. "No finding" (an exclusive label) clears the others when
// turned on; boxes are never removed here (the validation list shows the conflict).
import { useState } from 'react';
import type { LabelDef } from './project-labels.js';
import { MAX_GLOBAL_KEYS } from './reading-commands.js';

export interface GlobalLabelsProps {
  labels: readonly LabelDef[];
  chosen: readonly string[];
  exclusive: readonly string[];
  readOnly: boolean;
  onToggle(label: string): void;
}

export function GlobalLabels({ labels, chosen, exclusive, readOnly, onToggle }: GlobalLabelsProps) {
  /** The label whose description is shown, and where (the panel scrolls, so the popover is fixed, left of the row). */
  const [info, setInfo] = useState<{ name: string; right: number; top: number } | null>(null);
  return (
    <section className="side-section" aria-labelledby="global-labels-title">
      <h2 id="global-labels-title" className="side-title">
        Global labels <span className="side-hint">Alt+1…{Math.min(labels.length, MAX_GLOBAL_KEYS)}</span>
      </h2>
      <div className="global-labels" role="group" aria-labelledby="global-labels-title" id="global-labels">
        {labels.map((label, i) => {
          const on = chosen.includes(label.name);
          const isExclusive = exclusive.includes(label.name);
          return (
            <label
              key={label.name}
              className={`global-label${on ? ' on' : ''}${isExclusive ? ' exclusive' : ''}`}
              title={label.definition}
              onMouseDown={(e) => e.preventDefault()}
              onPointerEnter={(e) => {
                const r = e.currentTarget.getBoundingClientRect();
                setInfo({ name: label.name, right: window.innerWidth - r.left + 10, top: r.top - 4 });
              }}
              onPointerLeave={() => setInfo((v) => (v?.name === label.name ? null : v))}
            >
              <input
                type="checkbox"
                data-testid={`global-label-${label.name}`}
                checked={on}
                disabled={readOnly}
                onChange={() => onToggle(label.name)}
                aria-describedby={`global-def-${i}`}
              />
              <span className="global-label-name">{label.name}</span>
              {i < MAX_GLOBAL_KEYS && <kbd className="global-label-key">{`Alt+${i + 1}`}</kbd>}
              <span id={`global-def-${i}`} className="visually-hidden">
                {label.definition}
              </span>
              {info?.name === label.name && label.definition !== '' && (
                <span className="info-popover" role="tooltip" style={{ right: info.right, top: info.top }}>
                  <strong>{label.name}</strong>
                  {isExclusive && <em> · excludes every other label and every box</em>}
                  <br />
                  {label.definition}
                </span>
              )}
            </label>
          );
        })}
      </div>
    </section>
  );
}

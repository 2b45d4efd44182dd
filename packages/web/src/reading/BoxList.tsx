// The boxes of the read, in drawing order: per-label counts, and one row per box (click selects; relabel;
// delete). The selected row stays in view.
import { useEffect, useRef } from 'react';
import type { DocBox } from '../tools/index.js';

export interface BoxListProps {
  boxes: readonly DocBox[];
  selected: string | null;
  hidden: boolean;
  readOnly: boolean;
  colorOf(label: string): string;
  onSelect(key: string): void;
  onRelabel(key: string): void;
  onDelete(key: string): void;
}

const noFocus = (e: { preventDefault(): void }) => e.preventDefault();

export function BoxList({ boxes, selected, hidden, readOnly, colorOf, onSelect, onRelabel, onDelete }: BoxListProps) {
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    list.current?.querySelector<HTMLElement>('[aria-current="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [selected]);
  const counts = new Map<string, number>();
  for (const b of boxes) counts.set(b.label, (counts.get(b.label) ?? 0) + 1);

  return (
    <section className="side-section box-section" aria-labelledby="box-list-title">
      <h2 id="box-list-title" className="side-title">
        Boxes <span className="badge">{boxes.length}</span>
        {hidden && <span className="side-hint warning">hidden (V)</span>}
      </h2>
      {counts.size > 0 && (
        <div className="box-counts" aria-label="Boxes per label">
          {[...counts].map(([label, n]) => (
            <span key={label} className="box-count" title={`${n} × ${label}`}>
              <span className="swatch" style={{ background: colorOf(label) }} />
              {label} <b>{n}</b>
            </span>
          ))}
        </div>
      )}
      <ol ref={list} className="box-list" data-testid="box-list" aria-label="Boxes">
        {boxes.map((box, i) => {
          const isSelected = box.key === selected;
          return (
            <li key={box.key} data-testid="box-item" data-label={box.label} data-key={box.key} aria-current={isSelected ? 'true' : undefined} className={isSelected ? 'box-item selected' : 'box-item'}>
              <button type="button" className="box-item-main" onMouseDown={noFocus} onClick={() => onSelect(box.key)} aria-pressed={isSelected} title={`Box ${i + 1}: ${box.label} (${Math.round(box.xMax - box.xMin)} × ${Math.round(box.yMax - box.yMin)} px)`}>
                <span className="box-index">{i + 1}</span>
                <span className="swatch" style={{ background: colorOf(box.label) }} />
                <span className="box-label">{box.label}</span>
              </button>
              {!readOnly && (
                <>
                  <button type="button" className="icon-button" onMouseDown={noFocus} onClick={() => onRelabel(box.key)} aria-label={`Relabel box ${i + 1}`} title="Relabel (L)">
                    ✎
                  </button>
                  <button type="button" className="icon-button danger-hover" onMouseDown={noFocus} onClick={() => onDelete(box.key)} aria-label={`Delete box ${i + 1}`} title="Delete (Del)">
                    ×
                  </button>
                </>
              )}
            </li>
          );
        })}
      </ol>
      {boxes.length === 0 && <p className="side-empty muted">{readOnly ? 'No boxes.' : 'No boxes. Drag on the image to draw one (B).'}</p>}
    </section>
  );
}

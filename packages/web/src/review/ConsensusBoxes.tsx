// The consensus's boxes, in order: click to select (the image shows it), relabel or delete. The boxes
// themselves are drawn and edited on the image with the box tool.
import type { DocBox } from '../tools/editor-types.js';

export interface ConsensusBoxesProps {
  boxes: readonly DocBox[];
  selected: string | null;
  disabled: boolean;
  colorOf(label: string): string;
  onSelect(key: string): void;
  onRelabel(key: string): void;
  onDelete(key: string): void;
}

export function ConsensusBoxes({ boxes, selected, disabled, colorOf, onSelect, onRelabel, onDelete }: ConsensusBoxesProps) {
  return (
    <section className="review-section" aria-labelledby="review-boxes-title">
      <div className="review-section-head">
        <h2 id="review-boxes-title">Consensus boxes</h2>
        <span className="muted">{boxes.length === 0 ? 'none: draw on the image or copy a reader’s' : `${boxes.length}`}</span>
      </div>
      <ol className="review-consensus-boxes" data-testid="box-list">
        {boxes.map((b, i) => (
          <li key={b.key} data-testid="box-item" data-label={b.label} aria-selected={b.key === selected} className={b.key === selected ? 'selected' : ''}>
            <button type="button" className="ghost review-box-select" onClick={() => onSelect(b.key)} aria-label={`Box ${i + 1}: ${b.label}`}>
              <span className="review-label-dot" style={{ background: colorOf(b.label) }} aria-hidden="true" />
              <span className="review-box-label">{i + 1}. {b.label}</span>
              <span className="muted review-box-size">{Math.round(b.xMax - b.xMin)}×{Math.round(b.yMax - b.yMin)}</span>
            </button>
            <button type="button" className="ghost" disabled={disabled} onClick={() => onRelabel(b.key)} aria-label={`Relabel box ${i + 1}`} title="Relabel (L)">
              ✎
            </button>
            <button type="button" className="ghost" disabled={disabled} onClick={() => onDelete(b.key)} aria-label={`Delete box ${i + 1}`} title="Delete (Del)">
              ✕
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}

// One reader's read in the side panel: the toggle of their boxes on the image (dashed, in their colour),
// their global labels, their boxes (each with a copy action), and "Copy all boxes" / "Copy whole read".
// Readers appear by pseudonym only (R1, R2...).
import type { ContentBox } from '@cxrlab/server/api-types';

export interface ReaderCardProps {
  reader: string;
  /** The read's place: the key Shift+(index+1) toggles it. */
  index: number;
  color: string;
  globals: readonly string[];
  boxes: readonly ContentBox[];
  visible: boolean;
  /** The reader the keyboard's copy commands act on. */
  selected: boolean;
  /** Copies are off (read-only, final, or a change on its way). */
  copyDisabled: boolean;
  onToggle(): void;
  onSelect(): void;
  onCopyBoxes(): void;
  onCopyRead(): void;
  onCopyBox(index: number): void;
  onHoverBox(index: number | null): void;
}

export function ReaderCard(p: ReaderCardProps) {
  const n = p.boxes.length;
  return (
    <section
      className={`review-reader${p.selected ? ' selected' : ''}${p.visible ? '' : ' hidden-reader'}`}
      aria-label={`Reader ${p.reader}`}
      style={{ ['--reader-color' as string]: p.color }}
      onClick={p.onSelect}
    >
      <header className="review-reader-head">
        <button
          type="button"
          className="review-reader-toggle"
          data-testid={`review-reader-${p.reader}`}
          aria-pressed={p.visible}
          aria-label={`${p.visible ? 'Hide' : 'Show'} ${p.reader}'s boxes (Shift+${p.index + 1})`}
          title={`${p.visible ? 'Hide' : 'Show'} ${p.reader}'s boxes (Shift+${p.index + 1})`}
          onClick={(e) => {
            e.stopPropagation();
            p.onToggle();
            p.onSelect();
          }}
        >
          <span className="review-swatch" aria-hidden="true" />
          <strong>{p.reader}</strong>
        </button>
        <span className="muted review-reader-count">{n === 0 ? 'no box' : `${n} box${n === 1 ? '' : 'es'}`}</span>
        <span className="spacer" />
        <button
          type="button"
          data-testid={`copy-reader-${p.reader}`}
          disabled={p.copyDisabled || n === 0}
          title={`Copy all of ${p.reader}'s boxes into the consensus (C when ${p.reader} is selected)`}
          onClick={(e) => {
            e.stopPropagation();
            p.onSelect();
            p.onCopyBoxes();
          }}
        >
          Copy all boxes
        </button>
      </header>
      <div className="review-reader-globals">
        {p.globals.length === 0 ? <span className="muted">no global label</span> : p.globals.map((g) => <span key={g} className="badge">{g}</span>)}
        <button
          type="button"
          className="ghost review-copy-read"
          data-testid={`copy-read-${p.reader}`}
          disabled={p.copyDisabled}
          title={`Copy ${p.reader}'s global labels and boxes into the consensus (Shift+C when selected)`}
          onClick={(e) => {
            e.stopPropagation();
            p.onSelect();
            p.onCopyRead();
          }}
        >
          Copy whole read
        </button>
      </div>
      {n > 0 && (
        <ol className="review-reader-boxes" aria-label={`${p.reader}'s boxes`}>
          {p.boxes.map((b, i) => (
            <li key={i} onMouseEnter={() => p.onHoverBox(i)} onMouseLeave={() => p.onHoverBox(null)}>
              <span className="review-box-label">{b.label}</span>
              <span className="muted review-box-size">{Math.round(b.xMax - b.xMin)}×{Math.round(b.yMax - b.yMin)}</span>
              <button
                type="button"
                className="ghost"
                data-testid={`copy-box-${p.reader}-${i}`}
                disabled={p.copyDisabled}
                aria-label={`Copy ${p.reader}'s box ${i + 1} (${b.label}) into the consensus`}
                onClick={(e) => {
                  e.stopPropagation();
                  p.onCopyBox(i);
                }}
              >
                copy
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

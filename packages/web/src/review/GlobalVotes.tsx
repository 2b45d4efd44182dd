// The global labels: each label's votes among the readers ("2/3", with who chose it) beside the
// consensus choice (a toggle). "Take the majority" sets the consensus to the labels most readers chose.
import type { VoteRow } from './votes.js';

export interface GlobalVotesProps {
  rows: readonly VoteRow[];
  /** Reader pseudonyms who chose each label, with their colours. */
  voters: (label: string) => { reader: string; color: string }[];
  disabled: boolean;
  onToggle(label: string): void;
  onTakeMajority(): void;
}

export function GlobalVotes({ rows, voters, disabled, onToggle, onTakeMajority }: GlobalVotesProps) {
  const disagreements = rows.filter((r) => !r.agrees).length;
  return (
    <section className="review-section" aria-labelledby="review-globals-title">
      <div className="review-section-head">
        <h2 id="review-globals-title">Global labels</h2>
        <span className="spacer" />
        <button type="button" className="ghost" disabled={disabled} onClick={onTakeMajority} title="Set the consensus's global labels to those most readers chose">
          Take the majority
        </button>
      </div>
      <p className={`review-section-note ${disagreements === 0 ? 'muted' : 'warning'}`}>
        {disagreements === 0 ? 'The consensus follows the readers’ majority.' : `${disagreements} label${disagreements === 1 ? ' differs' : 's differ'} from the readers’ majority (highlighted).`}
      </p>
      <ul className="review-votes">
        {rows.map((r, i) => (
          <li key={r.label} className={r.agrees ? '' : 'disagrees'} title={r.definition}>
            <button
              type="button"
              className="review-vote-toggle"
              data-testid={`global-label-${r.label}`}
              aria-pressed={r.chosen}
              aria-label={`${r.label} in the consensus`}
              disabled={disabled}
              onClick={() => onToggle(r.label)}
            >
              <span className="review-check" aria-hidden="true">{r.chosen ? '✓' : ''}</span>
              <span className="review-vote-name">{r.label}</span>
              {i < 9 && <kbd className="review-vote-key" aria-hidden="true">Alt+{i + 1}</kbd>}
            </button>
            <span className="review-voters" aria-hidden="true">
              {voters(r.label).map((v) => <span key={v.reader} className="review-voter" style={{ background: v.color }} title={v.reader}>{v.reader}</span>)}
            </span>
            <span className={`review-vote-count${r.majority ? ' majority' : ''}`} data-testid={`vote-${r.label}`} aria-label={`${r.votes} of ${r.readers} readers chose ${r.label}`}>
              {r.text}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

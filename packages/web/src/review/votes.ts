// The readers' votes for each global label, as the side panel shows them next to the consensus choice:
// "2/3", whether a majority of the readers chose it, and whether the consensus agrees with that majority.

export interface VoteRow {
  label: string;
  definition: string;
  /** How many of the submitted reads chose the label. */
  votes: number;
  readers: number;
  /** "2/3". */
  text: string;
  /** More than half of the readers chose it. */
  majority: boolean;
  /** The consensus has it. */
  chosen: boolean;
  /** The consensus follows the majority for this label (chosen exactly when a majority chose it). */
  agrees: boolean;
}

export const formatVotes = (votes: number, readers: number): string => `${votes}/${readers}`;

/** Strictly more than half: 2 of 3, 3 of 4 (2 of 4 is a tie, not a majority). */
export const isMajority = (votes: number, readers: number): boolean => readers > 0 && votes * 2 > readers;

/** One row per global label of the schema, in the schema's order. */
export function voteRows(
  labels: readonly { name: string; definition: string }[],
  votes: Readonly<Record<string, number>>,
  readers: number,
  chosen: readonly string[],
): VoteRow[] {
  const picked = new Set(chosen);
  return labels.map(({ name, definition }) => {
    const n = votes[name] ?? 0;
    const majority = isMajority(n, readers);
    const isChosen = picked.has(name);
    return { label: name, definition, votes: n, readers, text: formatVotes(n, readers), majority, chosen: isChosen, agrees: majority === isChosen };
  });
}

/** The global labels a majority of the readers chose, in the schema's order. */
export const majorityGlobals = (rows: readonly VoteRow[]): string[] => rows.filter((r) => r.majority).map((r) => r.label);

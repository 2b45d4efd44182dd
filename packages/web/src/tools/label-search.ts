// Label search for the label popover: case-insensitive; ranked exact > prefix > word prefix (each query
// word a prefix of a later word in turn: "eff", "pl eff") > initials ("pe" = Pleural effusion) >
// substring > the query's letters in order (fuzzy; tighter first). Aliases count as names. Ties keep
// the list's order.

export interface LabelLike {
  name: string;
  aliases?: readonly string[];
}

const nameOf = (l: string | LabelLike): string => (typeof l === 'string' ? l : l.name);
const namesOf = (l: string | LabelLike): readonly string[] => (typeof l === 'string' ? [l] : [l.name, ...(l.aliases ?? [])]);

const WORD_SPLIT = /[\s/\-_(),.]+/;

/** Whether each query word is a prefix of one of `words`, in order. */
function wordsPrefix(words: readonly string[], qWords: readonly string[], from: number): boolean {
  let w = from;
  for (const q of qWords) {
    while (w < words.length && !words[w]!.startsWith(q)) w++;
    if (w >= words.length) return false;
    w++;
  }
  return true;
}

/** The span of the shortest-greedy in-order match of `q`'s letters in `s`, or -1. */
function subsequenceSpan(s: string, q: string): number {
  let best = -1;
  for (let start = s.indexOf(q[0]!); start >= 0; start = s.indexOf(q[0]!, start + 1)) {
    let j = start;
    let ok = true;
    for (let k = 1; k < q.length; k++) {
      j = s.indexOf(q[k]!, j + 1);
      if (j < 0) { ok = false; break; }
    }
    if (!ok) break;
    const span = j - start + 1;
    if (best < 0 || span < best) best = span;
  }
  return best;
}

/** The rank of one name for the query (lower is better), or null when it does not match. */
function rankName(name: string, q: string, qWords: readonly string[]): number | null {
  const s = name.toLowerCase();
  if (s === q) return 0;
  if (s.startsWith(q)) return 1;
  const words = s.split(WORD_SPLIT).filter(Boolean);
  if (qWords.length > 0 && wordsPrefix(words, qWords, qWords.length > 1 ? 0 : 1)) return 2;
  const compact = q.replace(/\s+/g, '');
  if (compact.length > 1 && words.map((w) => w[0]).join('').startsWith(compact)) return 3;
  if (s.includes(q)) return 4;
  const span = subsequenceSpan(s, compact);
  return span < 0 ? null : 5 + span / 1000;
}

/** The labels matching `query`, best first (all of them, in order, for an empty query). */
export function searchLabels<T extends string | LabelLike>(labels: readonly T[], query: string): T[] {
  const q = query.trim().toLowerCase().replace(/\s+/g, ' ');
  if (q === '') return labels.slice();
  const qWords = q.split(WORD_SPLIT).filter(Boolean);
  const ranked: { label: T; rank: number; i: number }[] = [];
  labels.forEach((label, i) => {
    let rank: number | null = null;
    for (const n of namesOf(label)) {
      const r = rankName(n, q, qWords);
      if (r !== null && (rank === null || r < rank)) rank = r;
    }
    if (rank !== null) ranked.push({ label, rank, i });
  });
  ranked.sort((a, b) => a.rank - b.rank || a.i - b.i);
  return ranked.map((r) => r.label);
}

/** The shortcut key of the index-th label in the current list: '1'..'9' then '0' for the tenth; null after. */
export function labelShortcut(index: number): string | null {
  if (!Number.isInteger(index) || index < 0 || index > 9) return null;
  return index === 9 ? '0' : String(index + 1);
}

/** The list index a shortcut key picks (inverse of labelShortcut), or -1. */
export function shortcutIndex(key: string): number {
  if (!/^[0-9]$/.test(key)) return -1;
  return key === '0' ? 9 : Number(key) - 1;
}

export { nameOf as labelName };

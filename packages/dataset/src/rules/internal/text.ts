// Sentence pieces for violation messages and rule descriptions.

/** 'A', 'A or B', 'A, B or C' (with 'and' for `joinAnd`). */
const joinWith = (word: string) => (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${word} ${items[items.length - 1]}`;

export const joinOr = joinWith('or');
export const joinAnd = joinWith('and');

/** '1 box', '2 boxes'. */
export const count = (n: number, singular: string, plural: string): string => `${n} ${n === 1 ? singular : plural}`;

/** The published name of a box coordinate: xMax -> 'x_max'. */
export const coordinateName = (key: string): string => key.replace(/([A-Z])/g, (c) => `_${c.toLowerCase()}`);

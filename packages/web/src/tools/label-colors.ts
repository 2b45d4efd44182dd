// Label and reader colours, readable on the dark theme and over a dark image (each has a contrast of
// at least 4.5:1 against #0b0d10). A label's colour is fixed by its position in the schema's list.

/** 24 colours, neighbours far apart in hue so that adjacent schema labels differ. */
export const LABEL_PALETTE: readonly string[] = [
  '#ff6b6b', '#4dabf7', '#ffd43b', '#9775fa', '#51cf66', '#ff922b', '#3bc9db', '#f783ac',
  '#a9e34b', '#748ffc', '#e599f7', '#20c997', '#f8f9fa', '#d8a47f', '#fab005', '#99e9f2',
  '#e64980', '#ffa8a8', '#d8f5a2', '#ffc078', '#96f2d7', '#d0bfff', '#adb5bd', '#c2c255',
];

/** Reader colours R1, R2...: few, far apart. */
export const READER_PALETTE: readonly string[] = ['#4dabf7', '#ff922b', '#51cf66', '#f783ac', '#ffd43b', '#b197fc', '#3bc9db', '#ff6b6b'];

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/**
 * The colour of `label`: LABEL_PALETTE at its index in `labels` (the schema's labels in order, e.g. its
 * local labels), cycling past 24; a label not in the list gets a colour from its name's hash.
 */
export function labelColor(label: string, labels: readonly string[] = []): string {
  const i = labels.indexOf(label);
  return LABEL_PALETTE[(i >= 0 ? i : hash(label)) % LABEL_PALETTE.length]!;
}

/** A cached `label => colour` for one schema list (what drawAnnotations takes as `colorOf`). */
export function labelColors(labels: readonly string[]): (label: string) => string {
  const cache = new Map<string, string>();
  return (label) => {
    let c = cache.get(label);
    if (c === undefined) cache.set(label, (c = labelColor(label, labels)));
    return c;
  };
}

/** The colour of reader R(index + 1): readerColor(0) is R1's. Cycles past 8. */
export function readerColor(index: number): string {
  const n = READER_PALETTE.length;
  return READER_PALETTE[((Math.trunc(index) % n) + n) % n]!;
}

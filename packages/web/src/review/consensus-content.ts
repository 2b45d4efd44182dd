// The consensus as the review view edits it: global labels and boxes in image pixels, without the server's
// row ids or the editor's client keys. Compares two contents (the autosave sends only when the editor
// differs from what the server has) and says in one line what a content holds.
import type { ContentBox } from '@cxrlab/server/api-types';

export interface Content {
  globals: string[];
  boxes: ContentBox[];
}

const plainBox = (b: ContentBox): ContentBox => ({ label: b.label, xMin: b.xMin, yMin: b.yMin, xMax: b.xMax, yMax: b.yMax });

/** The content of a document or of the server's consensus (box ids and keys dropped). */
export const contentOf = (source: { globals: readonly string[]; boxes: readonly ContentBox[] }): Content => ({
  globals: [...source.globals],
  boxes: source.boxes.map(plainBox),
});

export const sameBox = (a: ContentBox, b: ContentBox): boolean =>
  a.label === b.label && a.xMin === b.xMin && a.yMin === b.yMin && a.xMax === b.xMax && a.yMax === b.yMax;

/** Same labels chosen (in any order) and the same boxes in the same order. */
export function sameContent(a: Content, b: Content): boolean {
  if (a.globals.length !== b.globals.length || a.boxes.length !== b.boxes.length) return false;
  const globals = new Set(a.globals);
  if (!b.globals.every((g) => globals.has(g))) return false;
  return a.boxes.every((box, i) => sameBox(box, b.boxes[i]!));
}

/** One line saying what a content holds: "Pneumonia, COPD · 2 boxes (Nodule/Mass, ILD)". */
export function describeContent(content: Content): string {
  const globals = content.globals.length > 0 ? content.globals.join(', ') : 'no global label';
  const n = content.boxes.length;
  if (n === 0) return `${globals} · no box`;
  const labels = [...new Set(content.boxes.map((b) => b.label))].join(', ');
  return `${globals} · ${n} box${n === 1 ? '' : 'es'} (${labels})`;
}

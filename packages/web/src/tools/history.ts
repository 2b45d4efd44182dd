// Document changes and the undo/redo stacks (whole documents; they share unchanged boxes).
import type { AnnotationDoc, EditorState } from './editor-types.js';

/** Undo steps kept. */
export const HISTORY_LIMIT = 200;

/**
 * `ed` with `doc` as its new document: the old one goes on the undo stack (one step, unless `mergeKey`
 * equals the last edit's, e.g. repeated nudges of one box), the redo stack empties, revision + 1.
 * `patch` sets other fields (selection, tool) at the same time.
 */
export function commitDoc(ed: EditorState, doc: AnnotationDoc, patch: Partial<EditorState> = {}, mergeKey: string | null = null): EditorState {
  const merge = mergeKey !== null && mergeKey === ed.mergeKey;
  const past = merge ? ed.past : pushBounded(ed.past, ed.doc);
  return { ...ed, ...patch, doc, past, future: [], revision: ed.revision + 1, mergeKey };
}

export function pushBounded<T>(stack: readonly T[], item: T, limit = HISTORY_LIMIT): T[] {
  const out = stack.length >= limit ? stack.slice(stack.length - limit + 1) : stack.slice();
  out.push(item);
  return out;
}

/** A new client key `b<n>` and the state's next counter. */
export function allocKeys(ed: EditorState, count: number): { keys: string[]; nextKey: number } {
  const keys: string[] = [];
  for (let i = 0; i < count; i++) keys.push(`b${ed.nextKey + i}`);
  return { keys, nextKey: ed.nextKey + count };
}

/** The index of box `key` in the doc, -1 when absent. */
export function boxIndex(doc: AnnotationDoc, key: string | null): number {
  if (key === null) return -1;
  return doc.boxes.findIndex((b) => b.key === key);
}

// redo (Ctrl/Cmd+Shift+Z, Ctrl/Cmd+Y): forward to the document undone last.
import { boxIndex, pushBounded } from '../history.js';
import type { Command } from './command.js';

export const redo: Command<'redo'> = {
  type: 'redo',
  editsDoc: true,
  perform(ed) {
    const doc = ed.future[ed.future.length - 1];
    if (!doc) return ed;
    const selected = boxIndex(doc, ed.selected) >= 0 ? ed.selected : null;
    return { ...ed, doc, future: ed.future.slice(0, -1), past: pushBounded(ed.past, ed.doc), selected, revision: ed.revision + 1, mergeKey: null };
  },
  keys: [{ chords: [{ key: 'z', mod: true, shift: true }, { key: 'y', mod: true }], action: () => ({ type: 'redo' }) }],
};

// undo (Ctrl/Cmd+Z): back to the previous document; while a box waits for its label, drops that box instead.
import { IDLE } from '../box-tool/tool-node.js';
import { boxIndex, pushBounded } from '../history.js';
import type { Command } from './command.js';

export const undo: Command<'undo'> = {
  type: 'undo',
  editsDoc: true,
  perform(ed) {
    if (ed.tool.mode === 'labelling') return { ...ed, tool: IDLE };
    const doc = ed.past[ed.past.length - 1];
    if (!doc) return ed;
    const selected = boxIndex(doc, ed.selected) >= 0 ? ed.selected : null;
    return { ...ed, doc, past: ed.past.slice(0, -1), future: pushBounded(ed.future, ed.doc), selected, revision: ed.revision + 1, mergeKey: null };
  },
  keys: [{ chords: [{ key: 'z', mod: true }], action: () => ({ type: 'undo' }) }],
};

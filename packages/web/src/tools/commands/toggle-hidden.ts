// toggleHidden (H): hides or shows every box. Hidden boxes are neither drawn nor hit, and hiding clears
// the selection (Delete must not remove a box one cannot see). Not an edit.
import { IDLE } from '../box-tool/tool-node.js';
import type { Command } from './command.js';

export const toggleHidden: Command<'toggleHidden'> = {
  type: 'toggleHidden',
  editsDoc: false,
  perform(ed) {
    if (ed.hidden) return { ...ed, hidden: false };
    const tool = ed.tool.mode === 'moving' || ed.tool.mode === 'resizing' ? IDLE : ed.tool;
    return { ...ed, hidden: true, selected: null, tool, mergeKey: null };
  },
  keys: [{ chords: [{ key: 'h' }], action: () => ({ type: 'toggleHidden' }) }],
};

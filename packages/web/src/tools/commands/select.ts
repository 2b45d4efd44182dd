// select: selects a box by key (null clears); drops a pending box or a drag. Not an edit (no revision).
import { IDLE } from '../box-tool/tool-node.js';
import { boxIndex } from '../history.js';
import type { Command } from './command.js';

export const select: Command<'select'> = {
  type: 'select',
  editsDoc: false,
  perform(ed, { key }) {
    const selected = key !== null && boxIndex(ed.doc, key) >= 0 ? key : null;
    if (selected === ed.selected && ed.tool.mode === 'idle') return ed;
    return { ...ed, selected, tool: IDLE, mergeKey: null };
  },
};

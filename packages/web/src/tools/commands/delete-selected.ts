// deleteSelected (Delete, Backspace): removes the selected box (one undo step).
import { boxIndex, commitDoc } from '../history.js';
import type { Command } from './command.js';

export const deleteSelected: Command<'deleteSelected'> = {
  type: 'deleteSelected',
  editsDoc: true,
  perform(ed) {
    const i = boxIndex(ed.doc, ed.selected);
    if (i < 0) return ed;
    return commitDoc(ed, { ...ed.doc, boxes: ed.doc.boxes.filter((_, j) => j !== i) }, { selected: null });
  },
  keys: [{ chords: [{ key: 'Delete' }, { key: 'Backspace' }], action: (ed) => (ed.selected === null ? null : { type: 'deleteSelected' }) }],
};

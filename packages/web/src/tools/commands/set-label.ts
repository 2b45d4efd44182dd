// setLabel: relabels box `key` (one undo step).
import { boxIndex, commitDoc } from '../history.js';
import type { Command } from './command.js';

export const setLabel: Command<'setLabel'> = {
  type: 'setLabel',
  editsDoc: true,
  perform(ed, { key, label }) {
    const i = boxIndex(ed.doc, key);
    if (i < 0 || ed.doc.boxes[i]!.label === label) return ed;
    const boxes = ed.doc.boxes.slice();
    boxes[i] = { ...boxes[i]!, label };
    return commitDoc(ed, { ...ed.doc, boxes });
  },
};

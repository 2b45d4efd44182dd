// chooseLabel: labels the pending box (box.labelling), which becomes a box of the doc (one undo step),
// selected and shown; with no pending box, relabels the selected one.
import { IDLE } from '../box-tool/tool-node.js';
import { allocKeys, commitDoc } from '../history.js';
import type { Command } from './command.js';
import { setLabel } from './set-label.js';

export const chooseLabel: Command<'chooseLabel'> = {
  type: 'chooseLabel',
  editsDoc: false,
  perform(ed, { label }) {
    if (ed.tool.mode !== 'labelling') {
      return ed.selected === null || ed.tool.mode !== 'idle' ? ed : setLabel.perform(ed, { type: 'setLabel', key: ed.selected, label });
    }
    const { keys, nextKey } = allocKeys(ed, 1);
    const key = keys[0]!;
    const box = { key, label, ...ed.tool.box };
    return commitDoc(ed, { ...ed.doc, boxes: [...ed.doc.boxes, box] }, { tool: IDLE, selected: key, hidden: false, nextKey });
  },
};

// duplicateSelected (Ctrl/Cmd+D): a copy of the selected box, offset (back the other way where it would
// leave the image), drawn on top and selected (one undo step).
import { moveRect } from '../box-geometry.js';
import { allocKeys, boxIndex, commitDoc } from '../history.js';
import { DUPLICATE_OFFSET } from '../tolerances.js';
import type { Command } from './command.js';

export const duplicateSelected: Command<'duplicateSelected'> = {
  type: 'duplicateSelected',
  editsDoc: true,
  perform(ed, { offset = DUPLICATE_OFFSET }) {
    const i = boxIndex(ed.doc, ed.selected);
    if (i < 0) return ed;
    const box = ed.doc.boxes[i]!;
    const w = ed.imageWidth > 0 ? ed.imageWidth : Infinity;
    const h = ed.imageHeight > 0 ? ed.imageHeight : Infinity;
    const dx = box.xMax + offset <= w ? offset : -offset;
    const dy = box.yMax + offset <= h ? offset : -offset;
    const { keys, nextKey } = allocKeys(ed, 1);
    const copy = { ...moveRect(box, dx, dy, ed.imageWidth, ed.imageHeight), key: keys[0]! };
    return commitDoc(ed, { ...ed.doc, boxes: [...ed.doc.boxes, copy] }, { selected: copy.key, nextKey });
  },
  keys: [{ chords: [{ key: 'd', mod: true }], action: (ed) => (ed.selected === null ? null : { type: 'duplicateSelected' }) }],
};

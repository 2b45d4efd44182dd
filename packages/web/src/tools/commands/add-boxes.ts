// addBoxes (review: copy a reader's boxes in): new keys, ordered and clamped to the image (at least 1 px
// a side, not rounded), on top, one undo step; a single box copied in is selected.
import { normalizeRect } from '../box-geometry.js';
import { allocKeys, commitDoc } from '../history.js';
import type { Command } from './command.js';

export const addBoxes: Command<'addBoxes'> = {
  type: 'addBoxes',
  editsDoc: true,
  perform(ed, action) {
    if (action.boxes.length === 0) return ed;
    const { keys, nextKey } = allocKeys(ed, action.boxes.length);
    const added = action.boxes.map((b, i) => {
      const r = normalizeRect({ xMin: b.xMin, yMin: b.yMin, xMax: b.xMax, yMax: b.yMax }, ed.imageWidth, ed.imageHeight);
      return { key: keys[i]!, label: b.label, ...r };
    });
    const selected = added.length === 1 ? added[0]!.key : ed.selected;
    return commitDoc(ed, { ...ed.doc, boxes: [...ed.doc.boxes, ...added] }, { selected, nextKey, hidden: false });
  },
};

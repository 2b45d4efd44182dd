// nudgeSelected (arrow keys; Shift: 10 times as far): moves the selected box by (dx, dy) image px,
// inside the image. Consecutive nudges of one box are one undo step.
import { moveRect } from '../box-geometry.js';
import { boxIndex, commitDoc } from '../history.js';
import type { Command } from './command.js';

const ARROWS: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

export const nudgeSelected: Command<'nudgeSelected'> = {
  type: 'nudgeSelected',
  editsDoc: true,
  perform(ed, { dx, dy }) {
    const i = boxIndex(ed.doc, ed.selected);
    if (i < 0) return ed;
    const box = ed.doc.boxes[i]!;
    const moved = moveRect(box, dx, dy, ed.imageWidth, ed.imageHeight);
    if (moved === box) return ed;
    const boxes = ed.doc.boxes.slice();
    boxes[i] = moved;
    return commitDoc(ed, { ...ed.doc, boxes }, {}, `nudge:${box.key}`);
  },
  keys: [
    {
      chords: Object.keys(ARROWS).flatMap((key) => [{ key }, { key, shift: true }]),
      action(ed, ctx, key) {
        const dir = ARROWS[key];
        if (ed.selected === null || !dir) return null;
        const step = Math.max(1, Math.round(ctx.imagePerScreen)) * (ctx.shiftKey ? 10 : 1);
        return { type: 'nudgeSelected', dx: dir[0] * step, dy: dir[1] * step };
      },
    },
  ],
};

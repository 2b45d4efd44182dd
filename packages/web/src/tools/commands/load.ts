// load: a new document (a task's draft or read) and image size; history, selection and tool reset.
import type { DocBox } from '../editor-types.js';
import { IDLE } from '../box-tool/tool-node.js';
import type { Command } from './command.js';

export const load: Command<'load'> = {
  type: 'load',
  editsDoc: false,
  perform(ed, { doc, imageWidth, imageHeight }) {
    let next = 1;
    for (const b of doc.boxes) {
      const m = b.key === undefined ? null : /^b(\d+)$/.exec(b.key);
      if (m) next = Math.max(next, Number(m[1]) + 1);
    }
    const used = new Set<string>();
    const boxes: DocBox[] = doc.boxes.map((b) => {
      let key = b.key;
      if (key === undefined || used.has(key)) key = `b${next++}`;
      used.add(key);
      return { key, label: b.label, xMin: b.xMin, yMin: b.yMin, xMax: b.xMax, yMax: b.yMax };
    });
    return {
      doc: { globals: [...new Set(doc.globals)], boxes },
      past: [],
      future: [],
      selected: null,
      hidden: false,
      tool: IDLE,
      revision: 0,
      generation: ed.generation + 1,
      imageWidth,
      imageHeight,
      nextKey: next,
      mergeKey: null,
    };
  },
};

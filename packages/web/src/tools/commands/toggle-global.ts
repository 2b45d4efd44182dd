// toggleGlobal: turns a global label on or off (one undo step). Turning on a label listed in
// `exclusive` (e.g. "No finding") clears the other globals; turning on another clears the exclusive
// ones. Boxes are never touched (the rules report a conflict such as No finding with boxes).
import { commitDoc } from '../history.js';
import type { Command } from './command.js';

export const toggleGlobal: Command<'toggleGlobal'> = {
  type: 'toggleGlobal',
  editsDoc: true,
  perform(ed, { label, exclusive = [] }) {
    const on = ed.doc.globals.includes(label);
    let globals: string[];
    if (on) globals = ed.doc.globals.filter((g) => g !== label);
    else if (exclusive.includes(label)) globals = [label];
    else globals = [...ed.doc.globals.filter((g) => !exclusive.includes(g)), label];
    return commitDoc(ed, { ...ed.doc, globals });
  },
};

// setGlobals: replaces the global labels (one undo step; duplicates dropped).
import { commitDoc } from '../history.js';
import type { Command } from './command.js';

export const setGlobals: Command<'setGlobals'> = {
  type: 'setGlobals',
  editsDoc: true,
  perform(ed, action) {
    const globals = [...new Set(action.globals)];
    const same = globals.length === ed.doc.globals.length && globals.every((g, i) => g === ed.doc.globals[i]);
    return same ? ed : commitDoc(ed, { ...ed.doc, globals });
  },
};

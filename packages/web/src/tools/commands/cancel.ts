// cancel (Escape): drops the pending box, the drawing or the drag in progress; when idle, clears the selection.
import { boxToolCancel } from '../box-tool/index.js';
import type { Command } from './command.js';

export const cancel: Command<'cancel'> = {
  type: 'cancel',
  editsDoc: false,
  perform(ed) {
    if (ed.tool.mode !== 'idle') return boxToolCancel(ed);
    return ed.selected === null ? ed : { ...ed, selected: null, mergeKey: null };
  },
  keys: [{ chords: [{ key: 'Escape' }], action: () => ({ type: 'cancel' }) }],
};

// pointer: a pointer event on the image, handled by the box tool's active state.
import { boxToolPointer } from '../box-tool/index.js';
import type { Command } from './command.js';

export const pointer: Command<'pointer'> = {
  type: 'pointer',
  editsDoc: false,
  perform: (ed, { event }) => boxToolPointer(ed, event),
};

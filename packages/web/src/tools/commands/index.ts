// Every editor command, by action type.
import type { EditorActionType } from '../editor-types.js';
import { addBoxes } from './add-boxes.js';
import { cancel } from './cancel.js';
import { chooseLabel } from './choose-label.js';
import type { Command } from './command.js';
import { deleteSelected } from './delete-selected.js';
import { duplicateSelected } from './duplicate-selected.js';
import { load } from './load.js';
import { nudgeSelected } from './nudge-selected.js';
import { pointer } from './pointer.js';
import { redo } from './redo.js';
import { select } from './select.js';
import { setGlobals } from './set-globals.js';
import { setImageSize } from './set-image-size.js';
import { setLabel } from './set-label.js';
import { toggleGlobal } from './toggle-global.js';
import { toggleHidden } from './toggle-hidden.js';
import { undo } from './undo.js';

export const COMMANDS: { [T in EditorActionType]: Command<T> } = {
  load, setImageSize, pointer, chooseLabel, cancel, select, setLabel, deleteSelected, duplicateSelected,
  nudgeSelected, toggleGlobal, setGlobals, addBoxes, toggleHidden, undo, redo,
};

export type { Command, KeyBinding, KeyChord, KeyContext } from './command.js';

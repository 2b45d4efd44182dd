// The annotation editor's reducer (pure): each action is a command in tools/commands/ (one file each);
// pointer events go to the box tool's active state (tools/box-tool/).
import { boxToolCancel } from './box-tool/index.js';
import { COMMANDS } from './commands/index.js';
import type { Command } from './commands/command.js';
import type { EditorAction, EditorActionType, EditorState } from './editor-types.js';

export function initialEditor(imageWidth = 0, imageHeight = 0): EditorState {
  return {
    doc: { globals: [], boxes: [] }, past: [], future: [], selected: null, hidden: false, tool: { mode: 'idle' },
    revision: 0, generation: 0, imageWidth, imageHeight, nextKey: 1, mergeKey: null,
  };
}

export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  const command = COMMANDS[action.type] as Command<EditorActionType>;
  // An edit while a drawing or drag is in progress drops it first (its start would be stale); a pending
  // box waiting for its label stays.
  const mode = state.tool.mode;
  const settled = command.editsDoc && (mode === 'drawing' || mode === 'moving' || mode === 'resizing') ? boxToolCancel(state) : state;
  return command.perform(settled, action);
}

export { toolPath, cursorFor, hoverAt } from './box-tool/index.js';
export { liveBoxes, pendingRect, selectedBox } from './selectors.js';
export { editorKeyAction } from './keymap.js';

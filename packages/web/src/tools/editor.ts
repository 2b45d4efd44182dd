// PLACEHOLDER (tools/ owns it): the editor reducer.
import type { EditorAction, EditorState } from './editor-types.js';

export function initialEditor(imageWidth = 0, imageHeight = 0): EditorState {
  return { doc: { globals: [], boxes: [] }, past: [], future: [], selected: null, hidden: false, tool: { mode: 'idle' }, revision: 0, imageWidth, imageHeight };
}

export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  void action;
  return state;
}

// The editor's keyboard shortcuts, from the commands' `keys`: Escape, Delete/Backspace, Ctrl/Cmd+Z,
// Ctrl/Cmd+Shift+Z or Ctrl/Cmd+Y, Ctrl/Cmd+D, the arrows (Shift: x10) and H (hide/show boxes).
import { COMMANDS, type KeyBinding } from './commands/index.js';
import type { EditorAction, EditorActionType, EditorState } from './editor-types.js';

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

const BINDINGS: KeyBinding<EditorActionType>[] = Object.values(COMMANDS).flatMap((c) => (c.keys ?? []) as KeyBinding<EditorActionType>[]);

/**
 * The action for a key press, or null (then let the page handle the key). The caller skips presses
 * aimed at text fields. `imagePerScreen` sizes arrow nudges (about one screen px, at least 1 image px).
 */
export function editorKeyAction(e: KeyLike, ed: EditorState, imagePerScreen = 1): EditorAction | null {
  if (e.altKey) return null;
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  for (const b of BINDINGS) {
    for (const c of b.chords) {
      if (c.key.toLowerCase() !== key.toLowerCase() || !!c.mod !== mod || !!c.shift !== e.shiftKey) continue;
      const action = b.action(ed, { imagePerScreen, shiftKey: e.shiftKey }, e.key);
      if (action) return action;
    }
  }
  return null;
}

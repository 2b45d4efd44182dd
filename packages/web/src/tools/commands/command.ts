// An editor command (excalidraw's actions): what an EditorAction does to the state, and its keys.
import type { EditorAction, EditorActionType, EditorState } from '../editor-types.js';

export type ActionOf<T extends EditorActionType> = Extract<EditorAction, { type: T }>;

/** A key press as the keymap sees it (`mod` = Ctrl or Cmd). */
export interface KeyChord {
  /** KeyboardEvent.key, compared case-insensitively. */
  key: string;
  mod?: boolean;
  shift?: boolean;
}

export interface KeyContext {
  /** Image px per screen px (nudges move about one screen px, at least one image px). */
  imagePerScreen: number;
  shiftKey: boolean;
}

export interface KeyBinding<T extends EditorActionType> {
  chords: readonly KeyChord[];
  /** The action the chord dispatches, or null when it does not apply now (e.g. nothing selected). */
  action(ed: EditorState, ctx: KeyContext, key: string): ActionOf<T> | null;
}

export interface Command<T extends EditorActionType> {
  readonly type: T;
  /** Whether it changes the document (a drag in progress is dropped first). */
  readonly editsDoc: boolean;
  perform(ed: EditorState, action: ActionOf<T>): EditorState;
  readonly keys?: readonly KeyBinding<T>[];
}

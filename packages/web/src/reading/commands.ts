// A command table: `{ id, keys, label, perform }` rows over a context object C (the view's actions), and
// the lookup from a key event to the command it runs. Pure (no DOM): the hook use-shortcuts.ts binds it
// to the window, and the help overlay lists it.
import { comboId, matchesCombo, parseKeys, type KeyCombo, type KeyInput } from './keys.js';

export interface Command<C> {
  /** Stable id, e.g. "view.fit". */
  id: string;
  /** Key combinations ("Ctrl+Z"); `perform` gets the index of the one that matched. */
  keys: readonly string[];
  /** What it does, as the help overlay and tooltips say it. */
  label: string;
  /** The help overlay's section. */
  group: string;
  /** Shown in the help instead of every key (ranges: "Alt+1 … Alt+6"). */
  keysHint?: string;
  /** Not listed in the help (a variant of the row above it, whose keysHint covers it). */
  hideInHelp?: boolean;
  /** False when it cannot run now: the key then does nothing here (and is not swallowed). */
  enabled?(ctx: C): boolean;
  perform(ctx: C, index: number): void;
  /** Called when the key is released (hold commands: Space to pan). */
  release?(ctx: C): void;
  /** Runs again on keyboard auto-repeat (nudges, zoom); other commands ignore repeats. */
  repeat?: boolean;
  /** Changes the read: unavailable when the read is read-only. */
  edits?: boolean;
  /** Only when the focus is on the page or the image (not on a control): keys that also move the focus (Tab). */
  canvasOnly?: boolean;
}

export interface CompiledCommand<C> {
  command: Command<C>;
  combos: KeyCombo[];
}

/** Parses every key of every command once (throws on a malformed key: a table bug). */
export const compileCommands = <C>(commands: readonly Command<C>[]): CompiledCommand<C>[] =>
  commands.map((command) => ({ command, combos: command.keys.map(parseKeys) }));

export interface CommandMatch<C> {
  command: Command<C>;
  index: number;
}

export interface MatchContext {
  /** The read cannot be changed (commands with `edits` are off). */
  readOnly: boolean;
  /** The focus is on a control (button, link, checkbox): `canvasOnly` commands are off. */
  focusOnControl: boolean;
  /** The event is a keyboard auto-repeat. */
  repeat: boolean;
}

/** The first command whose key matches and which can run now; undefined when none. */
export function findCommand<C>(compiled: readonly CompiledCommand<C>[], input: KeyInput, ctx: C, when: MatchContext): CommandMatch<C> | undefined {
  for (const { command, combos } of compiled) {
    const index = combos.findIndex((combo) => matchesCombo(input, combo));
    if (index < 0) continue;
    if (when.repeat && command.repeat !== true && command.release === undefined) continue;
    if (command.edits === true && when.readOnly) continue;
    if (command.canvasOnly === true && when.focusOnControl) continue;
    if (command.enabled !== undefined && !command.enabled(ctx)) continue;
    return { command, index };
  }
  return undefined;
}

/** Key combinations used by more than one command (or twice by one): ["ctrl+z: edit.undo, edit.redo"]. */
export function duplicateKeys(commands: readonly Command<unknown>[]): string[] {
  const owners = new Map<string, string[]>();
  for (const command of commands) {
    for (const spec of command.keys) {
      const id = comboId(parseKeys(spec));
      owners.set(id, [...(owners.get(id) ?? []), command.id]);
    }
  }
  return [...owners].filter(([, ids]) => ids.length > 1).map(([id, ids]) => `${id}: ${ids.join(', ')}`);
}

/** The key hint of a command for tooltips: "F" or "Ctrl+Z". */
export const keyHint = (command: Pick<Command<unknown>, 'keys' | 'keysHint'>): string => command.keysHint ?? command.keys[0] ?? '';

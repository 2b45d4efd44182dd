// Binds a command table to the keyboard: one keydown listener on the window, none while the focus is in
// a text field or a modal dialog is open (unless allowed), keyup for hold commands (Space to pan).
import { useEffect, useMemo, useRef } from 'react';
import { compileCommands, findCommand, type Command } from './commands.js';
import { isTypingTarget } from './keys.js';

export interface ShortcutOptions {
  /** Off entirely (a dialog is open). */
  disabled?: boolean;
  readOnly?: boolean;
}

const CONTROL = new Set(['BUTTON', 'A', 'INPUT', 'SELECT', 'TEXTAREA', 'SUMMARY']);

export function useShortcuts<C>(commands: readonly Command<C>[], ctx: C, options: ShortcutOptions = {}): void {
  const compiled = useMemo(() => compileCommands(commands), [commands]);
  const latest = useRef({ ctx, options });
  latest.current = { ctx, options };

  useEffect(() => {
    const held = new Map<string, Command<C>>();
    const onKeyDown = (event: KeyboardEvent) => {
      const { ctx: c, options: o } = latest.current;
      if (o.disabled || event.defaultPrevented || event.isComposing) return;
      const target = event.target as HTMLElement | null;
      if (isTypingTarget(target)) return;
      const focusOnControl = target !== null && target !== document.body && (CONTROL.has(target.tagName) || target.getAttribute('role') === 'checkbox' || target.getAttribute('role') === 'button');
      // Space and Enter on a focused control press it; leave them to the control.
      if (focusOnControl && (event.key === ' ' || (event.key === 'Enter' && !event.ctrlKey && !event.metaKey))) return;
      const match = findCommand(compiled, event, c, { readOnly: o.readOnly ?? false, focusOnControl, repeat: event.repeat });
      if (match === undefined) return;
      event.preventDefault();
      if (match.command.release !== undefined) {
        if (event.repeat) return;
        held.set(event.code || event.key, match.command);
      }
      match.command.perform(c, match.index);
    };
    const onKeyUp = (event: KeyboardEvent) => {
      const command = held.get(event.code || event.key);
      if (command === undefined) return;
      held.delete(event.code || event.key);
      command.release?.(latest.current.ctx);
    };
    const releaseAll = () => {
      for (const command of held.values()) command.release?.(latest.current.ctx);
      held.clear();
    };
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('keyup', onKeyUp);
    window.addEventListener('blur', releaseAll);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('keyup', onKeyUp);
      window.removeEventListener('blur', releaseAll);
      releaseAll();
    };
  }, [compiled]);
}

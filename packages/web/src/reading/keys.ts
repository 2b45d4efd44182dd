// Keyboard combinations as written in the command table ("Ctrl+Shift+Z", "Alt+1", "?", "Space") and
// their matching against keyboard events. Pure: works on the few fields of a KeyboardEvent it needs.
//
// Matching rules, chosen so that shortcuts work on any layout and on macOS:
// - "Ctrl" means Ctrl or Cmd (metaKey); Ctrl and Alt must match exactly.
// - Letters compare case-insensitively by `key`; Shift must match. With Alt or Ctrl held (where macOS
//   types another character), the physical key (`code` KeyX) also matches.
// - Digits match `key` or the physical key (Digit1 / Numpad1), so that Shift+1 and Alt+1 work although
//   they type "!" or "¡". Shift must match.
// - Other printable characters ("?", "+", "[") compare by `key` only: Shift is how they are typed.
// - Named keys ("Enter", "Delete", "ArrowLeft", "Space", "Escape", "Tab") compare by `key`; Shift must match.

export interface KeyCombo {
  /** "a".."z", "0".."9", a printable character, or a named key ("Enter", "ArrowLeft", " " for Space). */
  key: string;
  ctrl: boolean;
  shift: boolean;
  alt: boolean;
}

/** The fields of a KeyboardEvent that matching reads. */
export interface KeyInput {
  key: string;
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

const NAMED: Record<string, string> = {
  space: ' ',
  esc: 'Escape',
  escape: 'Escape',
  enter: 'Enter',
  return: 'Enter',
  tab: 'Tab',
  del: 'Delete',
  delete: 'Delete',
  backspace: 'Backspace',
  up: 'ArrowUp',
  down: 'ArrowDown',
  left: 'ArrowLeft',
  right: 'ArrowRight',
  arrowup: 'ArrowUp',
  arrowdown: 'ArrowDown',
  arrowleft: 'ArrowLeft',
  arrowright: 'ArrowRight',
  home: 'Home',
  end: 'End',
  pageup: 'PageUp',
  pagedown: 'PageDown',
  plus: '+',
};

/** Parses "Ctrl+Shift+Z"; throws on an empty or unknown modifier. The key part may itself be "+". */
export function parseKeys(spec: string): KeyCombo {
  const parts = spec.split('+');
  // "Ctrl++" / "+" : a trailing empty part means the key is "+"
  let keyPart = parts.pop()!;
  if (keyPart === '' && parts.length > 0 && parts[parts.length - 1] === '') {
    parts.pop();
    keyPart = '+';
  }
  if (keyPart === '') throw new Error(`parseKeys: no key in ${JSON.stringify(spec)}`);
  const combo: KeyCombo = { key: '', ctrl: false, shift: false, alt: false };
  for (const mod of parts) {
    const m = mod.toLowerCase();
    if (m === 'ctrl' || m === 'cmd' || m === 'mod') combo.ctrl = true;
    else if (m === 'shift') combo.shift = true;
    else if (m === 'alt' || m === 'option') combo.alt = true;
    else throw new Error(`parseKeys: unknown modifier ${JSON.stringify(mod)} in ${JSON.stringify(spec)}`);
  }
  const named = NAMED[keyPart.toLowerCase()];
  if (named !== undefined) combo.key = named;
  else if (keyPart.length === 1) combo.key = keyPart.toLowerCase();
  else if (/^F([1-9]|1[0-2])$/i.test(keyPart)) combo.key = keyPart.toUpperCase();
  else throw new Error(`parseKeys: unknown key ${JSON.stringify(keyPart)} in ${JSON.stringify(spec)}`);
  return combo;
}

const isLetter = (k: string) => k.length === 1 && k >= 'a' && k <= 'z';
const isDigit = (k: string) => k.length === 1 && k >= '0' && k <= '9';
const isSymbol = (k: string) => k.length === 1 && !isLetter(k) && !isDigit(k) && k !== ' ';

/** Whether the event is the combination. */
export function matchesCombo(input: KeyInput, combo: KeyCombo): boolean {
  const ctrl = input.ctrlKey || input.metaKey;
  if (ctrl !== combo.ctrl || input.altKey !== combo.alt) return false;
  const k = combo.key;
  if (isSymbol(k)) return input.key === k;
  if (input.shiftKey !== combo.shift) return false;
  if (isLetter(k)) return input.key.toLowerCase() === k || ((combo.alt || combo.ctrl) && input.code === `Key${k.toUpperCase()}`);
  if (isDigit(k)) return input.key === k || input.code === `Digit${k}` || input.code === `Numpad${k}`;
  return input.key === k;
}

/** Whether the event matches the spec ("Ctrl+Z"). */
export const matchesKeys = (input: KeyInput, spec: string): boolean => matchesCombo(input, parseKeys(spec));

/** A canonical string of a combination (for duplicate checks): "ctrl+shift+z". */
export function comboId(combo: KeyCombo): string {
  const symbol = isSymbol(combo.key);
  return [combo.ctrl ? 'ctrl' : '', combo.alt ? 'alt' : '', combo.shift && !symbol ? 'shift' : '', combo.key.toLowerCase()].filter(Boolean).join('+');
}

const isMac = (): boolean => typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

const DISPLAY: Record<string, string> = { ' ': 'Space', ArrowUp: '↑', ArrowDown: '↓', ArrowLeft: '←', ArrowRight: '→', Escape: 'Esc', Delete: 'Del', Backspace: '⌫' };

/** How a combination is shown to the user: ["Ctrl", "Shift", "Z"] (⌘ for Ctrl on macOS). */
export function displayKeys(spec: string, mac = isMac()): string[] {
  const combo = parseKeys(spec);
  const out: string[] = [];
  if (combo.ctrl) out.push(mac ? '⌘' : 'Ctrl');
  if (combo.alt) out.push(mac ? '⌥' : 'Alt');
  if (combo.shift && !isSymbol(combo.key)) out.push('Shift');
  out.push(DISPLAY[combo.key] ?? (combo.key.length === 1 ? combo.key.toUpperCase() : combo.key));
  return out;
}

/** True when the keyboard focus is somewhere text is typed (shortcuts stay out of the way). */
export function isTypingTarget(target: { tagName?: string; isContentEditable?: boolean; type?: string } | null | undefined): boolean {
  if (target == null || target.tagName === undefined) return false;
  const tag = target.tagName.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable === true) return true;
  if (tag !== 'INPUT') return false;
  const type = (target.type ?? 'text').toLowerCase();
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file', 'image'].includes(type);
}

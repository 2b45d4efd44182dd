import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compileCommands, duplicateKeys, findCommand, type Command } from './commands.js';
import { displayKeys, isTypingTarget, matchesKeys, parseKeys, type KeyInput } from './keys.js';
import { readingCommands, type ReadingActions } from './reading-commands.js';

const key = (k: string, mods: Partial<KeyInput> = {}): KeyInput => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

/** A ReadingActions that records every call. */
function recorder(state: { selection?: boolean; boxes?: boolean } = {}) {
  const calls: string[] = [];
  const ctx = new Proxy({} as ReadingActions, {
    get: (_t, name: string) => {
      if (name === 'hasSelection') return () => state.selection ?? false;
      if (name === 'hasBoxes') return () => state.boxes ?? false;
      return (...args: unknown[]) => calls.push(`${name}(${args.map((a) => JSON.stringify(a)).join(',')})`);
    },
  });
  return { ctx, calls };
}

const compiled = compileCommands(readingCommands);
const when = { readOnly: false, focusOnControl: false, repeat: false };
function press(input: KeyInput, state: { selection?: boolean; boxes?: boolean } = {}, w = when): string[] {
  const { ctx, calls } = recorder(state);
  const match = findCommand(compiled, input, ctx, w);
  match?.command.perform(ctx, match.index);
  return calls;
}

describe('key matching', () => {
  it('parses modifiers and named keys', () => {
    assert.deepEqual(parseKeys('Ctrl+Shift+Z'), { key: 'z', ctrl: true, shift: true, alt: false });
    assert.deepEqual(parseKeys('Space'), { key: ' ', ctrl: false, shift: false, alt: false });
    assert.deepEqual(parseKeys('Ctrl++'), { key: '+', ctrl: true, shift: false, alt: false });
    assert.throws(() => parseKeys('Hyper+A'), /unknown modifier/);
    assert.throws(() => parseKeys('Banana'), /unknown key/);
  });

  it('letters ignore case but not Shift; Ctrl is Ctrl or Cmd', () => {
    assert.equal(matchesKeys(key('f'), 'F'), true);
    assert.equal(matchesKeys(key('F', { shiftKey: true }), 'F'), false);
    assert.equal(matchesKeys(key('P', { shiftKey: true }), 'Shift+P'), true);
    assert.equal(matchesKeys(key('z', { ctrlKey: true }), 'Ctrl+Z'), true);
    assert.equal(matchesKeys(key('z', { metaKey: true }), 'Ctrl+Z'), true);
    assert.equal(matchesKeys(key('z'), 'Ctrl+Z'), false);
    assert.equal(matchesKeys(key('z', { ctrlKey: true, shiftKey: true }), 'Ctrl+Z'), false);
  });

  it('digits match the physical key whatever Shift or Alt type', () => {
    assert.equal(matchesKeys(key('!', { shiftKey: true, code: 'Digit1' }), 'Shift+1'), true);
    assert.equal(matchesKeys(key('¡', { altKey: true, code: 'Digit1' }), 'Alt+1'), true);
    assert.equal(matchesKeys(key('1', { code: 'Digit1' }), 'Alt+1'), false);
    assert.equal(matchesKeys(key('1', { code: 'Numpad1' }), '1'), true);
    assert.equal(matchesKeys(key('!', { shiftKey: true, code: 'Digit1' }), '1'), false);
  });

  it('symbols are matched by the character, whatever Shift', () => {
    assert.equal(matchesKeys(key('?', { shiftKey: true }), '?'), true);
    assert.equal(matchesKeys(key('+', { shiftKey: true }), '+'), true);
    assert.equal(matchesKeys(key('/'), '?'), false);
  });

  it('shows keys as people read them', () => {
    assert.deepEqual(displayKeys('Ctrl+Shift+Z', false), ['Ctrl', 'Shift', 'Z']);
    assert.deepEqual(displayKeys('Ctrl+Enter', true), ['⌘', 'Enter']);
    assert.deepEqual(displayKeys('ArrowLeft', false), ['←']);
  });

  it('knows where text is typed', () => {
    assert.equal(isTypingTarget({ tagName: 'INPUT', type: 'search' }), true);
    assert.equal(isTypingTarget({ tagName: 'input' }), true);
    assert.equal(isTypingTarget({ tagName: 'INPUT', type: 'checkbox' }), false);
    assert.equal(isTypingTarget({ tagName: 'TEXTAREA' }), true);
    assert.equal(isTypingTarget({ tagName: 'DIV', isContentEditable: true }), true);
    assert.equal(isTypingTarget({ tagName: 'BUTTON' }), false);
    assert.equal(isTypingTarget(null), false);
  });
});

describe('the reading command table', () => {
  it('has no key used twice, and every command an id, a label, keys and a group', () => {
    assert.deepEqual(duplicateKeys(readingCommands as readonly Command<unknown>[]), []);
    const ids = readingCommands.map((c) => c.id);
    assert.equal(new Set(ids).size, ids.length, 'ids are unique');
    for (const c of readingCommands) {
      assert.ok(c.label.trim().length > 3, `${c.id} has a label`);
      assert.ok(c.keys.length > 0, `${c.id} has keys`);
      assert.ok(c.group.length > 0, `${c.id} has a group`);
    }
  });

  it('finds duplicates when there are some', () => {
    const table: Command<unknown>[] = [
      { id: 'a', keys: ['Ctrl+Z'], label: 'A', group: 'g', perform: () => undefined },
      { id: 'b', keys: ['ctrl+z'], label: 'B', group: 'g', perform: () => undefined },
    ];
    assert.deepEqual(duplicateKeys(table), ['ctrl+z: a, b']);
  });

  it('maps the workstation keys to their actions', () => {
    assert.deepEqual(press(key('b')), ['setTool("annotate")']);
    assert.deepEqual(press(key('h')), ['setTool("pan")']);
    assert.deepEqual(press(key('w')), ['setTool("window")']);
    assert.deepEqual(press(key('z')), ['setTool("zoom")']);
    assert.deepEqual(press(key('f')), ['fit()']);
    assert.deepEqual(press(key('a')), ['actualSize()']);
    assert.deepEqual(press(key('i')), ['toggleInvert()']);
    assert.deepEqual(press(key('p')), ['cyclePreset(1)']);
    assert.deepEqual(press(key('P', { shiftKey: true })), ['cyclePreset(-1)']);
    assert.deepEqual(press(key('#', { shiftKey: true, code: 'Digit3' })), ['applyPreset(2)']);
    assert.deepEqual(press(key('r')), ['resetView()']);
    assert.deepEqual(press(key('v')), ['toggleBoxesHidden()']);
    assert.deepEqual(press(key('z', { ctrlKey: true })), ['undo()']);
    assert.deepEqual(press(key('Z', { ctrlKey: true, shiftKey: true })), ['redo()']);
    assert.deepEqual(press(key('y', { ctrlKey: true })), ['redo()']);
    assert.deepEqual(press(key('Enter', { ctrlKey: true })), ['submit()']);
    assert.deepEqual(press(key('s', { ctrlKey: true })), ['saveNow()']);
    assert.deepEqual(press(key('Escape')), ['escape()']);
    assert.deepEqual(press(key('?', { shiftKey: true })), ['toggleHelp()']);
    assert.deepEqual(press(key('n')), ['toggleNoFinding()']);
    assert.deepEqual(press(key('™', { altKey: true, code: 'Digit2' })), ['toggleGlobalAt(1)']);
    assert.deepEqual(press(key(' ')), ['holdPan(true)']);
  });

  it('leaves plain digits to the label popover', () => {
    for (let d = 0; d <= 9; d++) assert.deepEqual(press(key(String(d), { code: `Digit${d}` }), { selection: true, boxes: true }), [], `digit ${d}`);
  });

  it('box commands need a selected box', () => {
    assert.deepEqual(press(key('Delete')), []);
    assert.deepEqual(press(key('Delete'), { selection: true }), ['deleteSelected()']);
    assert.deepEqual(press(key('Backspace'), { selection: true }), ['deleteSelected()']);
    assert.deepEqual(press(key('d', { ctrlKey: true }), { selection: true }), ['duplicateSelected()']);
    assert.deepEqual(press(key('l'), { selection: true }), ['relabel()']);
    assert.deepEqual(press(key('ArrowLeft'), { selection: true }), ['nudge(-1,0)']);
    assert.deepEqual(press(key('ArrowDown', { shiftKey: true }), { selection: true }), ['nudge(0,10)']);
    assert.deepEqual(press(key('ArrowDown')), []);
  });

  it('Tab walks the boxes only from the image, not from a control', () => {
    assert.deepEqual(press(key('Tab'), { boxes: true }), ['selectNext(1)']);
    assert.deepEqual(press(key('Tab', { shiftKey: true }), { boxes: true }), ['selectNext(-1)']);
    assert.deepEqual(press(key('Tab'), { boxes: true }, { ...when, focusOnControl: true }), []);
    assert.deepEqual(press(key('Tab'), { boxes: false }), []);
  });

  it('read-only reads keep the view keys but not the editing ones', () => {
    const ro = { ...when, readOnly: true };
    assert.deepEqual(press(key('f'), {}, ro), ['fit()']);
    assert.deepEqual(press(key('Delete'), { selection: true }, ro), []);
    assert.deepEqual(press(key('z', { ctrlKey: true }), {}, ro), []);
    assert.deepEqual(press(key('Enter', { ctrlKey: true }), {}, ro), []);
    assert.deepEqual(press(key('n'), {}, ro), []);
  });

  it('auto-repeat runs nudges and zoom, not toggles', () => {
    const rep = { ...when, repeat: true };
    assert.deepEqual(press(key('ArrowUp'), { selection: true }, rep), ['nudge(0,-1)']);
    assert.deepEqual(press(key('+', { shiftKey: true }), {}, rep), ['zoomBy(1.25)']);
    assert.deepEqual(press(key('i'), {}, rep), []);
    assert.deepEqual(press(key('Enter', { ctrlKey: true }), {}, rep), []);
  });

  it('space releases the pan it holds', () => {
    const { ctx, calls } = recorder();
    const match = findCommand(compiled, key(' '), ctx, when);
    assert.equal(match?.command.id, 'tool.pan-hold');
    match!.command.release!(ctx);
    assert.deepEqual(calls, ['holdPan(false)']);
  });
});

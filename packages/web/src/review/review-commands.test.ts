import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compileCommands, duplicateKeys, findCommand } from '../reading/commands.js';
import type { KeyInput } from '../reading/keys.js';
import { reviewCommands, type ReviewActions } from './review-commands.js';

const key = (k: string, mods: Partial<KeyInput> = {}): KeyInput => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

function press(input: KeyInput, state: { readers?: number; selectedReader?: boolean; canEdit?: boolean } = {}, readOnly = false): string[] {
  const calls: string[] = [];
  const ctx = new Proxy({} as ReviewActions, {
    get: (_t, name: string) => {
      if (name === 'readerCount') return () => state.readers ?? 3;
      if (name === 'hasSelectedReader') return () => state.selectedReader ?? true;
      if (name === 'canEdit') return () => state.canEdit ?? true;
      if (name === 'hasSelection' || name === 'hasBoxes') return () => false;
      return (...args: unknown[]) => calls.push(`${name}(${args.map((a) => JSON.stringify(a)).join(',')})`);
    },
  });
  const match = findCommand(compileCommands(reviewCommands), input, ctx, { readOnly, focusOnControl: false, repeat: false });
  match?.command.perform(ctx, match.index);
  return calls;
}

describe('review commands', () => {
  it('has no key used twice', () => {
    assert.deepEqual(duplicateKeys(reviewCommands), []);
  });

  it('Shift+digit toggles that reader (typed as "!" with the physical Digit key), not a window preset', () => {
    assert.deepEqual(press(key('!', { shiftKey: true, code: 'Digit1' })), ['toggleReader(0)']);
    assert.deepEqual(press(key('#', { shiftKey: true, code: 'Digit3' })), ['toggleReader(2)']);
    assert.deepEqual(press(key('$', { shiftKey: true, code: 'Digit4' }), { readers: 3 }), [], 'no fourth reader');
  });

  it('C copies the selected reader’s boxes, only when a reader is selected and the consensus editable', () => {
    assert.deepEqual(press(key('c')), ['copySelectedReaderBoxes()']);
    assert.deepEqual(press(key('C', { shiftKey: true })), ['copySelectedReaderRead()']);
    assert.deepEqual(press(key('c'), { selectedReader: false }), []);
    assert.deepEqual(press(key('c'), { canEdit: false }), []);
    assert.deepEqual(press(key('c'), {}, true), [], 'read-only');
  });

  it('Ctrl+Enter approves, Ctrl+Shift+Enter withdraws; the shared reading rows still work', () => {
    assert.deepEqual(press(key('Enter', { ctrlKey: true })), ['approveOrNext()']);
    assert.deepEqual(press(key('Enter', { ctrlKey: true, shiftKey: true })), ['withdraw()']);
    assert.deepEqual(press(key('z', { ctrlKey: true })), ['undo()']);
    assert.deepEqual(press(key('f')), ['fit()']);
    assert.deepEqual(press(key('?')), ['toggleHelp()']);
  });

  it('every review command is listed in the help overlay’s Review group', () => {
    const review = reviewCommands.filter((c) => c.group === 'Review').map((c) => c.id);
    for (const id of ['review.reader', 'review.copy-boxes', 'review.approve', 'review.withdraw']) assert.ok(review.includes(id), id);
  });
});

// The review view's keyboard map: the reading view's rows (tools, view, boxes, edit, labels, help) with
// its read-only rows swapped for review ones. Shift+digit toggles reader R<digit> here (the reading view's
// window-preset keys: presets stay on P / Shift+P), [ and ] pick the reader that C copies from,
// Ctrl+Enter approves (or, once final, opens the next review task), Ctrl+Shift+Enter withdraws.
import type { Command } from '../reading/commands.js';
import { readingCommands, type ReadingActions } from '../reading/reading-commands.js';

export interface ReviewActions extends ReadingActions {
  readerCount(): number;
  /** Shows or hides reader i's boxes (0-based) and makes them the selected reader. */
  toggleReader(index: number): void;
  toggleAllReaders(): void;
  /** Moves the reader selection (C copies from the selected reader). */
  selectReader(step: 1 | -1): void;
  hasSelectedReader(): boolean;
  copySelectedReaderBoxes(): void;
  copySelectedReaderRead(): void;
  /** Approves the current version; once the consensus is final, opens the next review task. */
  approveOrNext(): void;
  withdraw(): void;
  /** The consensus is open and the caller may change it. */
  canEdit(): boolean;
}

export const MAX_READER_KEYS = 9;

/** Reading rows the review view does not have (their keys are taken by review rows or mean nothing here). */
const DROPPED = new Set(['view.preset', 'read.submit']);

const range = (n: number, f: (i: number) => string): string[] => Array.from({ length: n }, (_, i) => f(i + 1));

type C = ReviewActions;

export const reviewOnlyCommands: readonly Command<C>[] = [
  {
    id: 'review.reader',
    keys: range(MAX_READER_KEYS, (i) => `Shift+${i}`),
    keysHint: 'Shift+1 … n',
    label: 'Show or hide reader R1 … Rn’s boxes (and select that reader)',
    group: 'Review',
    enabled: (c) => c.readerCount() > 0,
    perform: (c, i) => {
      if (i < c.readerCount()) c.toggleReader(i);
    },
  },
  { id: 'review.readers-all', keys: ['O'], label: 'Hide or show every reader’s boxes', group: 'Review', perform: (c) => c.toggleAllReaders() },
  { id: 'review.reader-next', keys: [']'], label: 'Select the next reader', group: 'Review', enabled: (c) => c.readerCount() > 0, perform: (c) => c.selectReader(1) },
  { id: 'review.reader-prev', keys: ['['], label: 'Select the previous reader', group: 'Review', enabled: (c) => c.readerCount() > 0, perform: (c) => c.selectReader(-1) },
  { id: 'review.copy-boxes', keys: ['C'], label: 'Copy all boxes of the selected reader into the consensus', group: 'Review', edits: true, enabled: (c) => c.hasSelectedReader() && c.canEdit(), perform: (c) => c.copySelectedReaderBoxes() },
  { id: 'review.copy-read', keys: ['Shift+C'], label: 'Copy the selected reader’s whole read (global labels and boxes)', group: 'Review', edits: true, enabled: (c) => c.hasSelectedReader() && c.canEdit(), perform: (c) => c.copySelectedReaderRead() },
  { id: 'review.approve', keys: ['Ctrl+Enter'], label: 'Approve this version (once final: next review task)', group: 'Review', perform: (c) => c.approveOrNext() },
  { id: 'review.withdraw', keys: ['Ctrl+Shift+Enter'], label: 'Withdraw your approval', group: 'Review', perform: (c) => c.withdraw() },
];

/** The whole table: review rows first (they win a shared key), then the reading rows kept. */
export const reviewCommands: readonly Command<C>[] = [
  ...reviewOnlyCommands,
  ...readingCommands.filter((c) => !DROPPED.has(c.id)).map((c) => (c.id === 'read.save' ? { ...c, label: 'Save the consensus now', group: 'Review' } : c.id === 'help' ? { ...c, group: 'Review' } : c)),
];

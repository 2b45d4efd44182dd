// The review view's ReviewActions: the reading view's actions (tools, view, boxes, labels, help) plus the
// review's own (reader toggles and selection, copies, approve, withdraw). Reads the latest state through a
// ref, so the object is stable.
import { useMemo, useRef } from 'react';
import type { ReviewView } from '@cxrlab/server/api-types';
import { useReadingActions, type ReadingDeps } from '../reading/index.js';
import { toggleAllReaders, toggleReader } from './overlay-model.js';
import type { ReviewActions } from './review-commands.js';

export interface ReviewDeps {
  reading: ReadingDeps;
  reads: ReviewView['reads'];
  selectedReader: string | null;
  setSelectedReader(reader: string | null): void;
  setHidden(update: (hidden: ReadonlySet<string>) => ReadonlySet<string>): void;
  /** The consensus is open, the caller's, and no change is on its way. */
  canEdit: boolean;
  copy(reader: string, globals: boolean): void;
  approveOrNext(): void;
  withdraw(): void;
}

export function useReviewActions(deps: ReviewDeps): ReviewActions {
  const reading = useReadingActions(deps.reading);
  const ref = useRef(deps);
  ref.current = deps;
  return useMemo<ReviewActions>(() => {
    const d = () => ref.current;
    const selected = () => d().reads.find((r) => r.reader === d().selectedReader)?.reader;
    return {
      ...reading,
      // The review panel's global labels are toggle buttons (the reading view's are checkboxes).
      focusGlobals: () => document.querySelector<HTMLElement>('.review-vote-toggle')?.focus(),
      readerCount: () => d().reads.length,
      toggleReader: (i) => {
        const reader = d().reads[i]?.reader;
        if (reader === undefined) return;
        d().setHidden((h) => toggleReader(h, reader));
        d().setSelectedReader(reader);
      },
      toggleAllReaders: () => d().setHidden((h) => toggleAllReaders(d().reads, h)),
      selectReader: (step) => {
        const { reads } = d();
        if (reads.length === 0) return;
        const at = reads.findIndex((r) => r.reader === d().selectedReader);
        const to = at < 0 ? (step > 0 ? 0 : reads.length - 1) : (at + step + reads.length) % reads.length;
        d().setSelectedReader(reads[to]!.reader);
      },
      hasSelectedReader: () => selected() !== undefined,
      copySelectedReaderBoxes: () => {
        const reader = selected();
        if (reader !== undefined) d().copy(reader, false);
      },
      copySelectedReaderRead: () => {
        const reader = selected();
        if (reader !== undefined) d().copy(reader, true);
      },
      approveOrNext: () => d().approveOrNext(),
      withdraw: () => d().withdraw(),
      canEdit: () => d().canEdit,
    };
  }, [reading]);
}

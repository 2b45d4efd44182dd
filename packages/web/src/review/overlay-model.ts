// Which readers' boxes the review viewer draws: one layer per submitted read (R1..Rn in the view's
// order, colour i = the read's place), each toggled on or off, plus an optional highlighted box (the one
// the pointer is over in the side panel). Pure: the page keeps the hidden set and draws what this returns.
import type { ContentBox } from '@cxrlab/server/api-types';

export interface ReadLike {
  reader: string;
  boxes: readonly ContentBox[];
}

export interface ReaderLayer {
  reader: string;
  /** The read's place in the view: picks the reader's colour (readerColor(index)). */
  index: number;
  visible: boolean;
  boxes: readonly ContentBox[];
}

export interface HighlightedBox {
  reader: string;
  box: number;
}

export function readerLayers(reads: readonly ReadLike[], hidden: ReadonlySet<string>): ReaderLayer[] {
  return reads.map((read, index) => ({ reader: read.reader, index, visible: !hidden.has(read.reader), boxes: read.boxes }));
}

/** The layers to draw, in order (later ones on top): visible readers with at least one box. */
export const drawnLayers = (layers: readonly ReaderLayer[]): ReaderLayer[] => layers.filter((l) => l.visible && l.boxes.length > 0);

/** The box to draw highlighted, if its reader is shown and the box exists. */
export function highlightedBox(layers: readonly ReaderLayer[], highlight: HighlightedBox | null): { layer: ReaderLayer; box: ContentBox } | undefined {
  if (highlight === null) return undefined;
  const layer = layers.find((l) => l.reader === highlight.reader && l.visible);
  const box = layer?.boxes[highlight.box];
  return layer !== undefined && box !== undefined ? { layer, box } : undefined;
}

/** The hidden set with `reader` toggled (a new set). */
export function toggleReader(hidden: ReadonlySet<string>, reader: string): Set<string> {
  const next = new Set(hidden);
  if (next.has(reader)) next.delete(reader);
  else next.add(reader);
  return next;
}

/** Shows every reader when any is hidden, else hides them all. */
export function toggleAllReaders(reads: readonly ReadLike[], hidden: ReadonlySet<string>): Set<string> {
  return hidden.size > 0 ? new Set() : new Set(reads.map((r) => r.reader));
}

/** The reader for Shift+digit (1-based), if there is one. */
export const readerOfDigit = (reads: readonly ReadLike[], digit: number): string | undefined => reads[digit - 1]?.reader;

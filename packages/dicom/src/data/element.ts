import type { VR } from '../core/vr.js';
import type { DataSet } from './data-set.js';

/** An element whose value is bytes, held in little-endian order whatever the source's byte order. */
export interface BytesElement {
  readonly kind: 'bytes';
  readonly tag: number;
  readonly vr: VR;
  readonly value: Uint8Array;
}

export interface Item {
  readonly dataSet: DataSet;
  /** The item was delimited by an Item Delimitation Item rather than a length. */
  readonly undefinedLength: boolean;
}

/**
 * A sequence of items. `vr` is 'UN' when the source encoded it as UN (CP-246): its items are then
 * implicit VR little endian whatever the transfer syntax, and the writer keeps it that way.
 */
export interface SequenceElement {
  readonly kind: 'sequence';
  readonly tag: number;
  readonly vr: 'SQ' | 'UN';
  readonly items: Item[];
  readonly undefinedLength: boolean;
}

/** Encapsulated pixel data: the Basic Offset Table item, then the fragments, byte for byte. */
export interface FragmentsElement {
  readonly kind: 'fragments';
  readonly tag: number;
  readonly vr: VR;
  readonly offsetTable: Uint8Array;
  readonly fragments: Uint8Array[];
}

export type Element = BytesElement | SequenceElement | FragmentsElement;

export function bytesElement(tag: number, vr: VR, value: Uint8Array): BytesElement {
  return { kind: 'bytes', tag, vr, value };
}

export function sequenceElement(tag: number, items: Item[], undefinedLength = true, vr: 'SQ' | 'UN' = 'SQ'): SequenceElement {
  return { kind: 'sequence', tag, vr, items, undefinedLength };
}

/** Number of bytes of value an element holds, not counting headers (sequences: summed over items' values). */
export function valueByteLength(element: Element): number {
  switch (element.kind) {
    case 'bytes':
      return element.value.length;
    case 'fragments':
      return element.fragments.reduce((n, f) => n + f.length, element.offsetTable.length);
    case 'sequence':
      return element.items.reduce((n, item) => n + item.dataSet.valueBytes(), 0);
  }
}

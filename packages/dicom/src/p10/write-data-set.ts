import { DicomError } from '../core/errors.js';
import { Tags, UNDEFINED_LENGTH } from '../core/tags.js';
import { byteSwapUnit, hasLongHeader } from '../core/vr.js';
import type { DataSet } from '../data/data-set.js';
import type { Element, Item } from '../data/element.js';
import { swapBytes } from './byte-order.js';
import { ChunkSink } from './chunk-sink.js';

export interface Encoding {
  explicitVR: boolean;
  littleEndian: boolean;
}

const IMPLICIT_LE: Encoding = { explicitVR: false, littleEndian: true };

/**
 * Encodes a data set's elements (no preamble, no meta). Sequences and items keep the defined or
 * undefined lengths they were read with; defined lengths are recomputed from what is written.
 */
export function encodeDataSet(ds: DataSet, encoding: Encoding, sink = new ChunkSink()): ChunkSink {
  for (const element of ds.elements()) encodeElement(element, encoding, sink);
  return sink;
}

function header(sink: ChunkSink, tag: number, vr: string, length: number, enc: Encoding): void {
  sink.tag(tag, enc.littleEndian);
  if (!enc.explicitVR) {
    sink.u32(length, enc.littleEndian);
    return;
  }
  sink.ascii2(vr);
  if (hasLongHeader(vr as never)) {
    sink.u16(0, enc.littleEndian);
    sink.u32(length, enc.littleEndian);
  } else {
    if (length > 0xffff) {
      throw new DicomError('ERR_INVALID_VALUE', `value of VR ${vr} is ${length} bytes, more than an explicit VR header can hold (65535)`, { tag });
    }
    sink.u16(length, enc.littleEndian);
  }
}

function encodeElement(element: Element, enc: Encoding, sink: ChunkSink): void {
  switch (element.kind) {
    case 'bytes': {
      let value = element.value;
      if (!enc.littleEndian) {
        const unit = byteSwapUnit(element.vr);
        if (unit > 1) value = swapBytes(value, unit);
      }
      header(sink, element.tag, element.vr, value.length, enc);
      sink.bytes(value);
      return;
    }
    case 'fragments': {
      header(sink, element.tag, element.vr, UNDEFINED_LENGTH, enc);
      encodeFragmentItems(sink, element.offsetTable, element.fragments, enc.littleEndian);
      sink.tag(Tags.SequenceDelimitationItem, enc.littleEndian);
      sink.u32(0, enc.littleEndian);
      return;
    }
    case 'sequence': {
      // A sequence read as UN (CP-246) is written back as UN with implicit VR little endian items.
      const inner = element.vr === 'UN' && enc.explicitVR ? IMPLICIT_LE : enc;
      if (element.undefinedLength) {
        header(sink, element.tag, element.vr, UNDEFINED_LENGTH, enc);
        for (const item of element.items) encodeItem(item, inner, sink);
        sink.tag(Tags.SequenceDelimitationItem, inner.littleEndian);
        sink.u32(0, inner.littleEndian);
      } else {
        const body = new ChunkSink();
        for (const item of element.items) encodeItem(item, inner, body);
        header(sink, element.tag, element.vr, body.length, enc);
        sink.append(body);
      }
      return;
    }
  }
}

/** The value field of encapsulated pixel data: the offset table item and the fragment items. */
export function encodeFragmentItems(sink: ChunkSink, offsetTable: Uint8Array, fragments: readonly Uint8Array[], littleEndian: boolean): void {
  for (const fragment of [offsetTable, ...fragments]) {
    sink.tag(Tags.Item, littleEndian);
    sink.u32(fragment.length, littleEndian);
    sink.bytes(fragment);
  }
}

function encodeItem(item: Item, enc: Encoding, sink: ChunkSink): void {
  if (item.undefinedLength) {
    sink.tag(Tags.Item, enc.littleEndian);
    sink.u32(UNDEFINED_LENGTH, enc.littleEndian);
    encodeDataSet(item.dataSet, enc, sink);
    sink.tag(Tags.ItemDelimitationItem, enc.littleEndian);
    sink.u32(0, enc.littleEndian);
  } else {
    const body = encodeDataSet(item.dataSet, enc);
    sink.tag(Tags.Item, enc.littleEndian);
    sink.u32(body.length, enc.littleEndian);
    sink.append(body);
  }
}

import { ChunkSink, concatChunks } from '../p10/chunk-sink.js';
import { encodeFragmentItems } from '../p10/write-data-set.js';

/** The value field of encapsulated pixel data (its items, without the closing delimiter), as pydicom and PS3.18 F.2.7 give it. */
export function encodeFragments(offsetTable: Uint8Array, fragments: readonly Uint8Array[]): Uint8Array {
  const sink = new ChunkSink();
  encodeFragmentItems(sink, offsetTable, fragments, true);
  return concatChunks(sink.finish());
}

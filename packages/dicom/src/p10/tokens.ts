import type { VR } from '../core/vr.js';
import type { DataSet } from '../data/data-set.js';
import type { TransferSyntax } from '../dictionary/transfer-syntax.js';

/**
 * What the P10 reader emits. Every consumer (data set builder, printer, de-identification filter)
 * is a transform over this stream. Offsets are byte positions in the stream (for a deflated data
 * set, positions in the inflated bytes).
 */
export type P10Token =
  | { type: 'preamble'; bytes: Uint8Array }
  | { type: 'fileMeta'; dataSet: DataSet; groupLengthPresent: boolean; offset: number }
  | {
      type: 'dataSetStart';
      transferSyntax: TransferSyntax;
      /** True when the transfer syntax was guessed from the bytes (no file meta, or no UID in it). */
      inferred: boolean;
      offset: number;
    }
  | {
      /**
       * A non-sequence element. When its whole value was already buffered it comes in `value`;
       * otherwise `length` bytes follow in 'value' tokens.
       */
      type: 'element';
      tag: number;
      vr: VR;
      length: number;
      offset: number;
      /** Value bytes arrive big endian (Explicit VR Big Endian) and need swapping to the model's little endian. */
      bigEndian: boolean;
      /** Implicit VR source: the VR comes from the dictionary ("US|SS" choices kept here to resolve later). */
      implicitVR: boolean;
      ambiguousVR: string | undefined;
      value: Uint8Array | undefined;
    }
  | { type: 'value'; bytes: Uint8Array; last: boolean }
  | { type: 'sequenceStart'; tag: number; vr: 'SQ' | 'UN'; undefinedLength: boolean; offset: number }
  | { type: 'itemStart'; undefinedLength: boolean; offset: number }
  | { type: 'itemEnd'; offset: number }
  | { type: 'sequenceEnd'; offset: number }
  | { type: 'fragmentsStart'; tag: number; vr: VR; offset: number }
  /** One item of encapsulated pixel data (the first is the Basic Offset Table); 'value' tokens follow. */
  | { type: 'fragment'; length: number; offset: number }
  | { type: 'fragmentsEnd'; offset: number }
  | { type: 'end'; offset: number; stoppedBeforeTag: number | undefined };

export type P10TokenType = P10Token['type'];

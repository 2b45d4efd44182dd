import { DicomError } from '../core/errors.js';
import { byteSwapUnit, type VR } from '../core/vr.js';
import { resolveAmbiguousVR } from '../data/ambiguous-vr.js';
import { DataSet } from '../data/data-set.js';
import { bytesElement, type FragmentsElement, type SequenceElement } from '../data/element.js';
import { TransferSyntaxes } from '../dictionary/transfer-syntax.js';
import type { P10File } from './p10-file.js';
import type { P10Token } from './tokens.js';
import { swapBytes } from './byte-order.js';
import { concatChunks } from './chunk-sink.js';

interface PendingValue {
  tag: number;
  vr: VR;
  length: number;
  bigEndian: boolean;
  implicitVR: boolean;
  ambiguousVR: string | undefined;
  pieces: Uint8Array[];
}

const EMPTY = new Uint8Array(0);

/** Builds a P10File from reader tokens. Values stay views of the input where they arrive whole. */
export class DataSetBuilder {
  private preamble: Uint8Array | undefined;
  private fileMeta: DataSet | undefined;
  private metaGroupLength = false;
  private readonly root = new DataSet();
  private transferSyntax = TransferSyntaxes.ExplicitVRLittleEndian as P10File['transferSyntax'];
  private inferred = false;
  /** Data sets being filled; the last is current. */
  private readonly dataSets: DataSet[] = [this.root];
  private readonly sequences: SequenceElement[] = [];
  private fragments: FragmentsElement | undefined;
  private fragmentCount = 0;
  private pending: PendingValue | undefined;
  private ended: { offset: number; stoppedBeforeTag: number | undefined } | undefined;

  get isComplete(): boolean {
    return this.ended !== undefined;
  }

  add(token: P10Token): void {
    switch (token.type) {
      case 'preamble':
        this.preamble = token.bytes;
        return;
      case 'fileMeta':
        this.fileMeta = token.dataSet;
        this.metaGroupLength = token.groupLengthPresent;
        return;
      case 'dataSetStart':
        this.transferSyntax = token.transferSyntax;
        this.inferred = token.inferred;
        return;
      case 'element':
        if (token.value) {
          this.commit(token.tag, token.vr, token.value, token.bigEndian, token.implicitVR, token.ambiguousVR);
          return;
        }
        this.pending = {
          tag: token.tag, vr: token.vr, length: token.length, bigEndian: token.bigEndian,
          implicitVR: token.implicitVR, ambiguousVR: token.ambiguousVR, pieces: [],
        };
        if (token.length === 0) this.finishValue();
        return;
      case 'value':
        this.addValue(token.bytes, token.last);
        return;
      case 'sequenceStart': {
        const seq: SequenceElement = { kind: 'sequence', tag: token.tag, vr: token.vr, items: [], undefinedLength: token.undefinedLength };
        this.current.set(seq);
        this.sequences.push(seq);
        return;
      }
      case 'itemStart': {
        const seq = this.sequences[this.sequences.length - 1]!;
        const ds = new DataSet(this.current);
        seq.items.push({ dataSet: ds, undefinedLength: token.undefinedLength });
        this.dataSets.push(ds);
        return;
      }
      case 'itemEnd':
        this.dataSets.pop();
        return;
      case 'sequenceEnd':
        this.sequences.pop();
        return;
      case 'fragmentsStart':
        this.fragments = { kind: 'fragments', tag: token.tag, vr: token.vr, offsetTable: EMPTY, fragments: [] };
        this.fragmentCount = 0;
        this.current.set(this.fragments);
        return;
      case 'fragment':
        this.pending = {
          tag: this.fragments!.tag, vr: 'OB', length: token.length, bigEndian: false,
          implicitVR: false, ambiguousVR: undefined, pieces: [],
        };
        if (token.length === 0) this.finishValue();
        return;
      case 'fragmentsEnd':
        this.fragments = undefined;
        return;
      case 'end':
        this.ended = { offset: token.offset, stoppedBeforeTag: token.stoppedBeforeTag };
        return;
    }
  }

  private get current(): DataSet {
    return this.dataSets[this.dataSets.length - 1]!;
  }

  private addValue(bytes: Uint8Array, last: boolean): void {
    const p = this.pending!;
    p.pieces.push(bytes);
    if (last) this.finishValue();
  }

  private finishValue(): void {
    const p = this.pending!;
    this.pending = undefined;
    const value = p.pieces.length === 1 ? p.pieces[0]! : p.pieces.length === 0 ? EMPTY : concatChunks(p.pieces);
    if (this.fragments) {
      if (this.fragmentCount++ === 0) (this.fragments as { offsetTable: Uint8Array }).offsetTable = value;
      else this.fragments.fragments.push(value);
      return;
    }
    this.commit(p.tag, p.vr, value, p.bigEndian, p.implicitVR, p.ambiguousVR);
  }

  private commit(tag: number, vr: VR, value: Uint8Array, bigEndian: boolean, implicitVR: boolean, ambiguousVR: string | undefined): void {
    if (ambiguousVR) vr = resolveAmbiguousVR(tag, ambiguousVR, this.current, { implicitVR });
    if (bigEndian) {
      const unit = byteSwapUnit(vr);
      if (unit > 1) value = swapBytes(value, unit);
    }
    this.current.set(bytesElement(tag, vr, value));
  }

  /** The file read so far; `bytesFetched` is what the caller took from its source. */
  result(bytesFetched: number): P10File {
    if (!this.ended) throw new DicomError('ERR_TRUNCATED', 'the token stream ended before its end token');
    return {
      preamble: this.preamble,
      fileMeta: this.fileMeta,
      dataSet: this.root,
      transferSyntax: this.transferSyntax,
      info: {
        metaGroupLength: this.metaGroupLength,
        transferSyntaxInferred: this.inferred,
        stoppedBeforeTag: this.ended.stoppedBeforeTag,
        bytesRead: this.ended.offset,
        bytesFetched,
      },
    };
  }
}


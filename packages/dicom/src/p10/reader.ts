import { inflateRawSync, inflateSync } from 'node:zlib';
import { DicomError, type DicomErrorCode } from '../core/errors.js';
import { Tags, UNDEFINED_LENGTH, isPixelDataTag } from '../core/tags.js';
import { formatTag, tagHex } from '../core/tag.js';
import { hasLongHeader, vrFromBytes, type VR } from '../core/vr.js';
import { DataSet } from '../data/data-set.js';
import { bytesElement } from '../data/element.js';
import { lookupTag } from '../dictionary/lookup.js';
import { lookupTransferSyntax, TransferSyntaxes, type TransferSyntax } from '../dictionary/transfer-syntax.js';
import type { P10Token } from './tokens.js';
import { decodeAscii } from '../values/encode.js';

export interface P10ReadOptions {
  /** Stop at the top-level Pixel Data (or Float/Double Float Pixel Data) element without reading it. */
  stopBeforePixelData?: boolean;
  /** Largest value length accepted, in bytes (default: no limit beyond the input's size). */
  maxValueLength?: number;
  /** Deepest nesting of sequences accepted (default 64). */
  maxDepth?: number;
  /** Total input length when known (a file's size): lengths that run past it fail at once. */
  totalLength?: number;
  /** Largest inflated size accepted for a deflated data set (default 2 GiB). */
  maxInflatedLength?: number;
}

interface Frame {
  kind: 'sequence' | 'item' | 'fragments';
  tag: number;
  /** Absolute end offset, or -1 for undefined length. */
  end: number;
  /** Encoding of the elements inside. */
  implicit: boolean;
  littleEndian: boolean;
  offset: number;
  /** Sequences and fragments: items seen so far; items: their index. For data set paths in errors. */
  items: number;
}

const enum State {
  Start,
  Meta,
  Sniff,
  Deflate,
  Body,
  Value,
  Done,
}

const EMPTY = new Uint8Array(0);
const DEFAULT_MAX_DEPTH = 64;

function isDicmAt(b: Uint8Array, at: number): boolean {
  return b[at] === 0x44 && b[at + 1] === 0x49 && b[at + 2] === 0x43 && b[at + 3] === 0x4d;
}

/**
 * A streaming DICOM Part 10 parser with no I/O: feed bytes with write(), pull tokens with next().
 * next() returns null when it needs more bytes. It never holds more than the bytes it was given,
 * never trusts a length it cannot check, and throws only DicomError.
 */
export class P10Reader {
  private buf: Uint8Array = EMPTY;
  private pos = 0;
  /** Stream offset of buf[0]. */
  private base = 0;
  private done = false;
  private state = State.Start;
  private readonly stack: Frame[] = [];
  private valueRemaining = 0;
  private valueTag = 0;
  private explicitVR = true;
  private littleEndian = true;
  private transferSyntax: TransferSyntax = TransferSyntaxes.ExplicitVRLittleEndian;
  private transferSyntaxUID: string | undefined;
  private sawFileMeta = false;
  private sawPreamble = false;
  private meta: DataSet | undefined;
  private metaGroupLength = false;
  private metaOffset = 0;
  private inflated = false;
  private readonly opts: Required<Omit<P10ReadOptions, 'totalLength'>> & { totalLength: number | undefined };

  constructor(options: P10ReadOptions = {}) {
    this.opts = {
      stopBeforePixelData: options.stopBeforePixelData ?? false,
      maxValueLength: options.maxValueLength ?? Number.MAX_SAFE_INTEGER,
      maxDepth: options.maxDepth ?? DEFAULT_MAX_DEPTH,
      totalLength: options.totalLength,
      maxInflatedLength: options.maxInflatedLength ?? 2 ** 31,
    };
  }

  /** Adds bytes; `done` says no more will come. The reader keeps a reference and never modifies them. */
  write(chunk: Uint8Array, done = false): void {
    if (this.done) throw new DicomError('ERR_IO', 'write() after the last chunk');
    if (chunk.length > 0) {
      if (this.pos >= this.buf.length) {
        this.base += this.buf.length;
        this.buf = chunk;
        this.pos = 0;
      } else {
        const rest = this.buf.length - this.pos;
        const merged = new Uint8Array(rest + chunk.length);
        merged.set(this.buf.subarray(this.pos), 0);
        merged.set(chunk, rest);
        this.base += this.pos;
        this.buf = merged;
        this.pos = 0;
      }
    }
    if (done) this.done = true;
  }

  /**
   * How many more bytes the reader knows it will need: the rest of a value being streamed, so a
   * file adapter can read it in one go. 0 when it cannot tell.
   */
  get bytesWanted(): number {
    return this.state === State.Value ? this.valueRemaining : 0;
  }

  /** The stream offset of the next unread byte. */
  get offset(): number {
    return this.base + this.pos;
  }

  /** The next token, or null when more bytes are needed. After 'end', keeps returning 'end'. */
  next(): P10Token | null {
    for (;;) {
      switch (this.state) {
        case State.Value:
          return this.readValue();
        case State.Body:
          return this.readBody();
        case State.Start: {
          const t = this.readStart();
          if (t !== undefined) return t;
          continue;
        }
        case State.Meta: {
          const t = this.readMeta();
          if (t !== undefined) return t;
          continue;
        }
        case State.Sniff:
          return this.sniff();
        case State.Deflate:
          return this.inflate();
        case State.Done:
          return { type: 'end', offset: this.offset, stoppedBeforeTag: undefined };
      }
    }
  }

  // ---- errors ------------------------------------------------------------------------------

  private fail(code: DicomErrorCode, reason: string, tag?: number, offset = this.offset): never {
    const where = this.inflated ? ' in the inflated data set' : '';
    throw new DicomError(code, reason + where, { offset, tag, path: this.path(tag) });
  }

  private path(tag?: number): string | undefined {
    const parts: string[] = [];
    for (const f of this.stack) parts.push(f.kind === 'item' ? `[${f.items}]` : tagHex(f.tag));
    if (tag !== undefined && parts.length > 0) parts.push(tagHex(tag));
    return parts.length > 0 ? parts.join('/') : undefined;
  }

  // ---- byte access ---------------------------------------------------------------------------

  private u16(at: number, le: boolean): number {
    const b = this.buf;
    return le ? b[at]! | (b[at + 1]! << 8) : (b[at]! << 8) | b[at + 1]!;
  }

  private u32(at: number, le: boolean): number {
    const b = this.buf;
    return le
      ? (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0
      : ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;
  }

  private tagAt(at: number, le: boolean): number {
    return ((this.u16(at, le) << 16) | this.u16(at + 2, le)) >>> 0;
  }

  private get available(): number {
    return this.buf.length - this.pos;
  }

  // ---- preamble and file meta ----------------------------------------------------------------

  private readStart(): P10Token | null | undefined {
    if (this.available < 132 && !this.done) return null;
    const b = this.buf;
    const p = this.pos;
    if (this.available >= 132 && isDicmAt(b, p + 128)) {
      this.sawPreamble = true;
      this.pos += 132;
      this.state = State.Meta;
      return { type: 'preamble', bytes: b.subarray(p, p + 128) };
    }
    if (this.available >= 4 && isDicmAt(b, p)) {
      this.pos += 4;
      this.state = State.Meta;
      return undefined;
    }
    if (this.available >= 6 && this.u16(p, true) === 0x0002 && vrFromBytes(b[p + 4]!, b[p + 5]!) !== undefined) {
      this.state = State.Meta;
      return undefined;
    }
    this.state = State.Sniff;
    return undefined;
  }

  /** Reads the group 0002 elements (explicit VR little endian, or implicit in broken files). */
  private readMeta(): P10Token | null | undefined {
    if (!this.meta) {
      this.meta = new DataSet();
      this.metaOffset = this.offset;
    }
    for (;;) {
      const avail = this.available;
      const p = this.pos;
      if (avail < 8) {
        if (!this.done) return null;
        break;
      }
      if (this.u16(p, true) !== 0x0002) break;
      const tag = this.tagAt(p, true);
      const vr = vrFromBytes(this.buf[p + 4]!, this.buf[p + 5]!);
      let header = 8;
      let length: number;
      let elementVR: VR;
      if (vr) {
        elementVR = vr;
        if (hasLongHeader(vr)) {
          if (avail < 12) {
            if (!this.done) return null;
            this.fail('ERR_TRUNCATED', 'file meta element header is cut short', tag);
          }
          header = 12;
          length = this.u32(p + 8, true);
        } else {
          length = this.u16(p + 6, true);
        }
      } else {
        elementVR = (lookupTag(tag)?.vr.slice(0, 2) as VR | undefined) ?? 'UN';
        length = this.u32(p + 4, true);
      }
      if (length === UNDEFINED_LENGTH) this.fail('ERR_INVALID_FILE_META', 'file meta element has undefined length', tag);
      this.checkLength(tag, header, length);
      if (avail < header + length) {
        if (!this.done) return null;
        this.fail('ERR_TRUNCATED', `file meta element value needs ${length} bytes, ${avail - header} left`, tag);
      }
      if (tag === Tags.FileMetaInformationGroupLength) this.metaGroupLength = true;
      this.meta.set(bytesElement(tag, elementVR, this.buf.subarray(p + header, p + header + length)));
      this.pos += header + length;
    }
    const meta = this.meta;
    this.sawFileMeta = meta.size > 0;
    const uidElement = meta.get(Tags.TransferSyntaxUID);
    if (uidElement?.kind === 'bytes' && uidElement.value.length > 0) {
      const uid = decodeAscii(uidElement.value).replace(/[\0 ]+$/, '').trim();
      this.transferSyntaxUID = uid;
      const known = lookupTransferSyntax(uid);
      if (known) {
        this.transferSyntax = known;
        this.explicitVR = known.explicitVR;
        this.littleEndian = known.littleEndian;
      }
      this.state = known?.deflated ? State.Deflate : known ? State.Body : State.Sniff;
    } else {
      this.state = State.Sniff;
    }
    if (this.state === State.Body) this.pendingStart = this.dataSetStart(false);
    if (!this.sawFileMeta) return undefined;
    return { type: 'fileMeta', dataSet: meta, groupLengthPresent: this.metaGroupLength, offset: this.metaOffset };
  }

  private pendingStart: P10Token | undefined;

  private dataSetStart(inferred: boolean): P10Token {
    return { type: 'dataSetStart', transferSyntax: this.transferSyntax, inferred, offset: this.offset };
  }

  /**
   * Guesses the encoding from the first element when the file meta does not say (no meta, no
   * Transfer Syntax UID, or a private UID): byte order from the group number, explicit VR from
   * whether bytes 4-5 spell a VR.
   */
  private sniff(): P10Token | null {
    const avail = this.available;
    if (avail < 8 && !this.done) return null;
    const uid = this.transferSyntaxUID;
    if (avail === 0) {
      this.state = State.Body;
      return this.dataSetStart(true);
    }
    if (avail < 8) this.fail('ERR_TRUNCATED', `only ${avail} bytes where a data element should start`);
    const p = this.pos;
    const le = this.u16(p, true) <= this.u16(p, false);
    const vr = vrFromBytes(this.buf[p + 4]!, this.buf[p + 5]!);
    if (!this.sawFileMeta && !this.sawPreamble) this.checkLooksLikeDicom(le, vr !== undefined);
    this.explicitVR = vr !== undefined;
    this.littleEndian = le || !this.explicitVR;
    const guessed = !this.explicitVR
      ? TransferSyntaxes.ImplicitVRLittleEndian
      : this.littleEndian ? TransferSyntaxes.ExplicitVRLittleEndian : TransferSyntaxes.ExplicitVRBigEndian;
    const known = uid ? lookupTransferSyntax(uid) : undefined;
    this.transferSyntax = known ?? (uid ? { ...guessed, uid, name: `Unknown (${uid})`, encapsulated: true } : guessed);
    this.state = State.Body;
    return this.dataSetStart(true);
  }

  /** Without a preamble or meta, the bytes must at least begin like a data set. */
  private checkLooksLikeDicom(le: boolean, explicit: boolean): void {
    const p = this.pos;
    const group = this.u16(p, le);
    const length = explicit ? this.u16(p + 6, le) : this.u32(p + 4, le);
    const plausibleGroup = group >= 0x0002 && group <= 0x00ff && group % 2 === 0;
    const total = this.opts.totalLength ?? (this.done ? this.base + this.buf.length : undefined);
    const fits = length === UNDEFINED_LENGTH || total === undefined || this.offset + 8 + length <= total;
    if (!plausibleGroup || !fits) {
      this.fail('ERR_NOT_DICOM', 'not a DICOM file: no "DICM" at byte 128, no file meta, and the first bytes are not a data element');
    }
  }

  private inflate(): P10Token | null {
    if (!this.done) return null;
    const compressed = this.buf.subarray(this.pos);
    const start = this.offset;
    const maxOutputLength = this.opts.maxInflatedLength;
    let out: Uint8Array;
    try {
      out = inflateRawSync(compressed, { maxOutputLength });
    } catch (rawError) {
      try {
        out = inflateSync(compressed, { maxOutputLength });
      } catch {
        this.fail('ERR_DEFLATE', `deflated data set does not inflate: ${(rawError as Error).message}`, undefined, start);
      }
    }
    this.buf = out;
    this.pos = 0;
    this.base = 0;
    this.inflated = true;
    this.opts.totalLength = out.length;
    this.state = State.Body;
    return this.dataSetStart(false);
  }

  // ---- the data set --------------------------------------------------------------------------

  private checkLength(tag: number, header: number, length: number): void {
    const start = this.offset + header;
    const total = this.opts.totalLength ?? (this.done ? this.base + this.buf.length : undefined);
    if (total !== undefined && start + length > total) {
      this.fail('ERR_INVALID_LENGTH', `value length ${length} runs past the end of the data (${Math.max(0, total - start)} bytes left): truncated file or corrupt length`, tag);
    }
    const top = this.stack[this.stack.length - 1];
    if (top && top.end >= 0 && start + length > top.end) {
      this.fail('ERR_INVALID_LENGTH', `value length ${length} runs past the end of the enclosing ${top.kind === 'item' ? 'item' : 'sequence'} at byte ${top.end}`, tag);
    }
    if (length > this.opts.maxValueLength) {
      this.fail('ERR_VALUE_TOO_LARGE', `value length ${length} exceeds the limit of ${this.opts.maxValueLength} bytes`, tag);
    }
  }

  private push(frame: Frame): void {
    if (this.stack.length >= this.opts.maxDepth * 2) {
      this.fail('ERR_DEPTH_LIMIT', `sequences nested deeper than ${this.opts.maxDepth}`, frame.tag);
    }
    this.stack.push(frame);
  }

  private readValue(): P10Token | null {
    const avail = this.available;
    if (avail === 0) {
      if (!this.done) return null;
      this.fail('ERR_TRUNCATED', `data ends ${this.valueRemaining} bytes before the end of the value`, this.valueTag);
    }
    const n = Math.min(avail, this.valueRemaining);
    const bytes = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    this.valueRemaining -= n;
    const last = this.valueRemaining === 0;
    if (last) this.state = State.Body;
    return { type: 'value', bytes, last };
  }

  private readBody(): P10Token | null {
    if (this.pendingStart) {
      const t = this.pendingStart;
      this.pendingStart = undefined;
      return t;
    }
    const stack = this.stack;
    const top = stack[stack.length - 1];
    const offset = this.offset;
    if (top && top.end >= 0 && offset >= top.end) {
      if (offset > top.end) this.fail('ERR_INVALID_LENGTH', `contents overrun the end of the ${top.kind} at byte ${top.end}`, top.tag);
      stack.pop();
      return top.kind === 'item' ? { type: 'itemEnd', offset } : { type: 'sequenceEnd', offset };
    }
    const avail = this.available;
    if (avail < 8) {
      if (!this.done) return null;
      if (!top) {
        if (avail === 0 || this.buf.subarray(this.pos).every((b) => b === 0)) {
          this.pos = this.buf.length;
          this.state = State.Done;
          return { type: 'end', offset, stoppedBeforeTag: undefined };
        }
        this.fail('ERR_TRUNCATED', `data ends ${avail} bytes into a data element header`);
      }
      const open = stack.find((f) => f.end < 0) ?? top;
      this.fail(
        avail === 0 && open.end < 0 ? 'ERR_UNCLOSED_SEQUENCE' : 'ERR_TRUNCATED',
        avail === 0 && open.end < 0
          ? `data ends inside ${open.kind === 'fragments' ? 'the encapsulated pixel data' : 'the sequence'} ${formatTag(open.tag)} opened at byte ${open.offset}; no delimitation item`
          : `data ends inside the ${top.kind} ${formatTag(top.tag)} opened at byte ${top.offset}`,
        top.tag,
      );
    }
    const le = top ? top.littleEndian : this.littleEndian;
    const implicit = top ? top.implicit : !this.explicitVR;
    const p = this.pos;
    const tag = this.tagAt(p, le);

    if (top?.kind === 'sequence') return this.readItemHeader(top, tag, le, offset);
    if (top?.kind === 'fragments') return this.readFragmentHeader(top, tag, le, offset);

    if (tag === Tags.ItemDelimitationItem) {
      if (top?.kind === 'item' && top.end < 0) {
        this.pos += 8;
        stack.pop();
        return { type: 'itemEnd', offset };
      }
      this.fail('ERR_UNEXPECTED_TAG', 'item delimitation item outside an item of undefined length', tag);
    }
    if (tag === Tags.Item || tag === Tags.SequenceDelimitationItem) {
      this.fail('ERR_UNEXPECTED_TAG', `${tag === Tags.Item ? 'item' : 'sequence delimitation item'} where a data element should be`, tag);
    }
    if (!top && this.opts.stopBeforePixelData && isPixelDataTag(tag)) {
      this.state = State.Done;
      return { type: 'end', offset, stoppedBeforeTag: tag };
    }

    let vr: VR;
    let header = 8;
    let length: number;
    let ambiguousVR: string | undefined;
    if (!implicit) {
      const explicit = vrFromBytes(this.buf[p + 4]!, this.buf[p + 5]!);
      if (!explicit) {
        this.fail('ERR_INVALID_VR', `invalid VR bytes 0x${hex2(this.buf[p + 4]!)}${hex2(this.buf[p + 5]!)} in an explicit VR data set`, tag);
      }
      vr = explicit;
      if (hasLongHeader(vr)) {
        if (avail < 12) {
          if (!this.done) return null;
          this.fail('ERR_TRUNCATED', 'data ends inside a data element header', tag);
        }
        header = 12;
        length = this.u32(p + 8, le);
      } else {
        length = this.u16(p + 6, le);
      }
    } else {
      length = this.u32(p + 4, le);
      const entry = lookupTag(tag);
      const dictVR = entry?.vr ?? 'UN';
      if (dictVR.includes('|')) {
        ambiguousVR = dictVR;
        vr = dictVR.slice(0, 2) as VR;
      } else {
        vr = dictVR.length === 2 ? (dictVR as VR) : 'UN';
      }
    }

    if (length === UNDEFINED_LENGTH) {
      if (isPixelDataTag(tag) && vr !== 'SQ') {
        this.pos += header;
        this.push({ kind: 'fragments', tag, end: -1, implicit, littleEndian: le, offset, items: 0 });
        return { type: 'fragmentsStart', tag, vr: vr === 'OW' ? 'OW' : 'OB', offset };
      }
      if (vr === 'SQ' || vr === 'UN' || implicit) {
        this.pos += header;
        const asUN = vr === 'UN' && !implicit;
        this.push({ kind: 'sequence', tag, end: -1, implicit: implicit || asUN, littleEndian: asUN ? true : le, offset, items: 0 });
        return { type: 'sequenceStart', tag, vr: asUN ? 'UN' : 'SQ', undefinedLength: true, offset };
      }
      this.fail('ERR_INVALID_LENGTH', `undefined length is not allowed for VR ${vr}`, tag);
    }

    this.checkLength(tag, header, length);
    if (vr === 'SQ') {
      this.pos += header;
      this.push({ kind: 'sequence', tag, end: offset + header + length, implicit, littleEndian: le, offset, items: 0 });
      return { type: 'sequenceStart', tag, vr: 'SQ', undefinedLength: false, offset };
    }
    if (vr === 'UN' && !implicit && length >= 8 && lookupTag(tag)?.vr === 'SQ') {
      // CP-246: a sequence sent as UN holds implicit VR little endian items.
      if (avail < header + 4) {
        if (!this.done) return null;
      } else if (this.tagAt(p + header, true) === Tags.Item) {
        this.pos += header;
        this.push({ kind: 'sequence', tag, end: offset + header + length, implicit: true, littleEndian: true, offset, items: 0 });
        return { type: 'sequenceStart', tag, vr: 'UN', undefinedLength: false, offset };
      }
    }
    if (avail >= header + length) {
      // The common case: the whole value is buffered, so it travels in the element token.
      this.pos += header + length;
      const value = this.buf.subarray(p + header, p + header + length);
      return { type: 'element', tag, vr, length, offset, bigEndian: !le, implicitVR: implicit, ambiguousVR, value };
    }
    this.pos += header;
    this.valueRemaining = length;
    this.valueTag = tag;
    this.state = State.Value;
    return { type: 'element', tag, vr, length, offset, bigEndian: !le, implicitVR: implicit, ambiguousVR, value: undefined };
  }

  private readItemHeader(top: Frame, tag: number, le: boolean, offset: number): P10Token {
    const length = this.u32(this.pos + 4, le);
    if (tag === Tags.Item) {
      if (length !== UNDEFINED_LENGTH) this.checkLength(tag, 8, length);
      this.pos += 8;
      this.push({
        kind: 'item', tag: top.tag, end: length === UNDEFINED_LENGTH ? -1 : offset + 8 + length,
        implicit: top.implicit, littleEndian: le, offset, items: top.items++,
      });
      return { type: 'itemStart', undefinedLength: length === UNDEFINED_LENGTH, offset };
    }
    if (tag === Tags.SequenceDelimitationItem && top.end < 0) {
      this.pos += 8;
      this.stack.pop();
      return { type: 'sequenceEnd', offset };
    }
    this.fail('ERR_UNEXPECTED_TAG', `expected an item in sequence ${formatTag(top.tag)}, found ${formatTag(tag)}`, tag);
  }

  private readFragmentHeader(top: Frame, tag: number, le: boolean, offset: number): P10Token {
    const length = this.u32(this.pos + 4, le);
    if (tag === Tags.Item) {
      if (length === UNDEFINED_LENGTH) this.fail('ERR_INVALID_LENGTH', 'pixel data fragment with undefined length', top.tag);
      this.checkLength(top.tag, 8, length);
      this.pos += 8;
      top.items++;
      if (length > 0) {
        this.valueRemaining = length;
        this.valueTag = top.tag;
        this.state = State.Value;
      }
      return { type: 'fragment', length, offset };
    }
    if (tag === Tags.SequenceDelimitationItem) {
      this.pos += 8;
      this.stack.pop();
      return { type: 'fragmentsEnd', offset };
    }
    this.fail('ERR_UNEXPECTED_TAG', `expected a pixel data fragment, found ${formatTag(tag)}`, top.tag);
  }
}

function hex2(n: number): string {
  return n.toString(16).padStart(2, '0');
}

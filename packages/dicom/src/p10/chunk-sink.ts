/**
 * Collects encoded output as a list of chunks: small writes are packed into a scratch buffer,
 * large values are referenced as they are (no copy), so writing a 15 MB image costs no 15 MB copy.
 */
export class ChunkSink {
  readonly chunks: Uint8Array[] = [];
  private scratch = new Uint8Array(4096);
  private used = 0;
  private flushedLength = 0;

  get length(): number {
    return this.flushedLength + this.used;
  }

  private ensure(n: number): void {
    if (this.used + n <= this.scratch.length) return;
    this.flushScratch();
    if (n > this.scratch.length) this.scratch = new Uint8Array(Math.max(n, 4096));
  }

  private flushScratch(): void {
    if (this.used === 0) return;
    this.chunks.push(this.scratch.subarray(0, this.used));
    this.flushedLength += this.used;
    this.scratch = new Uint8Array(this.scratch.length);
    this.used = 0;
  }

  u16(value: number, littleEndian: boolean): void {
    this.ensure(2);
    const s = this.scratch;
    const at = this.used;
    if (littleEndian) {
      s[at] = value & 0xff;
      s[at + 1] = (value >>> 8) & 0xff;
    } else {
      s[at] = (value >>> 8) & 0xff;
      s[at + 1] = value & 0xff;
    }
    this.used += 2;
  }

  u32(value: number, littleEndian: boolean): void {
    this.ensure(4);
    const s = this.scratch;
    const at = this.used;
    if (littleEndian) {
      s[at] = value & 0xff;
      s[at + 1] = (value >>> 8) & 0xff;
      s[at + 2] = (value >>> 16) & 0xff;
      s[at + 3] = (value >>> 24) & 0xff;
    } else {
      s[at] = (value >>> 24) & 0xff;
      s[at + 1] = (value >>> 16) & 0xff;
      s[at + 2] = (value >>> 8) & 0xff;
      s[at + 3] = value & 0xff;
    }
    this.used += 4;
  }

  tag(tag: number, littleEndian: boolean): void {
    this.u16(tag >>> 16, littleEndian);
    this.u16(tag & 0xffff, littleEndian);
  }

  ascii2(text: string): void {
    this.ensure(2);
    this.scratch[this.used] = text.charCodeAt(0);
    this.scratch[this.used + 1] = text.charCodeAt(1);
    this.used += 2;
  }

  bytes(value: Uint8Array): void {
    if (value.length >= 1024) {
      this.flushScratch();
      this.chunks.push(value);
      this.flushedLength += value.length;
      return;
    }
    this.ensure(value.length);
    this.scratch.set(value, this.used);
    this.used += value.length;
  }

  append(other: ChunkSink): void {
    for (const chunk of other.finish()) this.bytes(chunk);
  }

  finish(): Uint8Array[] {
    this.flushScratch();
    return this.chunks;
  }
}

export function concatChunks(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  let total = 0;
  for (const c of chunks) total += c.length;
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

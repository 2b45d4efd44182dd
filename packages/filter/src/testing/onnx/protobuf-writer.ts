// A minimal protocol buffers encoder: varints, fixed32 floats, length-delimited bytes and nested messages.

const WIRE_VARINT = 0;
const WIRE_LENGTH_DELIMITED = 2;
const WIRE_FIXED32 = 5;

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const TEXT = new TextEncoder();

/**
 * The bytes of a varint: a non-negative safe integer, or a negative one (or any bigint in the int64
 * range) as 64-bit two's complement, the way protobuf encodes negative int32 / int64 values (10 bytes).
 */
export function encodeVarint(value: number | bigint): Uint8Array {
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new RangeError(`varint: ${value} is not a safe integer`);
    if (value >= 0) {
      const out: number[] = [];
      while (value >= 0x80) {
        out.push((value % 0x80) | 0x80);
        value = Math.floor(value / 0x80);
      }
      out.push(value);
      return Uint8Array.from(out);
    }
    value = BigInt(value);
  }
  if (value < -(2n ** 63n) || value >= 2n ** 64n) throw new RangeError(`varint: ${value} is outside 64 bits`);
  let v = BigInt.asUintN(64, value);
  const out: number[] = [];
  while (v >= 0x80n) {
    out.push(Number(v & 0x7fn) | 0x80);
    v >>= 7n;
  }
  out.push(Number(v));
  return Uint8Array.from(out);
}

/** The little-endian bytes of float32 values (a view, without copying, on a little-endian machine). */
export function float32Bytes(values: Float32Array | readonly number[]): Uint8Array {
  const floats = values instanceof Float32Array ? values : Float32Array.from(values);
  if (LITTLE_ENDIAN) return new Uint8Array(floats.buffer, floats.byteOffset, floats.byteLength);
  const out = new Uint8Array(floats.length * 4);
  const view = new DataView(out.buffer);
  floats.forEach((v, i) => view.setFloat32(i * 4, v, true));
  return out;
}

/** The little-endian bytes of int64 values. */
export function int64Bytes(values: readonly (number | bigint)[]): Uint8Array {
  const out = new Uint8Array(values.length * 8);
  const view = new DataView(out.buffer);
  values.forEach((v, i) => view.setBigInt64(i * 8, BigInt(v), true));
  return out;
}

/**
 * Builds one message as a list of byte chunks; nested messages and large byte fields are kept by
 * reference, so `finish()` copies each byte once however deep the nesting.
 */
export class ProtoWriter {
  private readonly chunks: Uint8Array[] = [];
  private size = 0;

  /** The encoded length so far. */
  get length(): number {
    return this.size;
  }

  private push(bytes: Uint8Array): void {
    this.chunks.push(bytes);
    this.size += bytes.length;
  }

  private tag(field: number, wireType: number): void {
    if (!Number.isInteger(field) || field < 1 || field > 2 ** 29 - 1) throw new RangeError(`protobuf: bad field number ${field}`);
    this.push(encodeVarint(field * 8 + wireType));
  }

  /** A varint field (int32, int64, uint64, enum, bool). */
  varint(field: number, value: number | bigint): this {
    this.tag(field, WIRE_VARINT);
    this.push(encodeVarint(value));
    return this;
  }

  /** A `float` field (fixed32, little-endian). */
  float(field: number, value: number): this {
    this.tag(field, WIRE_FIXED32);
    this.push(float32Bytes([value]));
    return this;
  }

  /** A `bytes` field; the array is kept by reference until `finish()`. */
  bytes(field: number, value: Uint8Array): this {
    this.tag(field, WIRE_LENGTH_DELIMITED);
    this.push(encodeVarint(value.length));
    this.push(value);
    return this;
  }

  /** A `string` field, UTF-8 encoded. */
  string(field: number, value: string): this {
    return this.bytes(field, TEXT.encode(value));
  }

  /** A nested message field; the child's chunks are kept by reference (do not change it afterwards). */
  message(field: number, child: ProtoWriter): this {
    this.tag(field, WIRE_LENGTH_DELIMITED);
    this.push(encodeVarint(child.size));
    for (const chunk of child.chunks) this.push(chunk);
    return this;
  }

  /** A packed repeated int64 / int32 field. */
  packedVarints(field: number, values: readonly (number | bigint)[]): this {
    const encoded = values.map((v) => encodeVarint(v));
    this.tag(field, WIRE_LENGTH_DELIMITED);
    this.push(encodeVarint(encoded.reduce((sum, e) => sum + e.length, 0)));
    for (const e of encoded) this.push(e);
    return this;
  }

  /** A packed repeated float field. */
  packedFloats(field: number, values: Float32Array | readonly number[]): this {
    return this.bytes(field, float32Bytes(values));
  }

  /** The message's bytes, in one new array. */
  finish(): Uint8Array {
    const out = new Uint8Array(this.size);
    let offset = 0;
    for (const chunk of this.chunks) {
      out.set(chunk, offset);
      offset += chunk.length;
    }
    return out;
  }
}

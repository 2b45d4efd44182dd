/** A copy of `bytes` with each `unit`-byte word reversed (big <-> little endian). Never modifies the input. */
export function swapBytes(bytes: Uint8Array, unit: number): Uint8Array {
  const out = new Uint8Array(bytes.length);
  const whole = bytes.length - (bytes.length % unit);
  for (let i = 0; i < whole; i += unit) {
    for (let j = 0; j < unit; j++) out[i + j] = bytes[i + unit - 1 - j]!;
  }
  out.set(bytes.subarray(whole), whole);
  return out;
}

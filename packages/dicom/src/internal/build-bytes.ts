/** Little helpers for writing hand-made DICOM byte streams in tests. */
export function explicitLE(tag: number, vr: string, value: Uint8Array | string, lengthOverride?: number): Uint8Array {
  const v = typeof value === 'string' ? new TextEncoder().encode(value) : value;
  const long = ['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'SQ', 'SV', 'UC', 'UN', 'UR', 'UT', 'UV'].includes(vr);
  const header = new Uint8Array(long ? 12 : 8);
  const view = new DataView(header.buffer);
  view.setUint16(0, tag >>> 16, true);
  view.setUint16(2, tag & 0xffff, true);
  header[4] = vr.charCodeAt(0);
  header[5] = vr.charCodeAt(1);
  const length = lengthOverride ?? v.length;
  if (long) view.setUint32(8, length >>> 0, true);
  else view.setUint16(6, length, true);
  return concat(header, v);
}

export function implicitLE(tag: number, value: Uint8Array | string, lengthOverride?: number): Uint8Array {
  const v = typeof value === 'string' ? new TextEncoder().encode(value) : value;
  const header = new Uint8Array(8);
  const view = new DataView(header.buffer);
  view.setUint16(0, tag >>> 16, true);
  view.setUint16(2, tag & 0xffff, true);
  view.setUint32(4, (lengthOverride ?? v.length) >>> 0, true);
  return concat(header, v);
}

/** An item or delimiter header: (FFFE,xxxx) and a 32-bit length. */
export function marker(tag: number, length: number): Uint8Array {
  const out = new Uint8Array(8);
  const view = new DataView(out.buffer);
  view.setUint16(0, tag >>> 16, true);
  view.setUint16(2, tag & 0xffff, true);
  view.setUint32(4, length >>> 0, true);
  return out;
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Preamble, DICM and a minimal file meta declaring `transferSyntax`. */
export function part10Prefix(transferSyntax: string): Uint8Array {
  const uid = transferSyntax.length % 2 ? transferSyntax + '\0' : transferSyntax;
  const body = concat(explicitLE(0x00020001, 'OB', new Uint8Array([0, 1])), explicitLE(0x00020010, 'UI', uid));
  const groupLength = new Uint8Array(4);
  new DataView(groupLength.buffer).setUint32(0, body.length, true);
  return concat(new Uint8Array(128), new TextEncoder().encode('DICM'), explicitLE(0x00020000, 'UL', groupLength), body);
}

/** A data element tag as one unsigned 32-bit number: group in the high 16 bits, element in the low. */
export type Tag = number;

export function makeTag(group: number, element: number): Tag {
  return ((group << 16) | element) >>> 0;
}

export function tagGroup(tag: Tag): number {
  return tag >>> 16;
}

export function tagElement(tag: Tag): number {
  return tag & 0xffff;
}

/** "00100010", the form used by the DICOM JSON model. */
export function tagHex(tag: Tag): string {
  return (tag >>> 0).toString(16).toUpperCase().padStart(8, '0');
}

/** "(0010,0010)", the form used by dcmdump and the standard. */
export function formatTag(tag: Tag): string {
  const hex = tagHex(tag);
  return `(${hex.slice(0, 4)},${hex.slice(4)})`;
}

/** Parses "(0010,0010)", "0010,0010" or "00100010"; returns undefined for anything else. */
export function parseTagString(text: string): Tag | undefined {
  const m = /^\(?([0-9a-fA-F]{4}),?([0-9a-fA-F]{4})\)?$/.exec(text.trim());
  if (!m) return undefined;
  return makeTag(parseInt(m[1]!, 16), parseInt(m[2]!, 16));
}

export function isPrivateTag(tag: Tag): boolean {
  return (tagGroup(tag) & 1) === 1;
}

/** (gggg,0010-00FF) in an odd group reserves a block of private elements. */
export function isPrivateCreatorTag(tag: Tag): boolean {
  const el = tagElement(tag);
  return isPrivateTag(tag) && el >= 0x10 && el <= 0xff;
}

export function isGroupLengthTag(tag: Tag): boolean {
  return tagElement(tag) === 0;
}

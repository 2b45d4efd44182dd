import { ATTRIBUTES, REPEATING_ATTRIBUTES } from './attributes.generated.js';
import { isPrivateCreatorTag, isPrivateTag, tagElement } from '../core/tag.js';
import { isVR, type VR } from '../core/vr.js';

export interface DictionaryEntry {
  tag: number;
  keyword: string;
  name: string;
  /** One VR, or several when the standard allows more than one ("US|SS", "OB|OW"); "NONE" for items. */
  vr: string;
  vm: string;
  retired: boolean;
}

let byTag: Map<number, DictionaryEntry> | undefined;
let byKeyword: Map<string, DictionaryEntry> | undefined;

function load(): Map<number, DictionaryEntry> {
  if (byTag) return byTag;
  byTag = new Map();
  for (const [tag, keyword, vr, vm, retired, name] of ATTRIBUTES) {
    byTag.set(tag, { tag, keyword, name, vr, vm, retired: retired === 1 });
  }
  return byTag;
}

const GROUP_LENGTH: Omit<DictionaryEntry, 'tag'> = {
  keyword: 'GenericGroupLength', name: 'Group Length', vr: 'UL', vm: '1', retired: false,
};
const PRIVATE_CREATOR: Omit<DictionaryEntry, 'tag'> = {
  keyword: 'PrivateCreator', name: 'Private Creator', vr: 'LO', vm: '1', retired: false,
};

/** The public dictionary entry for a tag, including repeating groups (60xx), group lengths and private creators. */
export function lookupTag(tag: number): DictionaryEntry | undefined {
  const exact = load().get(tag);
  if (exact) return exact;
  if (isPrivateTag(tag)) {
    if (isPrivateCreatorTag(tag)) return { tag, ...PRIVATE_CREATOR };
    if (tagElement(tag) === 0) return { tag, ...GROUP_LENGTH };
    return undefined;
  }
  for (const [mask, value, keyword, vr, vm, retired, name] of REPEATING_ATTRIBUTES) {
    if (((tag & mask) >>> 0) === value) return { tag, keyword, name, vr, vm, retired: retired === 1 };
  }
  if (tagElement(tag) === 0) return { tag, ...GROUP_LENGTH };
  return undefined;
}

/** The entry for a keyword such as "PatientName". Repeating-group keywords resolve to their first group. */
export function lookupKeyword(keyword: string): DictionaryEntry | undefined {
  if (!byKeyword) {
    byKeyword = new Map();
    for (const entry of load().values()) byKeyword.set(entry.keyword, entry);
    for (const [, value, kw, vr, vm, retired, name] of REPEATING_ATTRIBUTES) {
      if (!byKeyword.has(kw)) byKeyword.set(kw, { tag: value, keyword: kw, name, vr, vm, retired: retired === 1 });
    }
  }
  return byKeyword.get(keyword);
}

/**
 * The VR to assume for a tag when the encoding does not carry one (implicit VR).
 * Ambiguous entries take their first option here; see resolveAmbiguousVR for the context-aware choice.
 */
export function dictionaryVR(tag: number): VR | undefined {
  const entry = lookupTag(tag);
  if (!entry) return undefined;
  const first = entry.vr.split('|')[0]!;
  return isVR(first) ? first : undefined;
}

/** True when the standard lists more than one VR for the tag ("US or SS", "OB or OW"). */
export function hasAmbiguousVR(tag: number): boolean {
  return lookupTag(tag)?.vr.includes('|') ?? false;
}

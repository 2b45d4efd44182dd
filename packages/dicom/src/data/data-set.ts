import { lookupTag } from '../dictionary/lookup.js';
import { resolveAmbiguousVR } from './ambiguous-vr.js';
import { Tags } from '../core/tags.js';
import { isVR, type VR } from '../core/vr.js';
import { valueByteLength, type Element } from './element.js';

/**
 * An ordered set of data elements. Items of a sequence are data sets whose `parent` is the data set
 * holding the sequence, so Specific Character Set and Pixel Representation are inherited as PS3.5 says.
 */
export class DataSet {
  private readonly map = new Map<number, Element>();
  private lastTag = -1;
  private ordered = true;
  parent: DataSet | undefined;

  constructor(parent?: DataSet) {
    this.parent = parent;
  }

  get size(): number {
    return this.map.size;
  }

  has(tag: number): boolean {
    return this.map.has(tag);
  }

  get(tag: number): Element | undefined {
    return this.map.get(tag);
  }

  /** Adds or replaces an element. */
  set(element: Element): this {
    const tag = element.tag;
    if (!this.map.has(tag)) {
      if (tag < this.lastTag) this.ordered = false;
      else this.lastTag = tag;
    }
    this.map.set(tag, element);
    return this;
  }

  delete(tag: number): boolean {
    return this.map.delete(tag);
  }

  /** Elements in ascending tag order, as they must be encoded. */
  elements(): Element[] {
    const list = [...this.map.values()];
    if (!this.ordered) {
      list.sort((a, b) => a.tag - b.tag);
    }
    return list;
  }

  tags(): number[] {
    return this.elements().map((e) => e.tag);
  }

  [Symbol.iterator](): Iterator<Element> {
    return this.elements()[Symbol.iterator]();
  }

  /** Total bytes of values held, at every depth. */
  valueBytes(): number {
    let n = 0;
    for (const e of this.map.values()) n += valueByteLength(e);
    return n;
  }

  /** The element for a tag here or, for inherited attributes, in an enclosing data set. */
  inherited(tag: number): Element | undefined {
    let ds: DataSet | undefined = this;
    while (ds) {
      const e = ds.map.get(tag);
      if (e) return e;
      ds = ds.parent;
    }
    return undefined;
  }

  /** Pixel Representation in force for this data set (1 = signed), looked up through enclosing data sets. */
  pixelRepresentation(): number | undefined {
    const e = this.inherited(Tags.PixelRepresentation);
    if (e?.kind !== 'bytes' || e.value.length < 2) return undefined;
    return e.value[0]! | (e.value[1]! << 8);
  }

  /**
   * The VR to interpret an element's value with: the stored VR, except that UN is replaced by the
   * dictionary's VR when the standard defines the tag (as pydicom's replace_un_with_known_vr does).
   */
  effectiveVR(element: Element): VR {
    if (element.kind === 'sequence') return 'SQ';
    if (element.vr !== 'UN') return element.vr;
    const entry = lookupTag(element.tag);
    if (!entry || entry.vr === 'NONE') return 'UN';
    if (entry.vr.includes('|')) return resolveAmbiguousVR(element.tag, entry.vr, this, { implicitVR: true });
    return isVR(entry.vr) ? entry.vr : 'UN';
  }
}

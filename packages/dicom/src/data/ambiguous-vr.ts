import { Tags } from '../core/tags.js';
import type { VR } from '../core/vr.js';
import type { DataSet } from './data-set.js';

function readUS(ds: DataSet, tag: number): number | undefined {
  const e = ds.get(tag);
  if (e?.kind !== 'bytes' || e.value.length < 2) return undefined;
  return e.value[0]! | (e.value[1]! << 8);
}

/**
 * Chooses one VR for a tag the dictionary gives several ("US or SS", "OB or OW", "US or OW"), the way
 * PS3.5 and pydicom's correct_ambiguous_vr_element decide: from Pixel Representation (searched through
 * enclosing data sets), Bits Allocated, the LUT Descriptor, or the encoding (implicit VR gives OW).
 */
export function resolveAmbiguousVR(
  tag: number, options: string, ds: DataSet, context: { implicitVR: boolean; undefinedLength?: boolean },
): VR {
  const choices = options.split('|');
  if (tag === Tags.PixelData) {
    if (context.undefinedLength) return 'OB';
    if (context.implicitVR) return 'OW';
    return (readUS(ds, Tags.BitsAllocated) ?? 16) > 8 ? 'OW' : 'OB';
  }
  if (choices.includes('US') && choices.includes('SS')) {
    let scope: DataSet | undefined = ds;
    while (scope && !scope.has(Tags.PixelRepresentation)) scope = scope.parent;
    return scope && readUS(scope, Tags.PixelRepresentation) === 1 ? 'SS' : 'US';
  }
  if (tag === 0x00283006) {
    const descriptor = ds.get(0x00283002);
    const entries = descriptor?.kind === 'bytes' && descriptor.value.length >= 2 ? descriptor.value[0]! | (descriptor.value[1]! << 8) : 0;
    return entries === 1 ? 'US' : 'OW';
  }
  if (choices.includes('OW')) return 'OW';
  return choices[0] as VR;
}

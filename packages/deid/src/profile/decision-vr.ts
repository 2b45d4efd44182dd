import type { DataSet, Element, VR } from '@cxrlab/dicom';

/**
 * The VR an element is decided and rewritten with: SQ for a parsed sequence (encoded SQ or UN), the VR
 * its value is read with otherwise (UN replaced by the dictionary's VR), except that UN bytes the
 * dictionary calls a sequence stay UN: an unparsed sequence, which decideBasic removes.
 */
export function decisionVR(ds: DataSet, element: Element): VR {
  if (element.kind === 'sequence') return 'SQ';
  const vr = ds.effectiveVR(element);
  return vr === 'SQ' ? 'UN' : vr;
}

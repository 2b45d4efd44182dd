import { isPrivateTag, type DataSet, type Element } from '@cxrlab/dicom';
import { checkBasicElement } from './audit-basic.js';
import { finding, type Finding } from './finding.js';
import type { BasicProfileOptions, ProfileName } from './profile-options.js';
import { VINDR_KEEP } from './vindr-profile.js';
import { walkDataSet } from './walk-data-set.js';

/**
 * Every element of a data set, at every depth, that the profile would not have let through: what
 * `cxrlab deid verify` reports. An element found not allowed is reported once, without its items.
 * For basic the options must be those the data set was de-identified with. Checks values, not
 * provenance: a date shifted or a UID replaced elsewhere cannot be told from an original here.
 */
export function auditDataSet(dataSet: DataSet, profile: ProfileName, options: BasicProfileOptions): Finding[] {
  const findings: Finding[] = [];
  walkDataSet(dataSet, (ds, element, pathOf) => {
    const path = pathOf();
    const found = isPrivateTag(element.tag)
      ? finding(path, element, 'private-tag', 'private element')
      : profile === 'vindr' ? checkVindrElement(ds === dataSet, element, path) : checkBasicElement(ds, element, path, options);
    if (found) findings.push(found);
    return found === undefined;
  });
  return findings;
}

function checkVindrElement(topLevel: boolean, element: Element, path: string): Finding | undefined {
  if (element.kind === 'sequence') return finding(path, element, 'sequence', 'the vindr profile keeps no sequence');
  if (!topLevel || !VINDR_KEEP.has(element.tag)) return finding(path, element, 'not-whitelisted', 'not in the vindr whitelist');
  return undefined;
}

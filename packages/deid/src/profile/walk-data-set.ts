import { tagHex, type DataSet, type Element } from '@cxrlab/dicom';

/**
 * Called for each element; return false to skip the items of a sequence. `path()` gives the element's
 * data-set path, built only when asked for (most visitors never need it, and the walks run per file).
 */
export type Visitor = (ds: DataSet, element: Element, path: () => string) => boolean | void;

/**
 * Visits every element at every depth, depth first in tag order, with its data-set path in the form of
 * errors (`00400275/[0]/00321060`: sequence tag, item index, element tag).
 */
export function walkDataSet(ds: DataSet, visit: Visitor, prefix = ''): void {
  for (const element of ds) {
    const path = (): string => prefix + tagHex(element.tag);
    if (visit(ds, element, path) === false || element.kind !== 'sequence') continue;
    const here = path();
    element.items.forEach((item, i) => walkDataSet(item.dataSet, visit, `${here}/[${i}]/`));
  }
}

import { Tags, elementStrings, getString, type BytesElement, type DataSet } from '@cxrlab/dicom';
import { decideBasic } from '../profile/decide-basic.js';
import { decisionVR } from '../profile/decision-vr.js';
import { VINDR_KEEP } from '../profile/vindr-profile.js';
import { walkDataSet } from '../profile/walk-data-set.js';
import type { DeidFileOptions } from './deidentify-file.js';

/** Free-text and identifier VRs whose removed values are worth looking for in outputs; not codes (CS) or numbers. */
const TEXT_VRS = new Set(['PN', 'LO', 'SH', 'LT', 'ST', 'UT', 'UC', 'DA', 'DT', 'AE', 'UI']);
const MAX_VALUES = 256;

export interface OriginalValues {
  study_instance_uid?: string;
  series_instance_uid?: string;
  sop_instance_uid?: string;
  /** Values the profile removes or replaces, at any depth, 6 characters or longer (standard UIDs aside), at most 256. */
  values: string[];
}

/** True when the profile lets this value through unchanged (so finding it in an output is no leak). */
function kept(ds: DataSet, element: BytesElement, topLevel: boolean, options: DeidFileOptions): boolean {
  if (options.profile === 'vindr') return topLevel && VINDR_KEEP.has(element.tag);
  const action = decideBasic(element.tag, decisionVR(ds, element), options.basic ?? {});
  return action === 'keep' || action === 'clean';
}

/** UIDs of the standard itself (SOP classes, transfer syntaxes, code schemes): public constants, not identifiers. */
const isStandardUid = (value: string): boolean => value.startsWith('1.2.840.10008.');

/** getString has removed the padding; an empty UID counts as none. */
const uidOf = (dataSet: DataSet, tag: number): string | undefined => getString(dataSet, tag) || undefined;

/**
 * What the private map records of an input so that `cxrlab deid verify --map` can prove none of it
 * reached the output: the study, series and instance UIDs, and every text value the profile removes
 * or replaces (names, ids, dates, UIDs, descriptions), at any depth.
 */
export function originalValues(dataSet: DataSet, options: DeidFileOptions): OriginalValues {
  const values = new Set<string>();
  walkDataSet(dataSet, (ds, e) => {
    if (values.size >= MAX_VALUES || e.kind !== 'bytes' || !TEXT_VRS.has(e.vr) || e.value.length > 1024 || kept(ds, e, ds === dataSet, options)) return;
    for (const v of elementStrings(ds, e)) if (v.trim().length >= 6 && !isStandardUid(v.trim())) values.add(v.trim());
  });
  return {
    study_instance_uid: uidOf(dataSet, Tags.StudyInstanceUID),
    series_instance_uid: uidOf(dataSet, Tags.SeriesInstanceUID),
    sop_instance_uid: uidOf(dataSet, Tags.SOPInstanceUID),
    values: [...values],
  };
}

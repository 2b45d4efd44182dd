// vindr: exactly the PhysioNet release's files, per split the project has images in. Independent
// reads are written in the train layout (rad_id = the reader's pseudonym); a consensus in the test
// layout, which has no rad_id column.
import { annotationsPath, imageLabelsPath, VINDR_CXR_SCHEMA, writePhysionetAnnotations, writePhysionetImageLabels, type LabelSchema } from '@cxrlab/dataset';
import type { Split } from '../db/database.js';
import type { ExportData } from './export-data.js';
import type { ExportFile } from './export-file.js';
import { toAnnotations, toImageLabels } from './export-records.js';

export function vindrFiles(data: ExportData): ExportFile[] {
  const layout: Split = data.kind === 'reads' ? 'train' : 'test';
  const labelColumns = publishedLabelColumns(data.schema, layout);
  return data.splits.flatMap((split): ExportFile[] => {
    const records = data.records.filter((r) => r.split === split);
    return [
      { name: annotationsPath(split), content: writePhysionetAnnotations(toAnnotations(records, data.schema), { split: layout }) },
      { name: imageLabelsPath(split), content: writePhysionetImageLabels(toImageLabels(records, data.schema), data.schema, { split: layout, ...(labelColumns ? { labelColumns } : {}) }) },
    ];
  });
}

/** The VinDr-CXR test file spells "Other diseases" as "Other disease"; any other schema uses its names. */
function publishedLabelColumns(schema: LabelSchema, layout: Split): string[] | undefined {
  if (layout !== 'test' || schema.name !== VINDR_CXR_SCHEMA.name) return undefined;
  return schema.labels.map((l) => (l.name === 'Other diseases' && l.aliases?.includes('Other disease') ? 'Other disease' : l.name));
}

// json: the whole export as one document: the project (key, name, workflow, N, M, schema), the
// finished images, the reads (pseudonyms only) or the consensus, and the counts.
import type { ExportData } from './export-data.js';
import type { ExportCounts, ExportFile } from './export-file.js';

export function jsonFiles(data: ExportData, counts: ExportCounts): ExportFile[] {
  const { project } = data;
  const records = data.records.map((r) => ({
    imageId: r.imageId,
    ...(r.radId !== undefined ? { radId: r.radId } : {}),
    globals: r.globals,
    boxes: r.boxes.map((b) => ({ label: b.label, xMin: b.xMin, yMin: b.yMin, xMax: b.xMax, yMax: b.yMax })),
  }));
  const document = {
    project: { key: project.key, name: project.name, workflow: project.workflow, N: project.readers_per_image, M: project.reviewers_per_image, schema: data.schema },
    images: data.images.map((i) => ({ imageId: i.imageId, split: i.split, width: i.width, height: i.height })),
    ...(data.kind === 'reads' ? { reads: records } : { consensus: records }),
    counts,
  };
  return [{ name: 'export.json', content: `${JSON.stringify(document)}\n` }];
}

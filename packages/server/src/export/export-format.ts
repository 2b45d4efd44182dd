// The layouts a project can be exported in.

export const EXPORT_FORMATS = ['vindr', 'kaggle', 'coco', 'yolo', 'json'] as const;

/**
 * vindr: the PhysioNet release's annotations/*.csv; kaggle: the challenge's train.csv; coco: one COCO
 * JSON; yolo: labels/<image_id>.txt, classes.txt, data.yaml; json: everything in one JSON document.
 */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const isExportFormat = (value: string): value is ExportFormat => (EXPORT_FORMATS as readonly string[]).includes(value);

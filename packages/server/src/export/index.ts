// Exports: a project's finished reads or consensus as numbered snapshots in the VinDr (PhysioNet),
// Kaggle, COCO, YOLO or JSON layout, over HTTP and from the command line.
export { EXPORT_FORMATS, isExportFormat, type ExportFormat } from './export-format.js';
export { buildExport, exportFiles, type BuiltExport } from './build-export.js';
export { loadExportData, type ExportData, type ExportImage } from './export-data.js';
export type { ExportBox, ReadRecord } from './load-reads.js';
export type { ExportCounts, ExportFile } from './export-file.js';
export { MANIFEST_FILE, type ExportManifest, type ManifestFile } from './export-manifest.js';
export { createExportSnapshot, type ExportSnapshot, type SnapshotOptions } from './export-snapshot.js';
export { listExports, openSnapshot, type ExportListing } from './export-store.js';
export { exportRoutes } from './export-routes.js';

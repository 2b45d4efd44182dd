// @cxrlab/server: the labelling platform's HTTP API and database.
export { buildApp, type BuildAppOptions } from './app.js';
export { startServer, type StartOptions, type RunningServer } from './start/start-server.js';
export { openDatabase, SQLITE_FILE, type DatabaseOptions, type OpenDatabase } from './db/connect.js';
export type { Database } from './db/database.js';
export type { DialectName } from './db/dialect.js';
export { DEFAULT_SETTINGS, type ServerContext, type ServerSettings } from './context.js';
export { LoginLimiter } from './auth/login-limiter.js';
export { createProject, type NewProject } from './projects/create-project.js';
export { importImages, type ImportOptions, type ImportResult, type ImportRefusal, type ImportedImage } from './import/import-images.js';
export { assignProject } from './workflow/assign.js';
export { createExportSnapshot, buildExport, EXPORT_FORMATS, isExportFormat, type ExportFormat, type ExportCounts, type ExportManifest, type ExportSnapshot, type SnapshotOptions } from './export/index.js';
export { seedDemo, DEMO_PROJECTS, type DemoSeed, type SeedDemoOptions } from './demo/seed-demo.js';
export { StartError } from './start/start-error.js';

// manifest.json: what a snapshot holds. It names the project by key and nobody by name: who made the
// export is in the exports table only.
import type { ExportCounts } from './export-file.js';
import type { ExportFormat } from './export-format.js';

export interface ManifestFile {
  /** Relative to the snapshot folder, forward slashes. */
  name: string;
  bytes: number;
  /** Hex SHA-256 of the file's bytes. */
  sha256: string;
}

export interface ExportManifest {
  /** The project's key. */
  project: string;
  number: number;
  format: ExportFormat;
  createdAt: string;
  counts: ExportCounts;
  /** Every file but manifest.json, in name order. */
  files: ManifestFile[];
}

export const MANIFEST_FILE = 'manifest.json';

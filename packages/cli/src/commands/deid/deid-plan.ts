import { statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { readDicomFileSync } from '@cxrlab/dicom';
import { checkImage, imageId as makeImageId, originalValues, type DeidFileOptions } from '@cxrlab/deid';
import type { InputFile } from '@cxrlab/pipeline';
import type { MapEntry } from './deid-map.js';
import type { DeidReport } from './deid-report.js';
import type { DeidJob } from './deid-task.js';

/** One input to de-identify, and its entry for the private map. */
export interface PlannedJob {
  job: DeidJob;
  entry: MapEntry;
}

export interface DeidPlan {
  jobs: PlannedJob[];
  /** Every input, in input order: planned, done before, skipped or failed. */
  entries: MapEntry[];
}

export interface PlanSettings {
  outDir: string;
  options: DeidFileOptions;
  fingerprint: string;
  durable: boolean;
  report: DeidReport;
  /** The private map of earlier runs (empty without --map). */
  previous: Map<string, MapEntry>;
  force: boolean;
}

/** The path under the directory the input was found in, extension kept. */
function relativePath(file: InputFile): string {
  const name = basename(file.path);
  const stemName = file.stem.slice(file.stem.lastIndexOf('/') + 1);
  return name === stemName ? file.stem : `${file.stem}${name.slice(stemName.length)}`;
}

function errorFields(error: unknown): Pick<MapEntry, 'code' | 'reason'> {
  const e = error as { code?: unknown; reason?: unknown; message?: unknown };
  return { code: typeof e.code === 'string' ? e.code : 'ERR_IO', reason: String(e.reason ?? e.message ?? error) };
}

/** Sources of earlier runs by the image id they became (de-identified or found done). */
function earlierSources(previous: Map<string, MapEntry>): Map<string, string> {
  const byId = new Map<string, string>();
  for (const e of previous.values()) {
    if (e.image_id && (e.status === 'deidentified' || e.status === 'done-before')) byId.set(e.image_id, e.source);
  }
  return byId;
}

/**
 * Reads every input's header (a few kilobytes each) to find its image id, then decides: de-identify
 * it, skip it (its output is complete from an earlier run with the same options), or refuse it (a
 * duplicate SOP Instance UID, a non-image object, a file that is not DICOM).
 */
export function planDeid(files: InputFile[], settings: PlanSettings): DeidPlan {
  const plan: DeidPlan = { jobs: [], entries: [] };
  const claimed = earlierSources(settings.previous);
  const thisRun = new Map<string, string>();
  for (const file of files) {
    const entry: MapEntry = { source: file.path, relative_path: relativePath(file), size: 0, mtime_ms: 0, status: 'failed' };
    plan.entries.push(entry);
    try {
      const stats = statSync(file.path);
      entry.size = stats.size;
      entry.mtime_ms = stats.mtimeMs;
      const header = readDicomFileSync(file.path, { stopBeforePixelData: true });
      const { sopInstanceUid } = checkImage(header);
      const imageId = makeImageId(sopInstanceUid, settings.options.key);
      Object.assign(entry, { image_id: imageId, ...originalValues(header.dataSet, settings.options) });
      const first = thisRun.get(imageId) ?? (settings.force ? undefined : claimed.get(imageId));
      if (first !== undefined && first !== file.path) {
        Object.assign(entry, { status: 'duplicate', code: 'ERR_DUPLICATE', reason: `same SOP Instance UID as ${first}: not written twice` });
        continue;
      }
      thisRun.set(imageId, file.path);
      if (!settings.force && settings.report.isComplete(imageId, settings.fingerprint)) {
        entry.status = 'done-before';
        continue;
      }
      entry.status = 'deidentified';
      const output = join(settings.outDir, `${imageId}.dicom`);
      plan.jobs.push({ entry, job: { input: file.path, output, imageId, options: settings.options, durable: settings.durable } });
    } catch (error) {
      const fields = errorFields(error);
      Object.assign(entry, { status: fields.code === 'ERR_NOT_IMAGE' ? 'not-image' : 'failed', ...fields });
    }
  }
  return plan;
}

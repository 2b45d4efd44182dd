import { statSync } from 'node:fs';
import { join } from 'node:path';
import { readDicomFileSync } from '@cxrlab/dicom';
import { checkImage, imageId as makeImageId, readSopInstanceUid, type DeidFileOptions } from '@cxrlab/deid';
import { batchBySize, inputRelativePath, toTaskError, type InputFile } from '@cxrlab/pipeline';
import { hasOutput, type MapEntry } from './deid-map.js';
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
  report: DeidReport;
  /** The private map of earlier runs (empty without --map). */
  previous: Map<string, MapEntry>;
  force: boolean;
}

/** Sources of earlier runs by the image id they became (de-identified or found done). */
function earlierSources(previous: Map<string, MapEntry>): Map<string, string> {
  const byId = new Map<string, string>();
  for (const e of previous.values()) {
    if (e.image_id && hasOutput(e)) byId.set(e.image_id, e.source);
  }
  return byId;
}

/** The originals an earlier run recorded for this source and image, carried over when it is skipped as done. */
function carried(previous: MapEntry | undefined, imageId: string): Partial<MapEntry> {
  if (previous?.image_id !== imageId) return {};
  const { study_instance_uid, series_instance_uid, values } = previous;
  return { study_instance_uid, series_instance_uid, values };
}

/**
 * Reads every input's SOP Instance UID (the first few hundred bytes) to find its image id, then
 * decides: de-identify it, skip it (its output is complete from an earlier run with the same
 * options), or refuse it (a duplicate SOP Instance UID, a file that is not DICOM). The worker reads
 * the rest: whether it is an image, and the originals the map records.
 */
export function planDeid(files: InputFile[], settings: PlanSettings): DeidPlan {
  const plan: DeidPlan = { jobs: [], entries: [] };
  const claimed = earlierSources(settings.previous);
  const thisRun = new Map<string, string>();
  for (const file of files) {
    const entry: MapEntry = { source: file.path, relative_path: inputRelativePath(file), size: 0, mtime_ms: 0, status: 'failed' };
    plan.entries.push(entry);
    try {
      const stats = statSync(file.path);
      entry.size = stats.size;
      entry.mtime_ms = stats.mtimeMs;
      // no SOP Instance UID: a header read says why (a DICOMDIR, an object without one)
      const sopInstanceUid = readSopInstanceUid(file.path) ?? checkImage(readDicomFileSync(file.path, { stopBeforePixelData: true })).sopInstanceUid;
      const imageId = makeImageId(sopInstanceUid, settings.options.key);
      Object.assign(entry, { image_id: imageId, sop_instance_uid: sopInstanceUid });
      const first = thisRun.get(imageId) ?? (settings.force ? undefined : claimed.get(imageId));
      if (first !== undefined && first !== file.path) {
        Object.assign(entry, { status: 'duplicate', code: 'ERR_DUPLICATE', reason: `same SOP Instance UID as ${first}: not written twice` });
        continue;
      }
      thisRun.set(imageId, file.path);
      if (!settings.force && settings.report.isComplete(imageId, settings.fingerprint)) {
        Object.assign(entry, { status: 'done-before', ...carried(settings.previous.get(file.path), imageId) });
        continue;
      }
      // failed until the worker says otherwise: a run cut short leaves an honest map
      Object.assign(entry, { status: 'failed', code: 'ERR_NOT_RUN', reason: 'the run stopped before this file was de-identified' });
      const output = join(settings.outDir, `${imageId}.dicom`);
      plan.jobs.push({ entry, job: { input: file.path, output, imageId } });
    } catch (error) {
      const { code, reason } = toTaskError(error, 'ERR_IO');
      Object.assign(entry, { status: code === 'ERR_NOT_IMAGE' ? 'not-image' : 'failed', code, reason });
    }
  }
  return plan;
}

/**
 * At most this many files, and this many bytes, travel to a worker in one message: enough to spread a
 * message's cost over many small files, small enough that a batch of compressed images (whose
 * decoding for the text search takes far longer per byte) still reports progress file by file.
 */
const BATCH_FILES = 32;
const BATCH_BYTES = 1024 * 1024;

/**
 * The jobs grouped for the workers: small files in batches (one message per batch instead of per
 * file), large ones alone, input order kept.
 */
export function batchJobs(jobs: readonly PlannedJob[]): PlannedJob[][] {
  return batchBySize(jobs, (planned) => planned.entry.size, { maxItems: BATCH_FILES, maxBytes: BATCH_BYTES });
}

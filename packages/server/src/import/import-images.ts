// Registers DICOM files as a project's images, from their headers only: the image id, size, depth,
// photometric, window presets and key header values. Files that still identify the patient are
// refused (unless allowed), as are colour images. Idempotent: a file registered before is
// "unchanged"; another file claiming a registered image id with other content is refused. Rows go in
// batched transactions (one audit entry each); the run is recorded in import_runs.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { audit } from '../audit/audit.js';
import type { Database, Image, Project, Split } from '../db/database.js';
import { insertImages } from './insert-images.js';
import { inspectFile, type Inspection, type RefusalCode } from './inspect-file.js';
import { collectSources, type ImportSource } from './import-sources.js';
import { finishImportRun, openImportRun } from './import-run.js';
import { placeFile, removeQuietly, replaceFile } from './place-file.js';
import { sameContent } from './same-content.js';

export interface ImportOptions {
  project: Project;
  /** Files and directories (walked recursively), or files with the name their image id may come from. */
  paths: ReadonlyArray<string | ImportSource>;
  split: Split;
  /** Register files that still carry patient identity (default false: refuse them). */
  allowIdentified?: boolean;
  /** A directory (absolute; created when missing) to copy each new file into, as <image id>.dicom; default: register files where they are. */
  copyInto?: string;
  /** With copyInto: rename the files there instead of copying them (an upload's temporary file, on the same file system). */
  move?: boolean;
  actorId: number | null;
  /** What import_runs.source records (default: the paths). */
  source?: string;
  onProgress?: (done: number, total: number) => void;
  /** Rows per transaction (default 500). */
  batchSize?: number;
}

export interface ImportedImage {
  file: string;
  imageId: string;
  /** images.id */
  id: number;
  status: 'added' | 'unchanged';
}

export interface ImportRefusal {
  file: string;
  reason: string;
  code: RefusalCode;
  /** For code 'identified': the identifying attributes present. */
  attributes?: string[];
}

export interface ImportResult {
  runId: number;
  added: number;
  unchanged: number;
  refused: ImportRefusal[];
  failed: { file: string; reason: string }[];
  /** Files in the directories that are not DICOM (not counted as failed). */
  skipped: string[];
  images: ImportedImage[];
}

type Ok = Extract<Inspection, { status: 'ok' }>;
type Registered = Pick<Image, 'id' | 'image_id' | 'path' | 'file_size' | 'split'>;

export async function importImages(db: Kysely<Database>, options: ImportOptions): Promise<ImportResult> {
  const { project } = options;
  const batchSize = options.batchSize ?? 500;
  const collected = collectSources(options.paths);
  const result: ImportResult = { runId: 0, added: 0, unchanged: 0, refused: [], failed: [...collected.unreadable], skipped: collected.skipped, images: [] };
  const source = options.source ?? options.paths.map((p) => (typeof p === 'string' ? p : p.path)).join(', ');
  result.runId = await openImportRun(db, project.id, source, options.actorId);
  if (options.copyInto !== undefined) mkdirSync(options.copyInto, { recursive: true });

  const total = collected.files.length;
  let done = 0;
  const refuse = (file: string, code: RefusalCode, reason: string, attributes?: string[]): void => {
    result.refused.push({ file, code, reason, ...(attributes ? { attributes } : {}) });
  };
  const unchanged = (ok: Ok, row: Registered): void => {
    result.unchanged++;
    result.images.push({ file: ok.source.path, imageId: ok.imageId, id: row.id, status: 'unchanged' });
  };
  /** An already registered image with this id: the same file (unchanged), or a conflict (refused). */
  const against = (ok: Ok, row: Registered): void => {
    const file = ok.source.path;
    if (row.split !== options.split) return refuse(file, 'conflict', `image ${ok.imageId} is already registered as a ${row.split} image; an import does not move it to ${options.split}`);
    if (row.path === file && Number(row.file_size) === ok.size) return unchanged(ok, row);
    if (Number(row.file_size) === ok.size && sameContent(file, row.path)) return unchanged(ok, row);
    const reason = row.path === file
      ? `changed since it was registered as image ${ok.imageId}`
      : `image id ${ok.imageId} is already registered in project ${project.key} from ${row.path}, whose content differs`;
    refuse(file, 'conflict', reason);
  };

  try {
    let queue: Array<ImportSource | Ok> = collected.files;
    while (queue.length > 0) {
      const batch: Ok[] = [];
      const deferred: Array<ImportSource | Ok> = [];
      const ids = new Set<string>();
      let k = 0;
      for (; k < queue.length && batch.length < batchSize; k++) {
        const item = queue[k]!;
        const inspected = 'status' in item ? item : inspectFile(item, options.allowIdentified ?? false);
        if (inspected.status === 'failed') result.failed.push({ file: inspected.source.path, reason: inspected.reason });
        else if (inspected.status === 'refused') refuse(inspected.source.path, inspected.code, inspected.reason, inspected.attributes);
        else if (ids.has(inspected.imageId)) deferred.push(inspected); // judged against the first once it is registered
        else {
          ids.add(inspected.imageId);
          batch.push(inspected);
        }
        if (inspected.status !== 'ok') options.onProgress?.(++done, total);
      }
      queue = [...deferred, ...queue.slice(k)];
      if (batch.length === 0) continue;

      const registered = new Map((await lookUp(db, project.id, [...ids])).map((r) => [r.image_id, r]));
      const fresh: Array<{ ok: Ok; path: string }> = [];
      for (const ok of batch) {
        const row = registered.get(ok.imageId);
        if (row !== undefined) against(ok, row);
        else {
          const path = place(ok, options, result);
          if (path !== undefined) fresh.push({ ok, path });
        }
      }
      if (fresh.length > 0) {
        const inserted = await insertImages(db, { projectId: project.id, split: options.split, actorId: options.actorId, runId: result.runId }, fresh);
        for (const { ok, path } of fresh) {
          const id = inserted.get(ok.imageId);
          if (id !== undefined) {
            result.added++;
            result.images.push({ file: ok.source.path, imageId: ok.imageId, id, status: 'added' });
          } else {
            // registered meanwhile by another import: judge against that one
            const row = (await lookUp(db, project.id, [ok.imageId]))[0];
            if (row !== undefined) against(ok, row);
            else result.failed.push({ file: ok.source.path, reason: `could not register ${path}` });
          }
        }
      }
      done += batch.length;
      options.onProgress?.(done, total);
    }
  } finally {
    const counts = { added: result.added, unchanged: result.unchanged, refused: result.refused.length, failed: result.failed.length };
    await finishImportRun(db, result.runId, counts);
    await audit(db, { userId: options.actorId, projectId: project.id, action: 'import', entity: 'import-run', entityId: result.runId, detail: { split: options.split, allowIdentified: options.allowIdentified ?? false, ...counts } });
  }
  return result;
}

function lookUp(db: Kysely<Database>, projectId: number, imageIds: string[]): Promise<Registered[]> {
  return db.selectFrom('images').select(['id', 'image_id', 'path', 'file_size', 'split']).where('project_id', '=', projectId).where('image_id', 'in', imageIds).execute();
}

/** Where the new image will live: where it is, or placed in copyInto (undefined when placing failed; recorded). */
function place(ok: Ok, options: ImportOptions, result: ImportResult): string | undefined {
  if (options.copyInto === undefined) return ok.source.path;
  const target = join(options.copyInto, `${ok.imageId}.dicom`);
  const how = options.move ? 'move' : 'copy';
  try {
    if (placeFile(ok.source.path, target, how) === 'exists') {
      // a file no image row points at (an interrupted import): the same bytes are kept, others replaced
      if (sameContent(ok.source.path, target)) {
        if (how === 'move') removeQuietly(ok.source.path);
      } else replaceFile(ok.source.path, target, how);
    }
    return target;
  } catch (error) {
    result.failed.push({ file: ok.source.path, reason: `cannot ${how} it to ${target}: ${(error as Error).message}` });
    return undefined;
  }
}

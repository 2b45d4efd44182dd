import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { ProgressReporter, expandInputs, optionsFingerprint, runTasks, type ProgressStream, type TaskModuleRef } from '@cxrlab/pipeline';
import { ExitCode, UsageError, type CliIO } from '../io.js';
import { resolveOutDir } from '../out-dir.js';
import type { Command } from '../run-cli.js';
import { readMap, writeMap, type MapEntry } from './deid/deid-map.js';
import { problemLine, summaryLine } from './deid/deid-messages.js';
import { DEID_VERSION, parseDeidArgs, type DeidRequest } from './deid/deid-options.js';
import { batchJobs, planDeid, type PlannedJob } from './deid/deid-plan.js';
import { DeidReport } from './deid/deid-report.js';
import { buildSummary, writeSummary, type DeidSummary } from './deid/deid-summary.js';
import type { DeidJob, DeidOutcome, DeidSetup } from './deid/deid-task.js';
import { runDeidVerify, VERIFY_USAGE } from './deid/deid-verify.js';

const USAGE = `Usage: cxrlab deid INPUT-DIR... OUTPUT-DIR [options]
       cxrlab deid verify OUTPUT-DIR [--map FILE]

De-identifies DICOM images, in parallel and resumably. Each image is written as
OUTPUT-DIR/<image_id>.dicom, where image_id is the MD5 of its SOP Instance UID (as the VinDr-CXR
release), or with an id key an HMAC-SHA256 nobody without the key can recompute. OUTPUT-DIR also
gets deid-report.jsonl (one line per image: pixels kept or cleaned, text regions removed) and
deid-summary.json; neither names an original path, name or UID. The link back to the originals
goes only to --map FILE. Input files are never modified. Non-images (SR, PR, DICOMDIR), duplicates
(same SOP Instance UID) and unreadable files are skipped with a reason and make the exit status 1.

Options:
  --profile vindr|basic        vindr (default): keep only the VinDr-CXR paper's Table 4 attributes
                               basic: the PS3.15 Basic Application Level Confidentiality Profile
  Basic profile options (PS3.15 Table E.1-1):
    --retain-modified-dates      shift dates by a per-patient number of days
    --retain-full-dates          keep dates
    --retain-patient-characteristics, --retain-device-identity, --retain-institution-identity
    --retain-uids                keep UIDs (otherwise replaced, consistently across files and runs)
    --clean-descriptors          keep descriptions with identifying words removed
  --scrub-pixels auto|on|off   remove burned-in text (auto, the default: CR and DX images and any
                               image with Burned In Annotation YES)
  --id-key KEY                 secret for image ids, new UIDs and date shifts (HMAC-SHA256); also
                               --id-key-file FILE or $CXRLAB_ID_KEY. Keep it to reproduce a run.
  --map FILE                   write the private mapping (source path, original UIDs, image_id) to
                               FILE (JSON Lines, mode 0600); must be outside OUTPUT-DIR
  --workers N                  files at once (default: the number of cores)
  --timeout S                  seconds one file may take (default 300; 0: none)
  --file-list F                read more inputs from F, one path a line
  --force                      de-identify everything again (default: skip images already done
                               with the same options)
  --fsync                      flush each output to disk before renaming it into place (slower;
                               without it a power cut can lose recent outputs: re-run and verify)
`;

const TASK = new URL('./deid/deid-task.js', import.meta.url);

export interface DeidDeps {
  task?: TaskModuleRef;
}

function isInside(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && rel !== '..');
}

/** A short digest of the key for the resume fingerprint: changes with the key, reveals nothing of it. */
function keyDigest(key: Uint8Array | undefined): string {
  return key === undefined ? 'none' : createHash('sha256').update('cxrlab-deid-key\0').update(key).digest('hex').slice(0, 16);
}

function fingerprintOf(request: DeidRequest): string {
  const { profile, basic, scrub, key } = request.deid;
  return optionsFingerprint({ version: DEID_VERSION, profile, basic: profile === 'basic' ? basic : {}, scrub, key: keyDigest(key) });
}

/** Runs `cxrlab deid` with these arguments. */
export async function runDeid(args: string[], io: CliIO, deps: DeidDeps = {}): Promise<number> {
  if (args[0] === 'verify') return runDeidVerify(args.slice(1), io);
  const request = parseDeidArgs(args);
  const started = performance.now();
  const outDir = resolveOutDir(request.outDir);
  const mapPath = request.map === undefined ? undefined : resolve(request.map);
  if (mapPath !== undefined && isInside(outDir, mapPath)) throw new UsageError(`--map ${request.map} is inside OUTPUT-DIR: the private mapping must be kept apart from the de-identified data`);

  const inputs = expandInputs(request.inputs, { fileList: request.fileList, exclude: [outDir] });
  const files = inputs.files.filter((f) => f.path !== mapPath);
  let report: DeidReport;
  let previous: Map<string, MapEntry>;
  try {
    mkdirSync(outDir, { recursive: true });
    if (mapPath !== undefined) mkdirSync(dirname(mapPath), { recursive: true });
    report = DeidReport.open(outDir);
    previous = mapPath === undefined ? new Map() : readMap(mapPath);
  } catch (error) {
    io.stderr.write(`cxrlab deid: cannot start: ${(error as Error).message}\n`);
    return ExitCode.failed;
  }

  const fingerprint = fingerprintOf(request);
  const plan = planDeid(files, { outDir, options: request.deid, fingerprint, report, previous, force: request.force });
  for (const { path, reason } of inputs.unreadable) plan.entries.push({ source: path, relative_path: '', size: 0, mtime_ms: 0, status: 'failed', code: 'ERR_IO', reason });
  const progress = new ProgressReporter(io.stderr as ProgressStream, { label: 'deid' });
  const numberOf = new Map(plan.entries.map((e, i) => [e, i + 1]));
  for (const entry of plan.entries) if (entry.code !== undefined && entry.code !== 'ERR_NOT_RUN') progress.log(problemLine(entry, numberOf.get(entry)!));

  let bytesIn = 0;
  const finish = (planned: PlannedJob, outcome: DeidOutcome): void => {
    const { job, entry } = planned;
    bytesIn += entry.size;
    if (outcome.ok) {
      const { pixels, outputBytes, originals } = outcome.value;
      Object.assign(entry, originals, { status: 'deidentified', code: undefined, reason: undefined });
      report.record({
        image_id: job.imageId, fingerprint, output_bytes: outputBytes, transfer_syntax: pixels.transferSyntaxUID,
        pixels: pixels.changed ? 'cleaned' : 'original', searched: pixels.searched, regions: pixels.regions, unused_bits_cleared: pixels.unusedBitsCleared,
      });
      progress.tick('ok');
    } else {
      Object.assign(entry, { status: outcome.error.code === 'ERR_NOT_IMAGE' ? 'not-image' : 'failed', code: outcome.error.code, reason: outcome.error.reason });
      progress.tick('failed');
      progress.log(problemLine(entry, numberOf.get(entry)!));
    }
  };
  const saveState = (): DeidSummary => {
    report.compact();
    const summary = buildSummary(request.deid, DEID_VERSION, plan.entries);
    writeSummary(outDir, summary);
    if (mapPath !== undefined) {
      for (const entry of plan.entries) previous.set(entry.source, entry);
      writeMap(mapPath, previous);
    }
    return summary;
  };
  // Ctrl-C: keep the map, report and summary of what was done (the next run resumes from them)
  const interrupted = (): void => {
    progress.finish();
    saveState();
    io.stderr.write('cxrlab deid: interrupted; a re-run resumes\n');
    process.exit(130);
  };
  process.once('SIGINT', interrupted);
  let summary: DeidSummary;
  progress.start(plan.jobs.length);
  try {
    const batches = batchJobs(plan.jobs);
    const setupData: DeidSetup = { options: request.deid, durable: request.durable, originals: mapPath !== undefined };
    const options = { concurrency: request.workers, setupData, ...(request.timeoutMs > 0 ? { timeoutMs: request.timeoutMs } : {}) };
    for await (const result of runTasks<DeidJob[], DeidOutcome[]>(deps.task ?? TASK, batches.map((b) => b.map((p) => p.job)), options)) {
      const batch = batches[result.index]!;
      batch.forEach((planned, k) => finish(planned, result.ok ? result.value[k]! : { ok: false, error: result.error }));
    }
  } finally {
    process.removeListener('SIGINT', interrupted);
    progress.finish();
    summary = saveState();
  }
  const { counts, not_done } = summary;
  io.stderr.write(summaryLine(counts, bytesIn, performance.now() - started));
  return not_done.length > 0 ? ExitCode.failed : ExitCode.ok;
}

export const deidCommand: Command = {
  name: 'deid',
  usage: `${USAGE}\n${VERIFY_USAGE}`,
  run: (args, io) => runDeid(args, io),
};

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { OutlierClassifier, loadModelConfig, type FilterResult, type ModelConfig } from '@cxrlab/filter';
import { ProgressReporter, batchBySize, expandInputs, inputRelativePath, optionsFingerprint, runTasks, type InputFile, type ProgressStream, type TaskModuleRef } from '@cxrlab/pipeline';
import { ExitCode, UsageError, type CliIO } from '../io.js';
import type { Command } from '../run-cli.js';
import { FilterJournal, journalPath, type JournalEntry } from './filter/filter-journal.js';
import { placeKept } from './filter/filter-kept.js';
import { tally, writeManifest, type ManifestRow } from './filter/filter-manifest.js';
import { FILTER_VERSION, parseFilterArgs, type FilterRequest } from './filter/filter-options.js';
import type { FilterSetup } from './filter/filter-task.js';

const USAGE = `Usage: cxrlab filter INPUT... --out MANIFEST.csv [options]

Keeps adult frontal chest X-rays and says why each other image was dropped. Every DICOM file under
the inputs gets a row in MANIFEST.csv: decision (keep, review or drop), the reason codes and what was
seen, the classifier's score, and the header values the rules used. Checks, cheapest first:
header rules (modality, body part, view, age, frames, colour, size), image quality (blank,
saturated, low dynamic range, inverted) and, with --model, a CNN; an image the header already drops
is not decoded (see --all-checks). Unreadable files are dropped with the error as the reason. A
re-run resumes from the journal beside the manifest and writes the same manifest.
Reason codes and thresholds: docs/filter.md.

Options:
  --out, -o FILE           the manifest CSV (required)
  --model FILE.onnx        score each image with this ONNX classifier (CPU); its input size and
                           normalisation come from FILE.json beside it, or --model-config, else
                           the released VinDr-CXR detector's (224x224, 3 channels, ImageNet)
  --model-config FILE      the model's JSON sidecar
  --threshold T            outlier score at or above which the model drops an image (default 0.5)
  --review-margin M        scores in [T-M, T) are sent to review (default 0.1; 0: never)
  --min-age YEARS          youngest patient kept (default 18), from Patient Age or the dates
  --min-size PX            shortest image side kept (default 320; 1000 for a VinDr-like set)
  --max-aspect R           largest long/short side ratio kept (default 2)
  --modalities LIST        modalities kept (default CR,DX,DR)
  --chest-words LIST       more Body Part Examined words meaning chest (CHEST, THORAX, LUNG and
                           local spellings are known)
  --quality NAME=V,...     quality thresholds (names and defaults in docs/filter.md)
  --header-only            header rules only: no pixel data is read (fast)
  --all-checks             run every check on every image, even when one already drops it
  --copy-kept DIR          copy the kept images into DIR (paths under their input directory)
  --link-kept DIR          the same with hard links (symbolic links across file systems)
  --workers N              files at once (default: the number of cores)
  --timeout S              seconds one batch of files may take (default 300; 0: none)
  --file-list F            read more inputs from F, one path a line
  --force                  check every file again, ignoring the journal
`;

const TASK = new URL('./filter/filter-task.js', import.meta.url);

export interface FilterDeps {
  task?: TaskModuleRef;
}

/** Files a worker gets at once: many headers, or a few small images; a chest-sized image alone. */
const BATCH = { headerOnly: { maxItems: 64, maxBytes: Number.MAX_SAFE_INTEGER }, pixels: { maxItems: 16, maxBytes: 1024 * 1024 } };

interface Planned {
  file: InputFile;
  size: number;
  mtimeMs: number;
  result?: FilterResult;
}

/** The model and its config, checked here once (a model that does not fit fails the run, not each file). */
async function modelOf(request: FilterRequest): Promise<{ path: string; config: ModelConfig; digest: string } | undefined> {
  if (request.model === undefined) return undefined;
  const path = resolve(request.model);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new UsageError(`cannot read --model ${request.model}: ${(error as Error).message}`);
  }
  let config: ModelConfig;
  try {
    config = loadModelConfig(path, request.modelConfig === undefined ? undefined : resolve(request.modelConfig)).config;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  try {
    await (await OutlierClassifier.load(bytes, config, { optimize: false })).release();
  } catch (error) {
    throw new UsageError(`--model ${request.model}: ${(error as Error).message}`);
  }
  return { path, config, digest: createHash('sha256').update(bytes).digest('hex') };
}

function summary(rows: ManifestRow[], known: number, request: FilterRequest, ms: number): string {
  const { decisions, reasons } = tally(rows);
  const width = Math.max(0, ...reasons.map(([code]) => code.length));
  const seconds = ms / 1000;
  const checked = rows.length - known;
  const resumed = known > 0 ? `, ${known} known from the journal` : '';
  const lines = [
    `cxrlab filter: ${checked} files checked in ${seconds.toFixed(1)} s (${(checked / Math.max(seconds, 1e-3)).toFixed(0)} files/s)${resumed}: ${decisions.keep} keep, ${decisions.review} review, ${decisions.drop} drop`,
    ...reasons.map(([code, n]) => `  ${code.padEnd(width)}  ${n}`),
    `manifest: ${request.out}`,
  ];
  return lines.join('\n') + '\n';
}

/** Runs `cxrlab filter` with these arguments. */
export async function runFilter(args: string[], io: CliIO, deps: FilterDeps = {}): Promise<number> {
  const request = parseFilterArgs(args);
  const started = performance.now();
  const manifestPath = resolve(request.out);
  const model = await modelOf(request);
  const keptDir = request.kept === undefined ? undefined : resolve(request.kept.dir);
  const inputs = expandInputs(request.inputs, { fileList: request.fileList, exclude: keptDir === undefined ? [] : [keptDir] });
  const fingerprint = optionsFingerprint({ version: FILTER_VERSION, options: request.options, model: model?.digest ?? null, config: model?.config ?? null });

  let journal: FilterJournal;
  try {
    mkdirSync(dirname(manifestPath), { recursive: true });
    journal = FilterJournal.open(manifestPath);
  } catch (error) {
    io.stderr.write(`cxrlab filter: cannot use ${request.out}: ${(error as Error).message}\n`);
    return ExitCode.failed;
  }
  const planned: Planned[] = [];
  const unreadable: ManifestRow[] = inputs.unreadable.map(({ path, reason }) => ({ file: path, result: { decision: 'drop', findings: [{ code: 'UNREADABLE', detail: reason }] } }));
  // the run's own outputs, when --out is inside an input directory
  const own = new Set([manifestPath, journalPath(manifestPath)]);
  for (const file of inputs.files.filter((f) => !own.has(f.path))) {
    try {
      const { size, mtimeMs } = statSync(file.path);
      const done = request.force ? undefined : journal.find(file.path, size, mtimeMs, fingerprint);
      planned.push({ file, size, mtimeMs, ...(done ? { result: done } : {}) });
    } catch (error) {
      unreadable.push({ file: file.path, result: { decision: 'drop', findings: [{ code: 'UNREADABLE', detail: (error as Error).message }] } });
    }
  }
  const todo = planned.filter((p) => p.result === undefined);
  let failed = 0;
  const progress = new ProgressReporter(io.stderr as ProgressStream, { label: 'filter' });
  // Ctrl-C: every finished batch is in the journal already; the next run resumes from it
  const interrupted = (): void => {
    progress.finish();
    io.stderr.write('cxrlab filter: interrupted; the manifest is not written, a re-run resumes and writes it\n');
    process.exit(130);
  };
  process.once('SIGINT', interrupted);
  progress.start(todo.length);
  try {
    const setupData: FilterSetup = { options: request.options, model: model === undefined ? undefined : { path: model.path, config: model.config } };
    const limits = request.options.quality === false && model === undefined ? BATCH.headerOnly : BATCH.pixels;
    const batches = batchBySize(todo, (p) => p.size, limits);
    const options = { concurrency: request.workers, setupData, ...(request.timeoutMs > 0 ? { timeoutMs: request.timeoutMs } : {}) };
    for await (const outcome of runTasks<string[], FilterResult[]>(deps.task ?? TASK, batches.map((b) => b.map((p) => p.file.path)), options)) {
      const done: JournalEntry[] = [];
      batches[outcome.index]!.forEach((p, k) => {
        if (outcome.ok) {
          p.result = outcome.value[k]!;
          done.push({ input: p.file.path, size: p.size, mtime_ms: p.mtimeMs, fingerprint, result: p.result });
        } else {
          // a timeout or a crashed worker: not recorded, so that a re-run tries the file again
          failed++;
          p.result = { decision: 'drop', findings: [{ code: 'CHECK_FAILED', detail: `${outcome.error.code}: ${outcome.error.reason}` }] };
        }
        progress.tick(outcome.ok ? 'ok' : 'failed');
      });
      journal.record(done);
    }
  } finally {
    process.removeListener('SIGINT', interrupted);
    progress.finish();
  }
  const byPath = (a: ManifestRow, b: ManifestRow): number => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);
  const rows: ManifestRow[] = [...planned.map((p) => ({ file: p.file.path, result: p.result! })), ...unreadable].sort(byPath);
  writeManifest(manifestPath, rows);
  journal.compact(new Set(planned.map((p) => p.file.path)));

  if (request.kept !== undefined && keptDir !== undefined) {
    for (const p of planned.filter((x) => x.result!.decision === 'keep')) {
      try {
        placeKept(p.file.path, keptDir, inputRelativePath(p.file), request.kept.how);
      } catch (error) {
        failed++;
        io.stderr.write(`cxrlab filter: cannot ${request.kept.how} ${p.file.path} into ${request.kept.dir}: ${(error as Error).message}\n`);
      }
    }
  }
  io.stderr.write(summary(rows, planned.length - todo.length, request, performance.now() - started));
  return failed > 0 ? ExitCode.failed : ExitCode.ok;
}

export const filterCommand: Command = {
  name: 'filter',
  usage: USAGE,
  run: (args, io) => runFilter(args, io),
};

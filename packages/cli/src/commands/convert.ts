import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { FailureReport, ProgressReporter, ResumeManifest, expandInputs, failureOf, optionsFingerprint, runTasks, type Failure, type ProgressStream, type TaskModuleRef } from '@cxrlab/pipeline';
import { ExitCode, UsageError, type CliIO } from '../io.js';
import { resolveOutDir } from '../out-dir.js';
import type { Command } from '../run-cli.js';
import { EXTENSIONS, fingerprintSource, parseConvertArgs } from './convert/convert-options.js';
import { failureLine, summaryLine, type ConvertCounts } from './convert/convert-messages.js';
import { planConvert } from './convert/convert-plan.js';
import type { ConvertDone, ConvertJob } from './convert/convert-task.js';

const USAGE = `Usage: cxrlab convert FILE-OR-DIR... OUT-DIR [options]

Converts DICOM files to PNG, 16-bit PNG, JPEG or NumPy .npy, in parallel. Directories are walked
recursively; each output keeps the input's path under its directory (a bare file: its name), with
.dcm dropped and the format's extension added. Outputs already made from the same input with the same
options are skipped (see .cxrlab-convert.jsonl in OUT-DIR); failures are listed in
cxrlab-convert-failures.csv and .jsonl in OUT-DIR.

Options:
  --format png|png16|jpeg|npy   output format (default png)
                                  png, jpeg: 8-bit display image (through --window)
                                  png16: 16-bit modality values; npy: stored values, as pydicom
  --window dicom|auto|vindr|kaggle
                                grey levels for png and jpeg (default dicom: the file's VOI LUT or
                                window, else a robust 0.5-99.5 percentile window)
  --size N                      longer side of the output in pixels, aspect ratio kept (not npy)
  --frame K                     0-based frame of a multi-frame file (default 0; npy: every frame)
  --quality Q                   JPEG quality 1-100 (default 95)
  --workers N                   files converted at once (default: the number of cores)
  --timeout S                   seconds one file may take before it fails (default 300; 0: none)
  --file-list F                 read more inputs from F, one path a line
  --force                       convert everything again, ignoring the manifest
`;

/** In OUT-DIR: the record of completed outputs, and the failure report (.jsonl and .csv). */
export const MANIFEST_NAME = '.cxrlab-convert.jsonl';
export const FAILURE_REPORT_NAME = 'cxrlab-convert-failures';

const TASK = new URL('./convert/convert-task.js', import.meta.url);

export interface ConvertDeps {
  /** The worker task module (tests swap in their own). */
  task?: TaskModuleRef;
}

function checkFileList(path: string | undefined): void {
  if (path === undefined) return;
  try {
    accessSync(path, constants.R_OK);
    if (!statSync(path).isFile()) throw new Error('not a file');
  } catch (error) {
    throw new UsageError(`cannot read --file-list ${path}: ${(error as Error).message}`);
  }
}

/** Runs `cxrlab convert` with these arguments. */
export async function runConvert(args: string[], io: CliIO, deps: ConvertDeps = {}): Promise<number> {
  const request = parseConvertArgs(args);
  const started = performance.now();
  const outDir = resolveOutDir(request.outDir);
  checkFileList(request.fileList);

  const inputs = expandInputs(request.inputs, { fileList: request.fileList, exclude: [outDir] });
  let manifest: ResumeManifest;
  try {
    mkdirSync(outDir, { recursive: true });
    manifest = ResumeManifest.open(join(outDir, MANIFEST_NAME));
  } catch (error) {
    io.stderr.write(`cxrlab convert: cannot use OUT-DIR ${request.outDir}: ${(error as Error).message}\n`);
    return ExitCode.failed;
  }
  const fingerprint = optionsFingerprint(fingerprintSource(request.convert));
  const plan = planConvert(inputs.files, inputs.collisions, {
    outDir, extension: EXTENSIONS[request.convert.format], options: request.convert, fingerprint, manifest, force: request.force,
  });

  const report = new FailureReport(outDir, FAILURE_REPORT_NAME);
  const progress = new ProgressReporter(io.stderr as ProgressStream, { label: 'convert' });
  const counts: ConvertCounts = { converted: 0, skipped: plan.skipped, failed: 0 };
  const fail = (failure: Failure): void => {
    counts.failed++;
    report.add(failure);
    progress.log(failureLine(failure));
  };
  for (const { path, reason } of inputs.unreadable) fail({ input: path, code: 'ERR_IO', reason, message: reason });
  for (const failure of plan.failures) fail(failure);

  progress.start(plan.jobs.length);
  try {
    const jobs = plan.jobs.map((planned) => planned.job);
    const options = { concurrency: request.workers, ...(request.timeoutMs > 0 ? { timeoutMs: request.timeoutMs } : {}) };
    for await (const result of runTasks<ConvertJob, ConvertDone>(deps.task ?? TASK, jobs, options)) {
      const planned = plan.jobs[result.index]!;
      if (result.ok) {
        manifest.record({
          input: planned.job.input, size: planned.size, mtimeMs: planned.mtimeMs, fingerprint, output: planned.output, outputSize: result.value.bytes, options: request.convert,
        });
        counts.converted++;
        progress.tick('ok');
      } else {
        progress.tick('failed');
        fail(failureOf(planned.job.input, result.error));
      }
    }
  } finally {
    progress.finish();
    report.write();
    if (counts.converted > 0) manifest.compact();
  }
  io.stderr.write(summaryLine(counts, performance.now() - started));
  if (report.count > 0) io.stderr.write(`cxrlab convert: failures listed in ${report.csvPath} and ${report.jsonlPath}\n`);
  return counts.failed > 0 ? ExitCode.failed : ExitCode.ok;
}

export const convertCommand: Command = {
  name: 'convert',
  usage: USAGE,
  run: (args, io) => runConvert(args, io),
};

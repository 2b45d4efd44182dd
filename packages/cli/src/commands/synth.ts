import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ProgressReporter, runTasks, type ProgressStream, type TaskModuleRef } from '@cxrlab/pipeline';
import { ExitCode, type CliIO } from '../io.js';
import { resolveOutDir } from '../out-dir.js';
import type { Command } from '../run-cli.js';
import { parseSynthArgs, synthFileName } from './synth-options.js';
import type { SynthDone, SynthJob } from './synth-task.js';

const USAGE = `Usage: cxrlab synth OUT-DIR [options]

Writes synthetic chest radiographs (CR / DX): realistic headers (no real patient), and anatomy-like
pixels (body, lungs with vessels, mediastinum and heart, spine, ribs, clavicles, diaphragm, noise,
collimation). Files are named synth-<seed>-<index>.dcm (index from 00000) and written atomically;
the same options always give byte-identical files.

Options:
  --count N              number of files (default 1)
  --rows R, --cols C     image size (default 2788 x 2446)
  --bits B               Bits Stored, 12 to 14, in 16 bits allocated (default 12)
  --photometric MONOCHROME1|MONOCHROME2|mixed
                         mixed: MONOCHROME1 for even indexes, MONOCHROME2 for odd (default mixed)
                         (even indexes are CR, odd ones DX, whatever this option)
  --syntax explicit|j2k|j2k-lossy|jpeg-ls|jpeg-ls-near|htj2k
                         transfer syntax (default explicit):
                           explicit      Explicit VR Little Endian, native pixels (1.2.840.10008.1.2.1)
                           j2k           JPEG 2000 lossless (.4.90)
                           j2k-lossy     JPEG 2000 irreversible, 10:1 of the stored bits (.4.91)
                           jpeg-ls       JPEG-LS lossless (.4.80)
                           jpeg-ls-near  JPEG-LS near-lossless, NEAR 2 (.4.81)
                           htj2k         HTJ2K lossless (.4.201)
  --seed S               0 to 4294967295 (default 1); picks patients, anatomy and noise
  --workers N            files made at once (default: the number of cores)
`;

const TASK = new URL('./synth-task.js', import.meta.url);

export interface SynthDeps {
  /** The worker task module (tests may swap in their own). */
  task?: TaskModuleRef;
}

/** Runs `cxrlab synth` with these arguments. */
export async function runSynth(args: string[], io: CliIO, deps: SynthDeps = {}): Promise<number> {
  const request = parseSynthArgs(args);
  const started = performance.now();
  const outDir = resolveOutDir(request.outDir);
  try {
    mkdirSync(outDir, { recursive: true });
  } catch (error) {
    io.stderr.write(`cxrlab synth: cannot create OUT-DIR ${request.outDir}: ${(error as Error).message}\n`);
    return ExitCode.failed;
  }
  const { rows, columns, bitsStored, photometric, encoding, seed } = request;
  const jobs = function* (): Generator<SynthJob> {
    for (let index = 0; index < request.count; index++) {
      yield { output: join(outDir, synthFileName(seed, index)), options: { seed, index, rows, columns, bitsStored, photometricInterpretation: photometric, encoding } };
    }
  };
  const progress = new ProgressReporter(io.stderr as ProgressStream, { label: 'synth' });
  let written = 0;
  let bytes = 0;
  let failed = 0;
  progress.start(request.count);
  try {
    for await (const result of runTasks<SynthJob, SynthDone>(deps.task ?? TASK, jobs(), { concurrency: request.workers })) {
      if (result.ok) {
        written++;
        bytes += result.value.bytes;
        progress.tick('ok');
      } else {
        failed++;
        progress.tick('failed');
        progress.log(`cxrlab synth: ${result.input.output}: ${result.error.reason} [${result.error.code}]\n`);
      }
    }
  } finally {
    progress.finish();
  }
  const seconds = (performance.now() - started) / 1000;
  io.stderr.write(`cxrlab synth: ${written} written (${(bytes / 1e6).toFixed(1)} MB, ${encoding}), ${failed} failed in ${seconds.toFixed(1)} s to ${outDir}\n`);
  return failed > 0 ? ExitCode.failed : ExitCode.ok;
}

export const synthCommand: Command = {
  name: 'synth',
  usage: USAGE,
  run: (args, io) => runSynth(args, io),
};

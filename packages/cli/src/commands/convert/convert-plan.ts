import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ConvertOptions } from '@cxrlab/imaging';
import type { Collision, Failure, InputFile, ResumeManifest } from '@cxrlab/pipeline';
import type { ConvertJob } from './convert-task.js';

/** One file to convert, with what the manifest will record once it is done. */
export interface PlannedJob {
  job: ConvertJob;
  /** The output relative to the output directory, '/'-separated. */
  output: string;
  size: number;
  mtimeMs: number;
}

export interface ConvertPlan {
  jobs: PlannedJob[];
  /** Outputs the manifest says are complete for these inputs and options. */
  skipped: number;
  /** Inputs failed before converting: unreadable, or colliding outputs. */
  failures: Failure[];
}

export interface PlanSettings {
  outDir: string;
  extension: string;
  options: ConvertOptions;
  fingerprint: string;
  manifest: ResumeManifest;
  force: boolean;
}

function collisionFailures(collisions: Collision[], extension: string): Map<string, Failure> {
  const failed = new Map<string, Failure>();
  for (const { stem, paths } of collisions) {
    for (const path of paths) {
      const others = paths.filter((p) => p !== path).join(', ');
      const reason = `output ${stem}${extension} would also be written from ${others}`;
      failed.set(path, { input: path, code: 'ERR_OUTPUT_COLLISION', reason, message: reason });
    }
  }
  return failed;
}

/** Decides, for each input, whether it is skipped (complete), failed (cannot be done) or converted. */
export function planConvert(files: InputFile[], collisions: Collision[], settings: PlanSettings): ConvertPlan {
  const outDir = resolve(settings.outDir);
  const colliding = collisionFailures(collisions, settings.extension);
  const plan: ConvertPlan = { jobs: [], skipped: 0, failures: [] };
  for (const file of files) {
    const collision = colliding.get(file.path);
    if (collision) {
      plan.failures.push(collision);
      continue;
    }
    const output = `${file.stem}${settings.extension}`;
    const outputPath = join(outDir, output);
    if (outputPath === file.path) {
      const reason = 'the output would overwrite the input';
      plan.failures.push({ input: file.path, code: 'ERR_OUTPUT_COLLISION', reason, message: reason });
      continue;
    }
    let size: number;
    let mtimeMs: number;
    try {
      ({ size, mtimeMs } = statSync(file.path));
    } catch (error) {
      const reason = `cannot open: ${(error as Error).message}`;
      plan.failures.push({ input: file.path, code: 'ERR_IO', reason, message: reason });
      continue;
    }
    if (!settings.force && settings.manifest.isComplete({ input: file.path, size, mtimeMs, fingerprint: settings.fingerprint, output })) {
      plan.skipped++;
      continue;
    }
    plan.jobs.push({ job: { input: file.path, output: outputPath, options: settings.options }, output, size, mtimeMs });
  }
  return plan;
}

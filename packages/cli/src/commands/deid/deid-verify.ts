import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runTasks } from '@cxrlab/pipeline';
import type { VerifyFinding } from '@cxrlab/deid';
import { ExitCode, UsageError, type CliIO } from '../../io.js';
import { parseArguments, wholeNumber } from '../../options.js';
import { hasOutput, readMap, type MapEntry } from './deid-map.js';
import { DeidReport } from './deid-report.js';
import { SUMMARY_NAME, type DeidSummary } from './deid-summary.js';
import type { VerifyDone, VerifyJob, VerifySetup } from './verify-task.js';

export const VERIFY_USAGE = `Usage: cxrlab deid verify OUTPUT-DIR [--map FILE] [--workers N]

Re-reads every output of \`cxrlab deid\` and fails (exit status 1) if any element outside the
profile's allow-list exists at any depth, the preamble or file meta carries anything of the source,
or, given the private map, any original UID or identifying value appears anywhere in a file's bytes,
or pixel data differs from the source file where no cleaning was reported (outside the reported
text regions where it was).
`;

const TASK = new URL('./verify-task.js', import.meta.url);

function findingLine(name: string, f: VerifyFinding): string {
  const where = [f.path ? `at ${f.path}` : '', f.offset !== undefined ? `byte ${f.offset}` : ''].filter(Boolean).join(', ');
  return `cxrlab deid verify: ${name}: ${f.message}${where ? ` (${where})` : ''} [${f.code}]\n`;
}

function readSummary(outDir: string): DeidSummary {
  try {
    return JSON.parse(readFileSync(join(outDir, SUMMARY_NAME), 'utf8')) as DeidSummary;
  } catch (error) {
    throw new UsageError(`${outDir} is not an output of cxrlab deid (cannot read ${SUMMARY_NAME}: ${(error as Error).message})`);
  }
}

/** An image's original values and UIDs, as the map recorded them. */
function originalsOf(entry: MapEntry): string[] {
  return [...(entry.values ?? []), entry.study_instance_uid, entry.series_instance_uid, entry.sop_instance_uid].filter((v): v is string => !!v);
}

/** Runs `cxrlab deid verify`. */
export async function runDeidVerify(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArguments({ args, allowPositionals: true, options: { map: { type: 'string' }, workers: { type: 'string' } } });
  if (positionals.length !== 1) throw new UsageError('give exactly one OUTPUT-DIR to verify');
  const outDir = positionals[0]!;
  const summary = readSummary(outDir);
  const report = DeidReport.open(outDir);
  const byId = new Map<string, MapEntry>();
  if (values.map !== undefined) {
    for (const e of readMap(values.map).values()) if (e.image_id && hasOutput(e)) byId.set(e.image_id, e);
  }
  const names = readdirSync(outDir).filter((n) => !n.startsWith('.') && n.endsWith('.dicom')).sort();
  const jobs: VerifyJob[] = names.map((name) => {
    const imageId = name.slice(0, -'.dicom'.length);
    const entry = byId.get(imageId);
    return { output: join(outDir, name), imageId, record: report.get(imageId), values: entry && originalsOf(entry), source: entry?.source };
  });
  const allOriginals = [...byId.values()].flatMap(originalsOf);
  const setupData: VerifySetup = { profile: summary.profile, basic: summary.basic_options, allOriginals };

  let problems = 0;
  let compared = 0;
  const present = new Set(names);
  for (const record of report.all()) {
    if (!present.has(`${record.image_id}.dicom`)) {
      problems++;
      io.stdout.write(findingLine(`${record.image_id}.dicom`, { code: 'ERR_MISSING_OUTPUT', message: 'listed in deid-report.jsonl but not in OUTPUT-DIR' }));
    }
  }
  const concurrency = wholeNumber('--workers', values.workers, 1);
  for await (const result of runTasks<VerifyJob, VerifyDone>(TASK, jobs, { setupData, ...(concurrency ? { concurrency } : {}) })) {
    const name = names[result.index]!;
    const findings = result.ok ? result.value.findings : [{ code: 'ERR_UNREADABLE' as const, message: result.error.message }];
    if (result.ok && result.value.pixels === 'compared') compared++;
    problems += findings.length;
    for (const f of findings) io.stdout.write(findingLine(name, f));
  }
  const pixelNote = values.map === undefined ? 'pixels not compared (no --map)' : `pixels compared with the source for ${compared} of ${names.length}`;
  io.stderr.write(`cxrlab deid verify: ${names.length} files, profile ${summary.profile}, ${problems} problem${problems === 1 ? '' : 's'}; ${pixelNote}\n`);
  return problems > 0 ? ExitCode.failed : ExitCode.ok;
}

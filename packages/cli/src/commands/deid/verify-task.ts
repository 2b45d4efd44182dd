// The worker side of `cxrlab deid verify`: re-reads one output and checks it (and its pixels against the source).
import { existsSync, readFileSync } from 'node:fs';
import { readDicomFileSync } from '@cxrlab/dicom';
import { comparePixels, verifyOutput, type BasicProfileOptions, type ProfileName, type VerifyFinding } from '@cxrlab/deid';
import type { ImageRecord } from './deid-report.js';

export interface VerifySetup {
  profile: ProfileName;
  basic: BasicProfileOptions;
  /** Every original value in the map. */
  allOriginals: string[];
}

export interface VerifyJob {
  output: string;
  imageId: string;
  record: ImageRecord | undefined;
  /** This image's original values and source file, from the map. */
  values: string[] | undefined;
  source: string | undefined;
}

export interface VerifyDone {
  findings: VerifyFinding[];
  /** 'compared': pixels checked against the source; 'no-source': the map names none or it is gone. */
  pixels: 'compared' | 'no-source';
}

let settings: VerifySetup & { originals: Set<string> };

export function setup(data: unknown): void {
  const given = data as VerifySetup;
  settings = { ...given, originals: new Set(given.allOriginals.filter((v) => v.length >= 6)) };
}

export async function run(job: VerifyJob): Promise<VerifyDone> {
  const bytes = readFileSync(job.output);
  const { file, findings } = verifyOutput(bytes, { imageId: job.imageId, profile: settings.profile, basic: settings.basic, values: job.values, allOriginals: settings.originals });
  if (!job.record) findings.push({ code: 'ERR_NOT_IN_REPORT', message: 'no line in deid-report.jsonl: not an output of this run, or its record was lost' });
  if (!file || !job.record || job.source === undefined || !existsSync(job.source)) return { findings, pixels: 'no-source' };
  const source = readDicomFileSync(job.source);
  findings.push(...await comparePixels(file, source, job.record.pixels === 'cleaned', job.record.regions));
  return { findings, pixels: 'compared' };
}

import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { tagHex, writeFileAtomicSync } from '@cxrlab/dicom';
import type { TaskError } from './task-error.js';
import { toCsv } from './csv.js';

/** One input that failed, and why. */
export interface Failure {
  input: string;
  code: string;
  reason: string;
  /** The whole message, with the location. */
  message?: string;
  offset?: number;
  tag?: number;
  /** Data set path of the tag. */
  path?: string;
}

/** A Failure from a pool's TaskError. */
export function failureOf(input: string, error: TaskError): Failure {
  const failure: Failure = { input, code: error.code, reason: error.reason, message: error.message };
  if (error.offset !== undefined) failure.offset = error.offset;
  if (error.tag !== undefined) failure.tag = error.tag;
  if (error.path !== undefined) failure.path = error.path;
  return failure;
}

export const CSV_HEADER = 'input,error_code,reason,offset,tag';

/** The report as CSV (RFC 4180): `input,error_code,reason,offset,tag`, tags as 8 hex digits. */
export function failuresToCsv(failures: readonly Failure[]): string {
  return toCsv(CSV_HEADER.split(','), failures.map((f) => [f.input, f.code, f.reason, f.offset, f.tag === undefined ? undefined : tagHex(f.tag)]));
}

/** The report as JSON Lines: one object a line with input, error_code, reason, offset, tag, path, message. */
export function failuresToJsonl(failures: readonly Failure[]): string {
  return failures
    .map((f) => JSON.stringify({
      input: f.input, error_code: f.code, reason: f.reason, offset: f.offset, tag: f.tag === undefined ? undefined : tagHex(f.tag), path: f.path, message: f.message,
    }) + '\n')
    .join('');
}

/**
 * The failures of one run, written as `<name>.jsonl` and `<name>.csv` in a directory. write() replaces
 * both files atomically (never a half-written report), or removes them when nothing failed, so the
 * files always describe the latest run.
 */
export class FailureReport {
  readonly jsonlPath: string;
  readonly csvPath: string;
  private readonly failures: Failure[] = [];

  constructor(dir: string, name: string) {
    this.jsonlPath = join(dir, `${name}.jsonl`);
    this.csvPath = join(dir, `${name}.csv`);
  }

  get count(): number {
    return this.failures.length;
  }

  get entries(): readonly Failure[] {
    return this.failures;
  }

  add(failure: Failure): void {
    this.failures.push(failure);
  }

  /** Writes the report (sorted by input); true when there was anything to write. */
  write(): boolean {
    if (this.failures.length === 0) {
      rmSync(this.jsonlPath, { force: true });
      rmSync(this.csvPath, { force: true });
      return false;
    }
    const sorted = [...this.failures].sort((a, b) => (a.input < b.input ? -1 : a.input > b.input ? 1 : 0));
    writeFileAtomicSync(this.jsonlPath, failuresToJsonl(sorted));
    writeFileAtomicSync(this.csvPath, failuresToCsv(sorted));
    return true;
  }
}

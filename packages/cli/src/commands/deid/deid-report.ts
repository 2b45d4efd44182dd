import { appendFileSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { TextRegion } from '@cxrlab/deid';
import { writeFileAtomicSync } from '@cxrlab/pipeline';

/** The report's name in OUTPUT-DIR: one line per de-identified image. */
export const REPORT_NAME = 'deid-report.jsonl';

/**
 * One de-identified image, as recorded in OUTPUT-DIR. It names no original path, name or UID: only
 * the image id, how the output was made, and what was removed from the pixels.
 */
export interface ImageRecord {
  image_id: string;
  /** optionsFingerprint of everything that shapes the output (profile, options, key digest, version). */
  fingerprint: string;
  output_bytes: number;
  transfer_syntax: string;
  /** 'original': the input's Pixel Data bytes, untouched; 'cleaned': text or overlay bits removed. */
  pixels: 'original' | 'cleaned';
  /** The pixels were searched for burned-in text. */
  searched: boolean;
  regions: TextRegion[];
  unused_bits_cleared: number;
}

function isRecord(value: unknown): value is ImageRecord {
  const r = value as Partial<ImageRecord> | null;
  return typeof r === 'object' && r !== null && typeof r.image_id === 'string' && /^[0-9a-f]{32}$/.test(r.image_id)
    && typeof r.fingerprint === 'string' && typeof r.output_bytes === 'number' && Array.isArray(r.regions);
}

/**
 * The run record of an output directory, also its resume state: each finished image appends its line
 * at once (a killed run keeps what it finished; a torn last line is ignored), a later line for an
 * image replaces an earlier one, and compact() rewrites the file atomically, sorted by image id.
 */
export class DeidReport {
  readonly path: string;
  private readonly records = new Map<string, ImageRecord>();
  private needsNewline = false;

  private constructor(readonly outDir: string) {
    this.path = join(outDir, REPORT_NAME);
  }

  static open(outDir: string): DeidReport {
    const report = new DeidReport(outDir);
    let text = '';
    try {
      text = readFileSync(report.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    report.needsNewline = text.length > 0 && !text.endsWith('\n');
    for (const line of text.split('\n')) {
      try {
        const record: unknown = line.trim() === '' ? undefined : JSON.parse(line);
        if (isRecord(record)) report.records.set(record.image_id, record);
      } catch {
        // a torn or foreign line
      }
    }
    return report;
  }

  get(imageId: string): ImageRecord | undefined {
    return this.records.get(imageId);
  }

  all(): ImageRecord[] {
    return [...this.records.values()];
  }

  /** The image's output exists, as recorded, made with these options. */
  isComplete(imageId: string, fingerprint: string): boolean {
    const record = this.records.get(imageId);
    if (record?.fingerprint !== fingerprint) return false;
    try {
      return statSync(join(this.outDir, `${imageId}.dicom`)).size === record.output_bytes;
    } catch {
      return false;
    }
  }

  record(record: ImageRecord): void {
    this.records.set(record.image_id, record);
    appendFileSync(this.path, `${this.needsNewline ? '\n' : ''}${JSON.stringify(record)}\n`);
    this.needsNewline = false;
  }

  /** Rewrites the report with the latest record of each image whose output still exists. */
  compact(): void {
    const live = this.all().filter((r) => {
      try {
        return statSync(join(this.outDir, `${r.image_id}.dicom`)).isFile();
      } catch {
        return false;
      }
    }).sort((a, b) => (a.image_id < b.image_id ? -1 : 1));
    writeFileAtomicSync(this.path, live.map((r) => `${JSON.stringify(r)}\n`).join(''));
    this.records.clear();
    for (const r of live) this.records.set(r.image_id, r);
    this.needsNewline = false;
  }
}

import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { TextRegion } from '@cxrlab/deid';
import { JsonLinesLog } from '@cxrlab/pipeline';

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
 * The run record of an output directory, also its resume state (a JsonLinesLog keyed by image id:
 * each finished image appends its line at once, compact() rewrites it atomically, sorted).
 */
export class DeidReport {
  private constructor(readonly outDir: string, private readonly log: JsonLinesLog<ImageRecord>) {}

  static open(outDir: string): DeidReport {
    return new DeidReport(outDir, JsonLinesLog.open(join(outDir, REPORT_NAME), isRecord, (r) => r.image_id));
  }

  get path(): string {
    return this.log.path;
  }

  get(imageId: string): ImageRecord | undefined {
    return this.log.get(imageId);
  }

  all(): ImageRecord[] {
    return this.log.values();
  }

  /** The image's output exists, as recorded, made with these options. */
  isComplete(imageId: string, fingerprint: string): boolean {
    const record = this.log.get(imageId);
    if (record?.fingerprint !== fingerprint) return false;
    try {
      return statSync(this.outputPath(imageId)).size === record.output_bytes;
    } catch {
      return false;
    }
  }

  record(record: ImageRecord): void {
    this.log.append(record);
  }

  /** Rewrites the report with the latest record of each image whose output still exists. */
  compact(): void {
    this.log.compact((r) => {
      try {
        return statSync(this.outputPath(r.image_id)).isFile();
      } catch {
        return false;
      }
    });
  }

  private outputPath(imageId: string): string {
    return join(this.outDir, `${imageId}.dicom`);
  }
}

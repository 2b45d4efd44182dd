// The worker side of `cxrlab deid`: a batch of DICOM files in, one de-identified file out for each
// (written atomically). Small files travel in batches, so that messages between threads do not
// cost more than the work; one file's failure is its own.
import { PixelScratch, readImageFile, writeDicomFileSync } from '@cxrlab/dicom';
import { DeidError, deidentifyFile, originalValues, type DeidFileOptions, type OriginalValues, type PixelOutcome } from '@cxrlab/deid';
import { toTaskError, type TaskError } from '@cxrlab/pipeline';

/** What every file of a run shares, given once to each worker. */
export interface DeidSetup {
  options: DeidFileOptions;
  durable: boolean;
  /** Collect each file's originals (only the private map needs them). */
  originals: boolean;
}

export interface DeidJob {
  input: string;
  /** OUTPUT-DIR/<image id>.dicom */
  output: string;
  /** The id planned from the file's SOP Instance UID: the file must still give it. */
  imageId: string;
}

export interface DeidDone {
  outputBytes: number;
  pixels: PixelOutcome;
  /** For the private map (when there is one): the original UIDs and the identifying values the profile removed. */
  originals?: OriginalValues;
}

export type DeidOutcome = { ok: true; value: DeidDone } | { ok: false; error: TaskError };

/** This worker's pixel buffer, reused from file to file (see PixelScratch). */
const scratch = new PixelScratch();
let settings: DeidSetup;

export function setup(data: unknown): void {
  settings = data as DeidSetup;
}

async function deidentifyOne(job: DeidJob): Promise<DeidDone> {
  const input = readImageFile(job.input, scratch);
  const result = await deidentifyFile(input, settings.options);
  if (result.imageId !== job.imageId) throw new DeidError('ERR_SOURCE_CHANGED', 'the file changed while the run was planned: its SOP Instance UID is not the one read before');
  const outputBytes = writeDicomFileSync(job.output, result.file, { durable: settings.durable });
  return { outputBytes, pixels: result.pixels, ...(settings.originals ? { originals: originalValues(input.dataSet, settings.options) } : {}) };
}

export async function run(batch: DeidJob[]): Promise<DeidOutcome[]> {
  const outcomes: DeidOutcome[] = [];
  for (const job of batch) {
    try {
      outcomes.push({ ok: true, value: await deidentifyOne(job) });
    } catch (error) {
      outcomes.push({ ok: false, error: toTaskError(error) });
    }
  }
  return outcomes;
}

// The worker side of `cxrlab deid`: one DICOM file in, one de-identified file out (written atomically).
import { statSync } from 'node:fs';
import { readDicomFileSync, writeDicomFileSync } from '@cxrlab/dicom';
import { DeidError, deidentifyFile, type DeidFileOptions, type PixelOutcome } from '@cxrlab/deid';

export interface DeidJob {
  input: string;
  /** OUTPUT-DIR/<image id>.dicom */
  output: string;
  /** The id planned from the header: the file must still give it. */
  imageId: string;
  options: DeidFileOptions;
  durable: boolean;
}

export interface DeidDone {
  outputBytes: number;
  pixels: PixelOutcome;
}

/** Nothing to prepare: scrubbing loads the codecs a file's transfer syntax needs on first use. */
export async function setup(): Promise<void> {}

export async function run(job: DeidJob): Promise<DeidDone> {
  const input = readDicomFileSync(job.input);
  const result = await deidentifyFile(input, job.options);
  if (result.imageId !== job.imageId) throw new DeidError('ERR_SOURCE_CHANGED', 'the file changed while the run was planned: its SOP Instance UID is not the one read before');
  writeDicomFileSync(job.output, result.file, { durable: job.durable });
  return { outputBytes: statSync(job.output).size, pixels: result.pixels };
}

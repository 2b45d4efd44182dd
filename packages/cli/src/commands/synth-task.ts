// The worker side of `cxrlab synth`: one synthetic chest file generated, encoded and written atomically.
import { statSync } from 'node:fs';
import { writeDicomFileSync } from '@cxrlab/dicom';
import { synthesizeChestFile, type SynthChestFileOptions } from '@cxrlab/imaging';

export interface SynthJob {
  /** Absolute output path. */
  output: string;
  options: SynthChestFileOptions;
}

export interface SynthDone {
  bytes: number;
  transferSyntaxUID: string;
}

export async function run(job: SynthJob): Promise<SynthDone> {
  const { file } = await synthesizeChestFile(job.options);
  // Written to a temporary file beside the output, flushed, then renamed over it.
  writeDicomFileSync(job.output, file);
  return { bytes: statSync(job.output).size, transferSyntaxUID: file.transferSyntax.uid };
}

// The worker side of `cxrlab convert`: one DICOM file in, one image file out (written atomically).
import { readDicomFileSync } from '@cxrlab/dicom';
import { convertFile, type ConvertOptions } from '@cxrlab/imaging';
import { writeFileAtomicSync } from '@cxrlab/pipeline';

export interface ConvertJob {
  input: string;
  /** Absolute output path, extension included. */
  output: string;
  options: ConvertOptions;
}

export interface ConvertDone {
  /** Size of the output file. */
  bytes: number;
  width: number;
  height: number;
}

/** Nothing to prepare: decoding loads the codecs a file's transfer syntax needs on first use. */
export async function setup(): Promise<void> {}

export async function run(job: ConvertJob): Promise<ConvertDone> {
  const file = readDicomFileSync(job.input);
  const image = await convertFile(file, job.options);
  if (!job.output.endsWith(image.extension)) throw new Error(`expected a ${job.output.slice(job.output.lastIndexOf('.'))} output, got ${image.extension}`);
  writeFileAtomicSync(job.output, image.bytes, { mkdir: true });
  return { bytes: image.bytes.length, width: image.width, height: image.height };
}

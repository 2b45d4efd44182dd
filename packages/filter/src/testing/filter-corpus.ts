// A small corpus for filter tests: synthetic chest radiographs and variants of them, each built to
// be dropped (or kept) for one known reason, written as DICOM files.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Tags, bytesElement, encodeAscii, writeDicomFileSync } from '@cxrlab/dicom';
import { synthesizeChestFile, type SynthChestFile } from '@cxrlab/imaging';

export interface CorpusFile {
  name: string;
  path: string;
  /** The reason codes it must get (empty: kept). */
  expected: string[];
}

/** Header edits (keyword -> [tag, VR, value]) and pixel edits that make each variant. */
type Variant = { name: string; expected: string[]; header?: Array<[number, 'AS' | 'CS' | 'LO', string]>; pixels?: (p: Uint16Array, max: number) => void };

const VARIANTS: Variant[] = [
  { name: 'chest', expected: [] },
  { name: 'child-8y', expected: ['AGE_UNDER_MIN'], header: [[0x00101010, 'AS', '008Y']] },
  { name: 'lateral', expected: ['VIEW_LATERAL'], header: [[0x00185101, 'CS', 'LL']] },
  { name: 'knee', expected: ['BODY_PART_NOT_CHEST'], header: [[0x00180015, 'CS', 'KNEE']] },
  { name: 'blank', expected: ['BLANK_IMAGE'], pixels: (p, max) => p.fill(Math.round(max / 2)) },
  {
    name: 'saturated', expected: ['SATURATED'],
    // burnt out: everything outside a small central patch clipped at the top of the range
    pixels: (p, max) => p.forEach((v, i) => (p[i] = i % 7 === 0 ? v : max)),
  },
];

function editHeader(file: SynthChestFile, edits: NonNullable<Variant['header']>): void {
  for (const [tag, vr, value] of edits) file.file.dataSet.set(bytesElement(tag, vr, encodeAscii(value)));
}

/** Writes the variants (rows x columns, default 640 x 560, MONOCHROME2) into dir. */
export async function writeFilterCorpus(dir: string, size: { rows: number; columns: number } = { rows: 640, columns: 560 }): Promise<CorpusFile[]> {
  mkdirSync(dir, { recursive: true });
  const files: CorpusFile[] = [];
  for (const [k, variant] of VARIANTS.entries()) {
    const synth = await synthesizeChestFile({ seed: 5, index: 2 * k, ...size });
    if (variant.header) editHeader(synth, variant.header);
    if (variant.pixels) {
      const pixels = new Uint16Array(synth.image.pixels);
      variant.pixels(pixels, 2 ** synth.image.bitsStored - 1);
      synth.file.dataSet.set(bytesElement(Tags.PixelData, 'OW', new Uint8Array(pixels.buffer)));
    }
    const path = join(dir, `${variant.name}.dcm`);
    writeDicomFileSync(path, synth.file);
    files.push({ name: variant.name, path, expected: variant.expected });
  }
  return files;
}

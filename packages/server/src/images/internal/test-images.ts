// Test helpers of the image module: the pydicom goldens, scratch folders and small synthetic image files.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { bytesElement, encodeAscii, writeDicomFileSync, type VR } from '@cxrlab/dicom';
import { packageRootOf, sharedFixture } from '@cxrlab/dicom/testing';
import { synthesizeChestFile, type SynthChestFileOptions } from '@cxrlab/imaging';

export interface HeaderGolden {
  width: number;
  height: number;
  bitsStored: number;
  photometric: string;
  samplesPerPixel: number;
  transferSyntaxUid: string;
  sopInstanceUid: string;
  windows: Array<{ center: number; width: number }>;
  keyValues: Record<string, string>;
  identity: string[];
}

export interface PixelsGolden {
  offset: number;
  min: number;
  max: number;
  bitsStored: number;
  sha256: string;
  grid: { step: number; values: number[] };
}

/** scripts/goldens/generate_server_image_goldens.py's output, by fixture (`cr/RG1_J2KI.dcm`). */
export function imageGoldens(): Map<string, { path: string; header: HeaderGolden; pixels: PixelsGolden }> {
  const file = join(packageRootOf(import.meta.url), 'src', 'images', 'goldens', 'image-goldens.json');
  const json = JSON.parse(readFileSync(file, 'utf8')) as { fixtures: Record<string, { header: HeaderGolden; pixels: PixelsGolden }> };
  return new Map(Object.entries(json.fixtures).map(([name, g]) => [name, { path: sharedFixture(...name.split('/')), ...g }]));
}

/** A fresh folder under the system's temporary folder, and a function that removes it. */
export function scratchDir(prefix = 'cxrlab-images-'): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A header edit: [tag, VR, text] sets the element, [tag] removes it. */
export type HeaderEdit = [number, VR, string] | [number];

/** Writes a small synthetic chest radiograph (default 120 x 100, MONOCHROME2, native) with header edits. */
export async function writeSynthImage(path: string, options: SynthChestFileOptions = {}, edits: HeaderEdit[] = []): Promise<string> {
  const synth = await synthesizeChestFile({ rows: 120, columns: 100, seed: 7, index: 0, ...options });
  for (const edit of edits) {
    if (edit.length === 1) synth.file.dataSet.delete(edit[0]);
    else synth.file.dataSet.set(bytesElement(edit[0], edit[1], encodeAscii(edit[2])));
  }
  mkdirSync(dirname(path), { recursive: true });
  writeDicomFileSync(path, synth.file);
  return path;
}

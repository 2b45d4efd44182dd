// A planted-PHI corpus for de-identification tests: real and synthetic images carrying known
// identifying values at every place they hide (top level, sequences two deep, private blocks and
// private sequences, the file meta, the preamble, overlay descriptions, overlay bits in the pixel
// words, text burned into the pixels of native and compressed, MONOCHROME1 and MONOCHROME2 images),
// plus the inputs a batch must survive (a structured report, a DICOMDIR, a truncated file, a text
// file, a duplicate).
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSet, Tags, bytesElement, encodeAscii, encodeUID, getString, readDicomFileSync, sequenceElement, writeDicomFileSync, type Item, type VR, type WritableFile } from '@cxrlab/dicom';
import { encodePixelData, synthesizeChestFile, type PixelEncoding } from '@cxrlab/imaging';
import { burnText } from './burn-text.js';
import { sharedFixture } from './test-assets.js';

/** Every planted identifying string: none may appear in any output byte. */
export const PLANTED = {
  patientName: 'PLANTED^JOHN^Q',
  patientId: 'PID-PLANTED-0001',
  otherPatientId: 'PID-NESTED-OTHER',
  birthDate: '19550312',
  accession: 'ACC-PLANTED-77',
  institution: 'St PLANTED Hospital',
  referring: 'HOUSE^PLANTED^GREGORY',
  nestedName: 'NESTED^PLANTED^TWO',
  privateValue: 'PRIVATE-PLANTED-VALUE',
  privateSeqName: 'PRIVSEQ^PLANTED',
  sourceAe: 'PLANTEDAE01',
  metaPrivate: 'META-PLANTED-PRIVATE',
  preamble: 'PREAMBLE-PLANTED',
  overlayDescription: 'OVERLAY PLANTED NAME',
  studyDescription: 'CHEST PLANTED PROTOCOL',
} as const;

/** Text burned into pixels (what OCR must no longer read) and where it went. */
export interface BurnedText {
  text: string;
  box: { x: number; y: number; width: number; height: number };
}

export interface PlantedImage {
  name: string;
  sopInstanceUid: string;
  uids: string[];
  burned: BurnedText[];
  photometric: 'MONOCHROME1' | 'MONOCHROME2';
  transferSyntaxUID: string;
}

export interface PhiCorpus {
  dir: string;
  images: PlantedImage[];
  /** Inputs that must be skipped or fail, by file name, with the status the map must give them. */
  rejects: Record<string, 'not-image' | 'failed' | 'duplicate'>;
}

const txt = (tag: number, vr: VR, value: string) => bytesElement(tag, vr, vr === 'UI' ? encodeUID(value) : encodeAscii(value.length % 2 ? `${value} ` : value));
const item = (...elements: ReturnType<typeof txt>[]): Item => {
  const ds = new DataSet();
  for (const e of elements) ds.set(e);
  return { dataSet: ds, undefinedLength: true };
};

/** Plants the header PHI into a data set; returns the planted UIDs. */
export function plantHeader(ds: DataSet, n: number): string[] {
  const root = `1.2.826.0.1.3680043.10.999.${n}`;
  const uids = [`${root}.1`, `${root}.2`, `${root}.3`, `${root}.4`, `${root}.5`];
  const p = PLANTED;
  for (const e of [
    txt(Tags.StudyInstanceUID, 'UI', uids[0]!), txt(Tags.SeriesInstanceUID, 'UI', uids[1]!), txt(Tags.SOPInstanceUID, 'UI', uids[2]!),
    txt(0x00200052, 'UI', uids[3]!), txt(Tags.PatientName, 'PN', p.patientName), txt(Tags.PatientID, 'LO', p.patientId),
    txt(0x00100030, 'DA', p.birthDate), txt(0x00080050, 'SH', p.accession), txt(0x00080080, 'LO', p.institution),
    txt(0x00080090, 'PN', p.referring), txt(0x00081030, 'LO', p.studyDescription), txt(0x00100040, 'CS', 'M'), txt(0x00101010, 'AS', '064Y'),
  ]) ds.set(e);
  ds.set(sequenceElement(0x00101002, [item(txt(Tags.PatientID, 'LO', p.otherPatientId), txt(0x00100021, 'LO', p.institution))]));
  // two sequence levels deep: Request Attributes > Referenced Study > a name and a referenced UID
  const deep = item(txt(0x00081150, 'UI', '1.2.840.10008.3.1.2.3.1'), txt(0x00081155, 'UI', uids[4]!), txt(Tags.PatientName, 'PN', p.nestedName));
  ds.set(sequenceElement(0x00400275, [{ dataSet: dataSetWith(txt(0x00401001, 'SH', 'REQ77'), sequenceElement(0x00081110, [deep])), undefinedLength: true }]));
  // a private block, and a private sequence whose item holds its own private block
  ds.set(txt(0x00090010, 'LO', 'PLANTED CREATOR'));
  ds.set(txt(0x00091001, 'LO', p.privateValue));
  ds.set(sequenceElement(0x00091002, [item(txt(0x00110010, 'LO', 'PLANTED INNER'), txt(0x00111001, 'PN', p.privateSeqName))]));
  ds.set(txt(0x60000022, 'LO', p.overlayDescription));
  return uids;
}

function dataSetWith(...elements: Parameters<DataSet['set']>[0][]): DataSet {
  const ds = new DataSet();
  for (const e of elements) ds.set(e);
  return ds;
}

/** File meta that carries PHI of its own: a source AE title and private information. */
function plantedMeta(): DataSet {
  return dataSetWith(txt(0x00020016, 'AE', PLANTED.sourceAe), txt(0x00020100, 'UI', '1.2.826.0.1.3680043.10.999.77'), bytesElement(0x00020102, 'OB', encodeAscii(PLANTED.metaPrivate)));
}

function plantedPreamble(): Uint8Array {
  const preamble = new Uint8Array(128);
  preamble.set(encodeAscii(PLANTED.preamble), 16);
  return preamble;
}

const maxOf = (bits: number): number => 2 ** bits - 1;

/** The stored value a viewer shows as white: the top of the range, or 0 for MONOCHROME1. */
function white(photometric: string, bits: number): number {
  return photometric === 'MONOCHROME1' ? 0 : maxOf(bits);
}

interface SynthSpec {
  name: string;
  seed: number;
  photometric: 'MONOCHROME1' | 'MONOCHROME2';
  encoding: PixelEncoding;
  /** Set bits 12-15 of some pixel words (an overlay plane stored in the pixel data, retired but real). */
  overlayBits?: boolean;
}

/** A synthetic 1024 x 896 chest radiograph with burned-in name, id and date, and planted header PHI. */
async function syntheticImage(dir: string, spec: SynthSpec, n: number): Promise<PlantedImage> {
  const { file, image } = await synthesizeChestFile({ seed: spec.seed, rows: 1024, columns: 896, bitsStored: 12, photometricInterpretation: spec.photometric });
  const pixels = image.pixels;
  const value = white(spec.photometric, 12);
  const burned: BurnedText[] = [
    { text: 'PLANTED JOHN Q', box: burnText(pixels, image.columns, 'PLANTED JOHN Q', { x: 24, y: 20, scale: 3, value }) },
    { text: '1955/03/12', box: burnText(pixels, image.columns, '1955/03/12', { x: 24, y: 52, scale: 3, value }) },
    { text: 'PID-PLANTED-0001', box: burnText(pixels, image.columns, 'PID-PLANTED-0001', { x: 520, y: 990, scale: 2, value }) },
  ];
  const encoded = await encodePixelData(image, spec.encoding);
  if (spec.overlayBits && encoded.element.kind === 'bytes') {
    const words = new Uint16Array(encoded.element.value.buffer, encoded.element.value.byteOffset, encoded.element.value.length / 2);
    for (let y = 300; y < 340; y++) for (let x = 300; x < 500; x++) words[y * image.columns + x]! |= 0xf000;
  }
  file.dataSet.set(encoded.element);
  const uids = plantHeader(file.dataSet, n);
  const out: WritableFile = { ...file, transferSyntax: file.transferSyntax, fileMeta: plantedMeta(), preamble: plantedPreamble() };
  writeDicomFileSync(join(dir, spec.name), out, { transferSyntaxUID: encoded.transferSyntaxUID, durable: false });
  return { name: spec.name, sopInstanceUid: uids[2]!, uids, burned, photometric: spec.photometric, transferSyntaxUID: encoded.transferSyntaxUID };
}

/** A real fixture with planted header PHI, pixels as they are (a CR image, so scrubbing searches it). */
function realImage(dir: string, fixture: string, name: string, n: number): PlantedImage {
  const file = readDicomFileSync(sharedFixture('cr', fixture));
  const uids = plantHeader(file.dataSet, n);
  writeDicomFileSync(join(dir, name), { ...file, fileMeta: plantedMeta(), preamble: plantedPreamble() }, { durable: false });
  const photometric = getString(file.dataSet, Tags.PhotometricInterpretation)?.trim() as PlantedImage['photometric'];
  return { name, sopInstanceUid: uids[2]!, uids, burned: [], photometric, transferSyntaxUID: file.transferSyntax.uid };
}

/** A DICOMDIR: file meta of the Media Storage Directory class and a directory record naming the patient. */
function dicomdir(path: string): void {
  const record = item(txt(0x00041430, 'CS', 'PATIENT'), txt(Tags.PatientName, 'PN', PLANTED.patientName), txt(Tags.PatientID, 'LO', PLANTED.patientId));
  const ds = dataSetWith(txt(0x00041130, 'CS', 'PLANTED'), sequenceElement(0x00041220, [record]));
  const meta = dataSetWith(txt(Tags.MediaStorageSOPClassUID, 'UI', '1.2.840.10008.1.3.10'), txt(Tags.MediaStorageSOPInstanceUID, 'UI', '1.2.826.0.1.3680043.10.999.88'));
  writeDicomFileSync(path, { dataSet: ds, fileMeta: meta }, { transferSyntaxUID: '1.2.840.10008.1.2.1', durable: false });
}

/**
 * Writes the corpus into `dir`: four planted images (synthetic MONOCHROME1 native with overlay bits,
 * synthetic MONOCHROME2 JPEG 2000 and JPEG-LS lossless, a real CR JPEG-LS fixture) in a tree, and the
 * rejects: a structured report, a DICOMDIR, a truncated file, a text file, a duplicate.
 */
export async function buildPhiCorpus(dir: string): Promise<PhiCorpus> {
  mkdirSync(join(dir, 'ward A', 'PLANTED^JOHN'), { recursive: true });
  mkdirSync(join(dir, 'ward B'), { recursive: true });
  const images = [
    await syntheticImage(dir, { name: 'ward A/PLANTED^JOHN/mono1-native.dcm', seed: 11, photometric: 'MONOCHROME1', encoding: 'explicit', overlayBits: true }, 1),
    await syntheticImage(dir, { name: 'ward A/mono2-j2k.dcm', seed: 12, photometric: 'MONOCHROME2', encoding: 'j2k' }, 2),
    await syntheticImage(dir, { name: 'ward B/mono2-jls.dcm', seed: 13, photometric: 'MONOCHROME2', encoding: 'jpeg-ls' }, 3),
    realImage(dir, 'RG2_JLSL.dcm', 'ward B/rg2-jlsl.dcm', 4),
  ];
  copyFileSync(sharedFixture('edge', 'test-SR.dcm'), join(dir, 'ward B', 'report-sr.dcm'));
  dicomdir(join(dir, 'DICOMDIR'));
  // a native image cut short inside its pixel data: the header reads, the whole file does not
  realImage(dir, 'RG3_UNC.dcm', 'ward B/truncated.dcm', 5);
  const truncated = join(dir, 'ward B', 'truncated.dcm');
  const whole = readFileSync(truncated);
  writeFileSync(truncated, whole.subarray(0, Math.floor(whole.length * 0.6)));
  writeFileSync(join(dir, 'ward B', 'notes.txt'), `patient ${PLANTED.patientName} called\n`);
  copyFileSync(join(dir, images[1]!.name), join(dir, 'ward B', 'zz-copy-of-j2k.dcm'));
  return {
    dir,
    images,
    rejects: { 'report-sr.dcm': 'not-image', DICOMDIR: 'not-image', 'truncated.dcm': 'failed', 'notes.txt': 'failed', 'zz-copy-of-j2k.dcm': 'duplicate' },
  };
}

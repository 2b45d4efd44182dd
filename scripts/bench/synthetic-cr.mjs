// Synthetic chest radiographs (CR / DX) for the DICOM benchmark.
//
// Every file is Explicit VR Little Endian with a realistic header: SOP common, patient, study,
// series, equipment, acquisition (CR and DX attributes), image pixel, VOI LUT (window values and,
// on every third file, an 8 KiB VOI LUT Sequence), request attributes, code sequences nested two
// deep, and three private blocks (a private creator plus LO/DS/US/SL/FD/UL/OB/SQ elements, one an
// opaque 1-3 KiB OB blob like a vendor header). Values vary per file (names, IDs, UIDs, dates,
// exposure, window, Bits Stored 12/14, MONOCHROME1/2 alternating, CR/DX alternating).
//
// Pixel data is 16-bit native (OW). Two ways to write it:
//  - sparse: the header and the Pixel Data element header with its full length are written, then
//    the file is extended to its full size with ftruncate, so the pixel data is a hole of zeros
//    that costs no disk writes (1,000 x 13.6 MB would otherwise be 13.6 GB of real writes).
//  - real: an anatomy-ish image (two lung fields, mediastinum, ribs, noise) is generated and
//    written through the library's writer (non-sparse).
//
// Usage as a script: node scripts/bench/synthetic-cr.mjs <dir> <count> [--real] [--rows R --cols C]

import { closeSync, ftruncateSync, mkdirSync, openSync, readdirSync, statSync, writeSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DataSet, bytesElement, sequenceElement, encodeAscii, encodeUID, encodeP10, writeDicomFileSync, Tags,
} from '../../packages/dicom/dist/index.js';
import { randomGenerator } from '../../packages/dicom/dist/internal/random.js';

const CR_SOP_CLASS = '1.2.840.10008.5.1.4.1.1.1';
const DX_PRESENTATION_SOP_CLASS = '1.2.840.10008.5.1.4.1.1.1.1';
const EXPLICIT_VR_LE = '1.2.840.10008.1.2.1';
/** Bump when the generated content changes, so stale bench-data is regenerated. */
export const GENERATOR_VERSION = 2;


const pick = (rnd, list) => list[Math.floor(rnd() * list.length)];
const int = (rnd, lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
const pad = (n, w) => String(n).padStart(w, '0');
const fixed = (x, d) => x.toFixed(d);

// ---- value encoders (binary values are little endian) -----------------------------------------

function typed(Array, values) {
  const a = Array.from(values);
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}
const US = (...v) => typed(Uint16Array, v);
const SS = (...v) => typed(Int16Array, v);
const UL = (...v) => typed(Uint32Array, v);
const SL = (...v) => typed(Int32Array, v);
const FD = (...v) => typed(Float64Array, v);

/** A data set from [tag, vr, value] rows; value: string (text VRs), Uint8Array, or Item[] (SQ). */
function dataSetOf(rows) {
  const ds = new DataSet();
  for (const [tag, vr, value, undefinedLength = true] of rows) {
    if (vr === 'SQ') ds.set(sequenceElement(tag, value, undefinedLength));
    else if (value instanceof Uint8Array) ds.set(bytesElement(tag, vr, value));
    else if (vr === 'UI') ds.set(bytesElement(tag, vr, encodeUID(value)));
    else ds.set(bytesElement(tag, vr, encodeAscii(value)));
  }
  return ds;
}

const item = (rows, undefinedLength = true) => ({ dataSet: dataSetOf(rows), undefinedLength });
const code = (value, scheme, meaning, extra = []) =>
  item([[0x00080100, 'SH', value], [0x00080102, 'SH', scheme], [0x00080104, 'LO', meaning], ...extra]);

const FAMILY = ['Nguyen', 'Tran', 'Le', 'Pham', 'Hoang', 'Müller', 'Smith', 'García', 'Kowalski', 'Øster', 'Okafor', 'Yamada'];
const GIVEN = ['Van A', 'Thi B', 'Jürgen', 'Maria', 'John', 'Ana', 'Piotr', 'Søren', 'Chidi', 'Hana', 'Minh', 'Lan'];
const INSTITUTIONS = ['Hospital 108', 'Hanoi Medical University Hospital', 'St. Example General', 'Klinikum Süd'];
const MODELS = [['Agfa', 'CR 85-X'], ['FUJIFILM Corporation', 'FCR CAPSULA XLII'], ['Carestream Health', 'DRX-Evolution'], ['GE Healthcare', 'Definium 6000'], ['Philips Medical Systems', 'DigitalDiagnost']];

function date(rnd, y0, y1) {
  return `${int(rnd, y0, y1)}${pad(int(rnd, 1, 12), 2)}${pad(int(rnd, 1, 28), 2)}`;
}
function time(rnd) {
  return `${pad(int(rnd, 7, 19), 2)}${pad(int(rnd, 0, 59), 2)}${pad(int(rnd, 0, 59), 2)}.${pad(int(rnd, 0, 999999), 6)}`;
}
/** A UUID-derived UID (PS3.5 B.2: "2.25." and a 128-bit number), drawn from the seeded generator. */
function uid(rnd) {
  let n = 0n;
  for (let i = 0; i < 4; i++) n = (n << 32n) | BigInt(Math.floor(rnd() * 2 ** 32));
  return `2.25.${n}`;
}

/**
 * The data set of synthetic chest file `index` (no Pixel Data). Returns the data set and the pixel
 * geometry to go with it.
 */
export function chestHeader(index, { rows = 2788, columns = 2446, seed = 1 } = {}) {
  const rnd = randomGenerator(seed * 1_000_003 + index);
  const dx = index % 2 === 1;
  const mono1 = index % 2 === 0;
  const bitsStored = index % 4 < 2 ? 12 : 14;
  const maxValue = (1 << bitsStored) - 1;
  const [manufacturer, model] = pick(rnd, MODELS);
  const studyDate = date(rnd, 2015, 2023);
  const studyTime = time(rnd);
  const studyUID = uid(rnd);
  const seriesUID = uid(rnd);
  const sopUID = uid(rnd);
  const patientID = `CXR${pad(int(rnd, 0, 99_999_999), 8)}`;
  const name = `${pick(rnd, FAMILY)}^${pick(rnd, GIVEN)}`;
  const sex = pick(rnd, ['M', 'F', 'O']);
  const age = int(rnd, 18, 95);
  const view = pick(rnd, ['PA', 'PA', 'AP']);
  const kvp = int(rnd, 90, 125);
  const mas = fixed(1 + rnd() * 8, 2);
  const center = Math.round(maxValue * (0.4 + rnd() * 0.2));
  const width = Math.round(maxValue * (0.5 + rnd() * 0.4));
  const spacing = fixed(pick(rnd, [0.139, 0.143, 0.15, 0.16]), 3);
  const accession = `ACC${pad(int(rnd, 0, 9_999_999), 7)}`;
  const institution = pick(rnd, INSTITUTIONS);
  const physician = `${pick(rnd, FAMILY)}^${pick(rnd, GIVEN)}^^Dr.`;

  const privateBlob = new Uint8Array(int(rnd, 1024, 3072));
  for (let i = 0; i < privateBlob.length; i++) privateBlob[i] = Math.floor(rnd() * 256);

  const rowsOut = [
    // SOP common, general study / series / image
    [0x00080005, 'CS', 'ISO_IR 100'],
    [0x00080008, 'CS', index % 3 === 0 ? 'DERIVED\\PRIMARY\\POST_PROCESSED' : 'ORIGINAL\\PRIMARY'],
    [0x00080012, 'DA', studyDate],
    [0x00080013, 'TM', studyTime],
    [0x00080016, 'UI', dx ? DX_PRESENTATION_SOP_CLASS : CR_SOP_CLASS],
    [0x00080018, 'UI', sopUID],
    [0x00080020, 'DA', studyDate],
    [0x00080021, 'DA', studyDate],
    [0x00080022, 'DA', studyDate],
    [0x00080023, 'DA', studyDate],
    [0x0008002a, 'DT', `${studyDate}${studyTime}`],
    [0x00080030, 'TM', studyTime],
    [0x00080031, 'TM', studyTime],
    [0x00080032, 'TM', studyTime],
    [0x00080033, 'TM', studyTime],
    [0x00080050, 'SH', accession],
    [0x00080060, 'CS', dx ? 'DX' : 'CR'],
    ...(dx ? [[0x00080068, 'CS', 'FOR PRESENTATION']] : []),
    [0x00080070, 'LO', manufacturer],
    [0x00080080, 'LO', institution],
    [0x00080081, 'ST', `${int(rnd, 1, 300)} Example Street, District ${int(rnd, 1, 12)}, Hanoi`],
    [0x00080090, 'PN', physician],
    [0x00081010, 'SH', `XR-ROOM${int(rnd, 1, 9)}`],
    [0x00081030, 'LO', 'XR CHEST PA AND LATERAL'],
    [0x00081032, 'SQ', [code('RPID16', 'RADLEX', 'XR Chest 1 View')], false],
    [0x0008103e, 'LO', `Chest ${view}`],
    [0x00081040, 'LO', 'Radiology'],
    [0x00081050, 'PN', `${pick(rnd, FAMILY)}^${pick(rnd, GIVEN)}`],
    [0x00081070, 'PN', `${pick(rnd, FAMILY)}^${pick(rnd, GIVEN)}`],
    [0x00081090, 'LO', model],
    [0x00081111, 'SQ', [item([[0x00081150, 'UI', '1.2.840.10008.3.1.2.3.3'], [0x00081155, 'UI', uid(rnd)]])]],
    [0x00082111, 'ST', index % 3 === 0 ? 'Edge enhancement, dynamic range compression' : ''],
    [0x00082218, 'SQ', [code('T-D3000', 'SRT', 'Chest', [[0x00082220, 'SQ', [code('G-A101', 'SRT', 'Left')]]])]],
    [0x00083010, 'UI', uid(rnd)],
    // private block 1 (group 0009)
    [0x00090010, 'LO', 'CXRLAB SIM ACQ 01'],
    [0x00091001, 'LO', `PRESET_${pick(rnd, ['CHEST', 'CHEST_LOWDOSE', 'THORAX'])}`],
    [0x00091002, 'US', US(int(rnd, 0, 4), int(rnd, 0, 65535))],
    [0x00091003, 'DS', `${fixed(rnd() * 10, 4)}\\${fixed(rnd() * 10, 4)}`],
    [0x00091004, 'SL', SL(-int(rnd, 0, 1000), int(rnd, 0, 1000))],
    [0x00091005, 'FD', FD(rnd(), rnd() * 100)],
    [0x00091006, 'OB', privateBlob.subarray(0, 200)],
    // patient
    [0x00100010, 'PN', name],
    [0x00100020, 'LO', patientID],
    [0x00100021, 'LO', 'CXRLAB'],
    [0x00100030, 'DA', date(rnd, 1930, 2005)],
    [0x00100040, 'CS', sex],
    [0x00101002, 'SQ', [item([[0x00100020, 'LO', `H${patientID.slice(3)}`], [0x00100022, 'CS', 'TEXT']])]],
    [0x00101010, 'AS', `${pad(age, 3)}Y`],
    [0x00101020, 'DS', fixed(1.5 + rnd() * 0.4, 2)],
    [0x00101030, 'DS', fixed(45 + rnd() * 50, 1)],
    [0x001021b0, 'LT', pick(rnd, ['Cough for 2 weeks', 'Fever, dyspnea', 'Pre-operative check', 'Follow-up pneumonia'])],
    [0x00104000, 'LT', 'Synthetic patient generated by cxrlab bench'],
    // equipment and acquisition
    [0x00180015, 'CS', 'CHEST'],
    [0x00180060, 'DS', String(kvp)],
    [0x00181000, 'LO', `SN${int(rnd, 10000, 99999)}`],
    ...(dx ? [] : [[0x00181004, 'LO', `PLATE${int(rnd, 100, 999)}`]]),
    [0x00181020, 'LO', `${model} V${int(rnd, 1, 9)}.${int(rnd, 0, 20)}\\IP ${int(rnd, 1, 5)}.${int(rnd, 0, 9)}`],
    [0x00181030, 'LO', `CHEST ${view}`],
    [0x00181110, 'DS', view === 'AP' ? '1000' : '1800'],
    [0x00181111, 'DS', view === 'AP' ? '900' : '1650'],
    [0x00181150, 'IS', String(int(rnd, 3, 40))],
    [0x00181151, 'IS', String(int(rnd, 100, 500))],
    [0x00181152, 'IS', String(Math.round(Number(mas)))],
    [0x00181153, 'IS', String(Math.round(Number(mas) * 1000))],
    [0x0018115e, 'DS', fixed(rnd() * 0.3, 5)],
    [0x00181164, 'DS', `${spacing}\\${spacing}`],
    [0x00181166, 'CS', 'FOCUSED\\RECIPROCATING'],
    [0x00181190, 'DS', pick(rnd, ['0.6', '1.2', '0.6\\1.2'])],
    [0x00181400, 'LO', pick(rnd, ['Chest PA', 'Thorax standard', 'CHEST_ADULT'])],
    [0x00181401, 'LO', `P${int(rnd, 100, 999)}`],
    [0x00181402, 'CS', pick(rnd, ['PORTRAIT', 'LANDSCAPE'])],
    [0x00181403, 'CS', pick(rnd, ['35CMX43CM', '43CMX43CM'])],
    [0x00181404, 'US', US(1)],
    [0x00185101, 'CS', view],
    [0x00186000, 'DS', String(int(rnd, 100, 400))],
    [0x00187001, 'DS', fixed(25 + rnd() * 10, 1)],
    [0x00187004, 'CS', dx ? 'SCINTILLATOR' : 'STORAGE'],
    [0x00187005, 'CS', 'AREA'],
    [0x0018700a, 'SH', `DET${int(rnd, 1000, 9999)}`],
    [0x0018701a, 'DS', '1\\1'],
    [0x00187020, 'DS', `${spacing}\\${spacing}`],
    [0x00187024, 'CS', 'RECTANGLE'],
    [0x00187026, 'DS', `${fixed(rows * Number(spacing), 1)}\\${fixed(columns * Number(spacing), 1)}`],
    [0x00187060, 'CS', pick(rnd, ['AUTOMATIC', 'MANUAL'])],
    [0x00188150, 'DS', fixed(3 + rnd() * 40, 2)],
    // private block 2 (group 0019), with a private sequence
    [0x00190010, 'LO', 'CXRLAB SIM PROC 01'],
    [0x00191010, 'LO', pick(rnd, ['MUSICA2', 'MFP', 'EVP', 'UNIQUE'])],
    [0x00191011, 'DS', `${fixed(rnd(), 3)}\\${fixed(rnd(), 3)}\\${fixed(rnd(), 3)}`],
    [0x00191012, 'US', US(int(rnd, 0, 10), int(rnd, 0, 10), int(rnd, 0, 10), int(rnd, 0, 10))],
    [0x00191014, 'SQ', [item([[0x00080100, 'SH', 'P1'], [0x00080104, 'LO', 'Private processing step'], [0x00181401, 'LO', `Q${int(rnd, 1, 99)}`]])]],
    // relationship
    [0x0020000d, 'UI', studyUID],
    [0x0020000e, 'UI', seriesUID],
    [0x00200010, 'SH', String(int(rnd, 1, 99999))],
    [0x00200011, 'IS', String(int(rnd, 1, 9))],
    [0x00200012, 'IS', '1'],
    [0x00200013, 'IS', String(int(rnd, 1, 3))],
    [0x00200020, 'CS', view === 'AP' ? 'R\\F' : 'L\\F'],
    [0x00200062, 'CS', 'U'],
    [0x00204000, 'LT', index % 5 === 0 ? 'Portable exam, patient supine' : ''],
    // image pixel, presentation
    [0x00280002, 'US', US(1)],
    [0x00280004, 'CS', mono1 ? 'MONOCHROME1' : 'MONOCHROME2'],
    [0x00280010, 'US', US(rows)],
    [0x00280011, 'US', US(columns)],
    [0x00280030, 'DS', `${spacing}\\${spacing}`],
    [0x00280100, 'US', US(16)],
    [0x00280101, 'US', US(bitsStored)],
    [0x00280102, 'US', US(bitsStored - 1)],
    [0x00280103, 'US', US(0)],
    [0x00280106, 'US', US(0)],
    [0x00280107, 'US', US(maxValue)],
    [0x00280301, 'CS', 'NO'],
    [0x00281040, 'CS', 'LOG'],
    [0x00281041, 'SS', SS(mono1 ? -1 : 1)],
    [0x00281050, 'DS', `${center}\\${center + 150}`],
    [0x00281051, 'DS', `${width}\\${Math.round(width * 0.8)}`],
    [0x00281052, 'DS', '0'],
    [0x00281053, 'DS', '1'],
    [0x00281054, 'LO', 'US'],
    [0x00281055, 'LO', 'NORMAL\\HARDER'],
    [0x00282110, 'CS', '00'],
    ...(index % 3 === 0 ? [[0x00283010, 'SQ', [voiLut(rnd, bitsStored)]]] : []),
    // private block 3 (group 0029): an opaque vendor blob
    [0x00290010, 'LO', 'CXRLAB SIM BLOB'],
    [0x00291010, 'OB', privateBlob],
    [0x00291020, 'UL', UL(privateBlob.length)],
    // requesting service, procedure step, request attributes
    [0x00321032, 'PN', physician],
    [0x00321060, 'LO', 'XR CHEST 1 VIEW'],
    [0x00321064, 'SQ', [code('RPID16', 'RADLEX', 'XR Chest 1 View')]],
    [0x00400244, 'DA', studyDate],
    [0x00400245, 'TM', studyTime],
    [0x00400253, 'SH', `PPS${int(rnd, 1000, 9999)}`],
    [0x00400254, 'LO', 'XR CHEST'],
    [0x00400260, 'SQ', [code('RPID16', 'RADLEX', 'XR Chest 1 View')]],
    [0x00400275, 'SQ', [item([
      [0x00400007, 'LO', 'XR CHEST 1 VIEW'],
      [0x00400008, 'SQ', [code('RPID16', 'RADLEX', 'XR Chest 1 View'), code('36643-5', 'LN', 'XR Chest 2V')]],
      [0x00400009, 'SH', `SPS${int(rnd, 1000, 9999)}`],
      [0x00401001, 'SH', `RP${int(rnd, 1000, 9999)}`],
    ])]],
    [0x00400302, 'US', US(int(rnd, 1, 100))],
    [0x00400306, 'DS', String(int(rnd, 1500, 1700))],
    [0x00400555, 'SQ', []],
    [0x00540220, 'SQ', [code(view === 'AP' ? 'R-10206' : 'R-10214', 'SRT', view === 'AP' ? 'antero-posterior' : 'postero-anterior', [[0x00540222, 'SQ', []]])]],
    [0x20500020, 'CS', mono1 ? 'INVERSE' : 'IDENTITY'],
  ];
  return { dataSet: dataSetOf(rowsOut), rows, columns, bitsStored, mono1 };
}

function voiLut(rnd, bitsStored) {
  const entries = 4096;
  const data = new Uint16Array(entries);
  const gamma = 0.8 + rnd() * 0.4;
  const max = (1 << bitsStored) - 1;
  for (let i = 0; i < entries; i++) data[i] = Math.round(max * Math.pow(i / (entries - 1), gamma));
  return item([
    [0x00283002, 'US', US(entries, 0, 16)],
    [0x00283003, 'LO', `Gamma ${fixed(gamma, 2)}`],
    [0x00283006, 'OW', new Uint8Array(data.buffer)],
  ]);
}

/** An anatomy-ish chest image: two darker lung fields, a bright mediastinum and spine, ribs, noise. */
export function chestPixels(rows, columns, bitsStored, mono1, seed) {
  const rnd = randomGenerator(seed);
  const max = (1 << bitsStored) - 1;
  const out = new Uint16Array(rows * columns);
  let s = (seed * 2654435761) >>> 0 || 1;
  const cx = columns / 2;
  const lungW = columns * 0.22;
  const lungH = rows * 0.32;
  const lungY = rows * 0.45;
  const ribPeriod = rows * (0.045 + rnd() * 0.01);
  for (let y = 0; y < rows; y++) {
    const ry = Math.sin((y / ribPeriod) * Math.PI * 2);
    for (let x = 0; x < columns; x++) {
      // body outline
      const bx = (x - cx) / (columns * 0.46);
      const by = (y - rows * 0.55) / (rows * 0.55);
      let v = bx * bx + by * by < 1 ? 0.62 : 0.05;
      // lungs
      const ly = (y - lungY) / lungH;
      const lx = (Math.abs(x - cx) - columns * 0.2) / lungW;
      if (lx * lx + ly * ly < 1) v = 0.25 + 0.05 * ry * (1 - lx * lx);
      // mediastinum and spine
      const m = Math.abs(x - cx) / (columns * 0.07);
      if (m < 1 && y > rows * 0.12) v = Math.max(v, 0.8 - 0.1 * m);
      // noise (xorshift32)
      s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0;
      v += ((s & 0xffff) / 65536 - 0.5) * 0.04;
      let p = Math.round(Math.min(1, Math.max(0, v)) * max);
      if (mono1) p = max - p;
      out[y * columns + x] = p;
    }
  }
  return out;
}

const PIXEL_HEADER = (length) => {
  const b = new Uint8Array(12);
  const dv = new DataView(b.buffer);
  dv.setUint16(0, 0x7fe0, true);
  dv.setUint16(2, 0x0010, true);
  b[4] = 0x4f; b[5] = 0x57; // "OW"
  dv.setUint32(8, length, true);
  return b;
};

export function fileName(index) {
  return `chest-${pad(index, 5)}.dcm`;
}

/**
 * Writes `count` synthetic chest files into `dir` (created if needed) and returns their paths.
 * sparse: pixel data is a hole made by ftruncate (no data written); otherwise real pixel content.
 */
export function writeSyntheticChestFiles(dir, count, { sparse = true, rows = 2788, columns = 2446, seed = 1, startIndex = 0 } = {}) {
  mkdirSync(dir, { recursive: true });
  const paths = [];
  const pixelBytes = rows * columns * 2;
  for (let i = startIndex; i < startIndex + count; i++) {
    const path = join(dir, fileName(i));
    const { dataSet, bitsStored, mono1 } = chestHeader(i, { rows, columns, seed });
    if (sparse) {
      const head = encodeP10({ dataSet }, { transferSyntaxUID: EXPLICIT_VR_LE });
      const fd = openSync(path, 'w');
      try {
        writeSync(fd, head);
        writeSync(fd, PIXEL_HEADER(pixelBytes));
        ftruncateSync(fd, head.length + 12 + pixelBytes);
      } finally {
        closeSync(fd);
      }
    } else {
      const pixels = chestPixels(rows, columns, bitsStored, mono1, seed * 7919 + i);
      dataSet.set(bytesElement(Tags.PixelData, 'OW', new Uint8Array(pixels.buffer)));
      writeDicomFileSync(path, { dataSet }, { transferSyntaxUID: EXPLICIT_VR_LE, durable: false });
    }
    paths.push(path);
  }
  return paths;
}

/**
 * Reuses `dir` when its manifest matches (same generator version and parameters, and every file
 * present with the recorded size); otherwise regenerates it. Returns { paths, generated, seconds }.
 */
export function ensureSyntheticChestFiles(dir, count, options = {}) {
  const params = { version: GENERATOR_VERSION, count, sparse: options.sparse ?? true, rows: options.rows ?? 2788, columns: options.columns ?? 2446, seed: options.seed ?? 1 };
  const manifestPath = join(dir, 'manifest.json');
  try {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    const same = JSON.stringify(manifest.params) === JSON.stringify(params);
    if (same && manifest.files.length === count) {
      const ok = manifest.files.every(({ name, size }) => {
        try { return statSync(join(dir, name)).size === size; } catch { return false; }
      });
      const extra = readdirSync(dir).filter((n) => n.endsWith('.dcm')).length === count;
      if (ok && extra) return { paths: manifest.files.map((f) => join(dir, f.name)), generated: false, seconds: 0 };
    }
  } catch { /* no usable manifest: regenerate */ }
  rmSync(dir, { recursive: true, force: true });
  const t0 = performance.now();
  const paths = writeSyntheticChestFiles(dir, count, params);
  const files = paths.map((p) => ({ name: p.slice(dir.length + 1), size: statSync(p).size }));
  writeFileSync(manifestPath, JSON.stringify({ params, files }, null, 1));
  return { paths, generated: true, seconds: (performance.now() - t0) / 1000 };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [dir, n, ...rest] = process.argv.slice(2);
  if (!dir || !n) {
    console.error('usage: node scripts/bench/synthetic-cr.mjs <dir> <count> [--real] [--rows R] [--cols C]');
    process.exit(2);
  }
  const opt = (name, def) => (rest.includes(name) ? Number(rest[rest.indexOf(name) + 1]) : def);
  const r = ensureSyntheticChestFiles(dir, Number(n), { sparse: !rest.includes('--real'), rows: opt('--rows', 2788), columns: opt('--cols', 2446) });
  console.log(`${r.generated ? 'generated' : 'reused'} ${r.paths.length} files in ${dir} (${r.seconds.toFixed(1)} s)`);
}

import type { DataSet, Item } from '@cxrlab/dicom';
import type { ChestImage } from './chest-image.js';
import { FD, SL, SS, UL, US, code, dataSetOf, item, type Row } from './data-set-rows.js';
import { FAMILY, GIVEN, INDICATIONS, INSTITUTIONS, MODELS, date, pad, time } from './header-values.js';
import { intBetween, mixSeed, pick, seededRandom, syntheticUid, type Random } from './seeded-random.js';

const CR_SOP_CLASS = '1.2.840.10008.5.1.4.1.1.1';
const DX_PRESENTATION_SOP_CLASS = '1.2.840.10008.5.1.4.1.1.1.1';

export type HeaderImage = Pick<ChestImage, 'rows' | 'columns' | 'bitsStored' | 'photometricInterpretation' | 'windowCenter' | 'windowWidth' | 'smallestValue' | 'largestValue'>;

export interface ChestHeaderOptions {
  seed: number;
  /** Odd indexes are DX (For Presentation), even ones CR; every third carries a VOI LUT Sequence. */
  index: number;
  image: HeaderImage;
  /** Set for lossy pixel data: the header then says so and the SOP Instance UID is a new one. */
  lossy?: { ratio: number; method: string } | undefined;
}

/**
 * The data set of a synthetic chest radiograph, without Pixel Data: SOP common, patient, study,
 * series, equipment, CR/DX acquisition, image pixel and VOI LUT (windows taken from the pixels),
 * request attributes, code sequences nested two deep, and three private blocks (one an opaque
 * 1-3 KiB OB blob like a vendor header). Names, IDs, dates, UIDs (2.25 form) and exposure vary with
 * seed and index.
 */
export function chestHeader(o: ChestHeaderOptions): DataSet {
  const rnd = seededRandom(mixSeed(o.seed, o.index, 0x68656164));
  const { rows, columns, bitsStored } = o.image;
  const dx = o.index % 2 === 1;
  const mono1 = o.image.photometricInterpretation === 'MONOCHROME1';
  const maxValue = 2 ** bitsStored - 1;
  const [manufacturer, model] = pick(rnd, MODELS);
  const studyDate = date(rnd, 2015, 2023);
  const studyTime = time(rnd);
  const studyUID = syntheticUid(rnd);
  const seriesUID = syntheticUid(rnd);
  const originalSopUID = syntheticUid(rnd);
  const patientID = `CXR${pad(intBetween(rnd, 0, 99_999_999), 8)}`;
  const name = `${pick(rnd, FAMILY)}^${pick(rnd, GIVEN)}`;
  const sex = pick(rnd, ['M', 'F', 'O']);
  const age = intBetween(rnd, 18, 95);
  const view = pick(rnd, ['PA', 'PA', 'AP']);
  const kvp = intBetween(rnd, 90, 125);
  const mas = 1 + rnd() * 8;
  const spacing = (430 / rows).toFixed(3);
  const accession = `ACC${pad(intBetween(rnd, 0, 9_999_999), 7)}`;
  const institution = pick(rnd, INSTITUTIONS);
  const physician = `${pick(rnd, FAMILY)}^${pick(rnd, GIVEN)}^^Dr.`;
  const privateBlob = new Uint8Array(intBetween(rnd, 1024, 3072));
  for (let i = 0; i < privateBlob.length; i++) privateBlob[i] = Math.floor(rnd() * 256);
  const person = (): string => `${pick(rnd, FAMILY)}^${pick(rnd, GIVEN)}`;
  const derived = o.index % 3 === 0 || o.lossy !== undefined;
  const processing = o.index % 3 === 0 ? 'Edge enhancement, dynamic range compression' : '';
  const lossyNote = o.lossy ? `Lossy compression ${o.lossy.method} ${o.lossy.ratio.toFixed(1)}:1` : '';
  const { windowCenter: center, windowWidth: width } = o.image;

  const rowsOut: Row[] = [
    // SOP common, general study / series / image
    [0x00080005, 'CS', 'ISO_IR 100'],
    [0x00080008, 'CS', derived ? `DERIVED\\PRIMARY${o.index % 3 === 0 ? '\\POST_PROCESSED' : ''}` : 'ORIGINAL\\PRIMARY'],
    [0x00080012, 'DA', studyDate],
    [0x00080013, 'TM', studyTime],
    [0x00080016, 'UI', dx ? DX_PRESENTATION_SOP_CLASS : CR_SOP_CLASS],
    // A lossy compressed image is a new instance (PS3.3 C.7.6.1.1.5).
    [0x00080018, 'UI', o.lossy ? syntheticUid(seededRandom(mixSeed(o.seed, o.index, 0x6c6f7379))) : originalSopUID],
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
    ...(dx ? [[0x00080068, 'CS', 'FOR PRESENTATION'] as Row] : []),
    [0x00080070, 'LO', manufacturer],
    [0x00080080, 'LO', institution],
    [0x00080081, 'ST', `${intBetween(rnd, 1, 300)} Example Street, District ${intBetween(rnd, 1, 12)}, Hanoi`],
    [0x00080090, 'PN', physician],
    [0x00081010, 'SH', `XR-ROOM${intBetween(rnd, 1, 9)}`],
    [0x00081030, 'LO', 'XR CHEST PA AND LATERAL'],
    [0x00081032, 'SQ', [code('RPID16', 'RADLEX', 'XR Chest 1 View')], false],
    [0x0008103e, 'LO', `Chest ${view}`],
    [0x00081040, 'LO', 'Radiology'],
    [0x00081050, 'PN', person()],
    [0x00081070, 'PN', person()],
    [0x00081090, 'LO', model],
    [0x00081111, 'SQ', [item([[0x00081150, 'UI', '1.2.840.10008.3.1.2.3.3'], [0x00081155, 'UI', syntheticUid(rnd)]])]],
    [0x00082111, 'ST', [processing, lossyNote].filter(Boolean).join('; ')],
    [0x00082218, 'SQ', [code('T-D3000', 'SRT', 'Chest', [[0x00082220, 'SQ', [code('G-A101', 'SRT', 'Left')]]])]],
    [0x00083010, 'UI', syntheticUid(rnd)],
    // private block 1 (group 0009)
    [0x00090010, 'LO', 'CXRLAB SIM ACQ 01'],
    [0x00091001, 'LO', `PRESET_${pick(rnd, ['CHEST', 'CHEST_LOWDOSE', 'THORAX'])}`],
    [0x00091002, 'US', US(intBetween(rnd, 0, 4), intBetween(rnd, 0, 65535))],
    [0x00091003, 'DS', `${(rnd() * 10).toFixed(4)}\\${(rnd() * 10).toFixed(4)}`],
    [0x00091004, 'SL', SL(-intBetween(rnd, 0, 1000), intBetween(rnd, 0, 1000))],
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
    [0x00101020, 'DS', (1.5 + rnd() * 0.4).toFixed(2)],
    [0x00101030, 'DS', (45 + rnd() * 50).toFixed(1)],
    [0x001021b0, 'LT', pick(rnd, INDICATIONS)],
    [0x00104000, 'LT', 'Synthetic patient generated by cxrlab synth'],
    // equipment and acquisition
    [0x00180015, 'CS', 'CHEST'],
    [0x00180060, 'DS', String(kvp)],
    [0x00181000, 'LO', `SN${intBetween(rnd, 10000, 99999)}`],
    ...(dx ? [] : [[0x00181004, 'LO', `PLATE${intBetween(rnd, 100, 999)}`] as Row]),
    [0x00181020, 'LO', `${model} V${intBetween(rnd, 1, 9)}.${intBetween(rnd, 0, 20)}\\IP ${intBetween(rnd, 1, 5)}.${intBetween(rnd, 0, 9)}`],
    [0x00181030, 'LO', `CHEST ${view}`],
    [0x00181110, 'DS', view === 'AP' ? '1000' : '1800'],
    [0x00181111, 'DS', view === 'AP' ? '900' : '1650'],
    [0x00181150, 'IS', String(intBetween(rnd, 3, 40))],
    [0x00181151, 'IS', String(intBetween(rnd, 100, 500))],
    [0x00181152, 'IS', String(Math.round(mas))],
    [0x00181153, 'IS', String(Math.round(mas * 1000))],
    [0x0018115e, 'DS', (rnd() * 0.3).toFixed(5)],
    [0x00181164, 'DS', `${spacing}\\${spacing}`],
    [0x00181166, 'CS', 'FOCUSED\\RECIPROCATING'],
    [0x00181190, 'DS', pick(rnd, ['0.6', '1.2', '0.6\\1.2'])],
    [0x00181400, 'LO', pick(rnd, ['Chest PA', 'Thorax standard', 'CHEST_ADULT'])],
    [0x00181401, 'LO', `P${intBetween(rnd, 100, 999)}`],
    [0x00181402, 'CS', 'PORTRAIT'],
    [0x00181403, 'CS', columns >= rows ? '43CMX43CM' : '35CMX43CM'],
    [0x00181404, 'US', US(1)],
    [0x00185101, 'CS', view],
    [0x00186000, 'DS', String(intBetween(rnd, 100, 400))],
    [0x00187001, 'DS', (25 + rnd() * 10).toFixed(1)],
    [0x00187004, 'CS', dx ? 'SCINTILLATOR' : 'STORAGE'],
    [0x00187005, 'CS', 'AREA'],
    [0x0018700a, 'SH', `DET${intBetween(rnd, 1000, 9999)}`],
    [0x0018701a, 'DS', '1\\1'],
    [0x00187020, 'DS', `${spacing}\\${spacing}`],
    [0x00187024, 'CS', 'RECTANGLE'],
    [0x00187026, 'DS', `${(rows * Number(spacing)).toFixed(1)}\\${(columns * Number(spacing)).toFixed(1)}`],
    [0x00187060, 'CS', pick(rnd, ['AUTOMATIC', 'MANUAL'])],
    [0x00188150, 'DS', (3 + rnd() * 40).toFixed(2)],
    // private block 2 (group 0019), with a private sequence
    [0x00190010, 'LO', 'CXRLAB SIM PROC 01'],
    [0x00191010, 'LO', pick(rnd, ['MUSICA2', 'MFP', 'EVP', 'UNIQUE'])],
    [0x00191011, 'DS', `${rnd().toFixed(3)}\\${rnd().toFixed(3)}\\${rnd().toFixed(3)}`],
    [0x00191012, 'US', US(intBetween(rnd, 0, 10), intBetween(rnd, 0, 10), intBetween(rnd, 0, 10), intBetween(rnd, 0, 10))],
    [0x00191014, 'SQ', [item([[0x00080100, 'SH', 'P1'], [0x00080104, 'LO', 'Private processing step'], [0x00181401, 'LO', `Q${intBetween(rnd, 1, 99)}`]])]],
    // relationship
    [0x0020000d, 'UI', studyUID],
    [0x0020000e, 'UI', seriesUID],
    [0x00200010, 'SH', String(intBetween(rnd, 1, 99999))],
    [0x00200011, 'IS', String(intBetween(rnd, 1, 9))],
    [0x00200012, 'IS', '1'],
    [0x00200013, 'IS', String(intBetween(rnd, 1, 3))],
    [0x00200020, 'CS', view === 'AP' ? 'R\\F' : 'L\\F'],
    [0x00200062, 'CS', 'U'],
    [0x00204000, 'LT', o.index % 5 === 0 ? 'Portable exam, patient supine' : ''],
    // image pixel, presentation
    [0x00280002, 'US', US(1)],
    [0x00280004, 'CS', o.image.photometricInterpretation],
    [0x00280010, 'US', US(rows)],
    [0x00280011, 'US', US(columns)],
    [0x00280030, 'DS', `${spacing}\\${spacing}`],
    [0x00280100, 'US', US(16)],
    [0x00280101, 'US', US(bitsStored)],
    [0x00280102, 'US', US(bitsStored - 1)],
    [0x00280103, 'US', US(0)],
    [0x00280106, 'US', US(o.image.smallestValue)],
    [0x00280107, 'US', US(o.image.largestValue)],
    [0x00280301, 'CS', 'NO'],
    [0x00281040, 'CS', 'LOG'],
    // +1: lower values, less X-ray intensity (bone low, MONOCHROME1); -1: the reverse.
    [0x00281041, 'SS', SS(mono1 ? 1 : -1)],
    [0x00281050, 'DS', `${center}\\${center}`],
    [0x00281051, 'DS', `${width}\\${Math.max(2, Math.round(width * 0.7))}`],
    [0x00281052, 'DS', '0'],
    [0x00281053, 'DS', '1'],
    [0x00281054, 'LO', 'US'],
    [0x00281055, 'LO', 'NORMAL\\HARDER'],
    [0x00282110, 'CS', o.lossy ? '01' : '00'],
    ...(o.lossy ? [[0x00282112, 'DS', o.lossy.ratio.toFixed(2)] as Row, [0x00282114, 'CS', o.lossy.method] as Row] : []),
    ...(o.index % 3 === 0 ? [[0x00283010, 'SQ', [voiLut(rnd, center, width, maxValue)]] as Row] : []),
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
    [0x00400253, 'SH', `PPS${intBetween(rnd, 1000, 9999)}`],
    [0x00400254, 'LO', 'XR CHEST'],
    [0x00400260, 'SQ', [code('RPID16', 'RADLEX', 'XR Chest 1 View')]],
    [0x00400275, 'SQ', [item([
      [0x00400007, 'LO', 'XR CHEST 1 VIEW'],
      [0x00400008, 'SQ', [code('RPID16', 'RADLEX', 'XR Chest 1 View'), code('36643-5', 'LN', 'XR Chest 2V')]],
      [0x00400009, 'SH', `SPS${intBetween(rnd, 1000, 9999)}`],
      [0x00401001, 'SH', `RP${intBetween(rnd, 1000, 9999)}`],
    ])]],
    [0x00400302, 'US', US(intBetween(rnd, 1, 100))],
    [0x00400306, 'DS', String(intBetween(rnd, 1500, 1700))],
    [0x00400555, 'SQ', []],
    [0x00540220, 'SQ', [code(view === 'AP' ? 'R-10206' : 'R-10214', 'SRT', view === 'AP' ? 'antero-posterior' : 'postero-anterior', [[0x00540222, 'SQ', []]])]],
    // DX Image module: INVERSE with MONOCHROME1, IDENTITY with MONOCHROME2.
    [0x20500020, 'CS', mono1 ? 'INVERSE' : 'IDENTITY'],
  ];
  return dataSetOf(rowsOut);
}

/** A sigmoid VOI LUT over every stored value, centred on the window (PS3.3 C.11.2). */
function voiLut(rnd: Random, center: number, width: number, maxValue: number): Item {
  const entries = maxValue + 1;
  const data = new Uint16Array(entries);
  const steepness = 3.5 + rnd();
  for (let i = 0; i < entries; i++) data[i] = Math.round(65535 / (1 + Math.exp((-steepness * (i - center)) / width)));
  return item([
    [0x00283002, 'US', US(entries === 65536 ? 0 : entries, 0, 16)],
    [0x00283003, 'LO', `Sigmoid ${steepness.toFixed(2)}`],
    [0x00283006, 'OW', new Uint8Array(data.buffer)],
  ]);
}

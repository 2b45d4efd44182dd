// A de-identification test subject: a chest radiograph header with identifiers at the top, in a
// sequence, and two sequence levels deep, in ISO_IR 100 so nested items must inherit the character set.
import { bytesElement, encodeText, type DataSet } from '@cxrlab/dicom';
import { addSequence, dataSet, text, us } from './test-data.js';

const latin1 = (tag: number, vr: 'PN' | 'LO', value: string) => bytesElement(tag, vr, pad(encodeText(value, ['ISO_IR 100'], vr === 'PN')));
const pad = (b: Uint8Array) => (b.length % 2 ? Uint8Array.from([...b, 0x20]) : b);

export const SOP_INSTANCE = '1.2.826.0.1.3680043.2.1125.100';
export const REFERENCED_INSTANCE = '1.2.826.0.1.3680043.2.1125.99';
export const STUDY = '1.2.826.0.1.3680043.2.1125.1';
export const NESTED_INSTANCE = '1.2.826.0.1.3680043.2.1125.98';

export function sampleDataSet(patientId = 'PAT001', studyDate = '20200315'): DataSet {
  const ds = dataSet([
    text(0x00080005, 'CS', 'ISO_IR 100'),
    text(0x00080016, 'UI', '1.2.840.10008.5.1.4.1.1.1.1'),
    text(0x00080018, 'UI', SOP_INSTANCE),
    text(0x00080020, 'DA', studyDate),
    text(0x00080021, 'DA', '20200315'),
    text(0x0008002a, 'DT', '20200315101010.5+0100'),
    text(0x00080030, 'TM', '101010'),
    text(0x00080050, 'SH', 'ACC12345'),
    text(0x00080060, 'CS', 'DX'),
    text(0x00080080, 'LO', 'Acme General'),
    text(0x00080090, 'PN', 'Ref^Doctor'),
    latin1(0x00081030, 'LO', 'Chest Müller 2020-03-15'),
    text(0x00090010, 'LO', 'ACME PRIVATE'),
    text(0x00091001, 'LO', 'secret'),
    latin1(0x00100010, 'PN', 'Müller^Hans'),
    text(0x00100020, 'LO', patientId),
    text(0x00100030, 'DA', '19600101'),
    text(0x00100040, 'CS', 'M'),
    text(0x00101010, 'AS', '060Y'),
    text(0x0020000d, 'UI', STUDY),
    us(0x00280010, 4),
    us(0x00280011, 4),
    us(0x50000010, 1),
    us(0x60000010, 4),
    bytesElement(0x60003000, 'OW', new Uint8Array(2)),
    bytesElement(0x7fe00010, 'OW', new Uint8Array(32).fill(7)),
  ]);
  addSequence(ds, 0x00081140, [[text(0x00081150, 'UI', '1.2.840.10008.5.1.4.1.1.1.1'), text(0x00081155, 'UI', REFERENCED_INSTANCE)]]);
  const [request] = addSequence(ds, 0x00400275, [[latin1(0x00321060, 'LO', 'Requested by Müller'), text(0x00080050, 'SH', 'ACC12345')]]);
  // Two levels deep: Request Attributes > Scheduled Protocol Code Sequence (kept, not in the table).
  addSequence(request!, 0x00400008, [[
    text(0x00080100, 'SH', 'RPID1'),
    latin1(0x00080104, 'LO', 'Chest for Müller'),
    text(0x00081155, 'UI', NESTED_INSTANCE),
    text(0x00400006, 'PN', 'Scheduled^Doctor'),
    text(0x00110010, 'LO', 'NESTED PRIVATE'),
    text(0x00111001, 'LO', 'deep secret'),
  ]]);
  return ds;
}

import { DataSet, DicomError, Tags, getNumber, getString, numberOfFrames } from '@cxrlab/dicom';

/** What the Image Pixel module (PS3.3 C.7.6.3) says about the stored pixels, plus the transfer syntax. */
export interface PixelDescription {
  rows: number;
  columns: number;
  samplesPerPixel: number;
  bitsAllocated: number;
  bitsStored: number;
  highBit: number;
  /** 0 unsigned, 1 two's complement. */
  pixelRepresentation: 0 | 1;
  photometricInterpretation: string;
  /** 0 interleaved (R1 G1 B1 R2 ...), 1 planar (R1 R2 ... G1 G2 ... B1 B2 ...). */
  planarConfiguration: 0 | 1;
  numberOfFrames: number;
  transferSyntaxUID: string;
}

function required(ds: DataSet, tag: number, keyword: string): number {
  const value = getNumber(ds, tag);
  if (value === undefined || !Number.isFinite(value)) {
    throw new DicomError('ERR_INVALID_VALUE', `${keyword} is missing, so the pixel data cannot be decoded`, { tag });
  }
  return value;
}

/** Reads and checks the Image Pixel attributes of a data set. */
export function describePixels(ds: DataSet, transferSyntaxUID: string): PixelDescription {
  const rows = required(ds, Tags.Rows, 'Rows');
  const columns = required(ds, Tags.Columns, 'Columns');
  const bitsAllocated = required(ds, Tags.BitsAllocated, 'Bits Allocated');
  const bitsStored = getNumber(ds, Tags.BitsStored) ?? bitsAllocated;
  const highBit = getNumber(ds, Tags.HighBit) ?? bitsStored - 1;
  const samplesPerPixel = getNumber(ds, Tags.SamplesPerPixel) ?? 1;
  const photometricInterpretation = (getString(ds, Tags.PhotometricInterpretation) ?? (samplesPerPixel === 3 ? 'RGB' : 'MONOCHROME2')).trim().toUpperCase();
  const description: PixelDescription = {
    rows,
    columns,
    samplesPerPixel,
    bitsAllocated,
    bitsStored,
    highBit,
    pixelRepresentation: getNumber(ds, Tags.PixelRepresentation) === 1 ? 1 : 0,
    photometricInterpretation,
    planarConfiguration: getNumber(ds, 0x00280006) === 1 ? 1 : 0,
    numberOfFrames: numberOfFrames(ds),
    transferSyntaxUID,
  };
  checkDescription(description);
  return description;
}

/** Rejects combinations no decoder can honour, with the attribute named. */
export function checkDescription(d: PixelDescription): void {
  const bad = (reason: string, tag: number): never => {
    throw new DicomError('ERR_INVALID_VALUE', reason, { tag });
  };
  if (!(d.rows > 0) || !(d.columns > 0)) bad(`image is ${d.rows}x${d.columns}`, Tags.Rows);
  if (![1, 8, 16, 32].includes(d.bitsAllocated)) bad(`Bits Allocated ${d.bitsAllocated} is not 1, 8, 16 or 32`, Tags.BitsAllocated);
  if (d.bitsStored < 1 || d.bitsStored > d.bitsAllocated) bad(`Bits Stored ${d.bitsStored} does not fit Bits Allocated ${d.bitsAllocated}`, Tags.BitsStored);
  if (d.samplesPerPixel !== 1 && d.samplesPerPixel !== 3) bad(`Samples per Pixel ${d.samplesPerPixel} is not 1 or 3`, Tags.SamplesPerPixel);
}

/** Bytes of one uncompressed frame. */
export function frameByteLength(d: PixelDescription): number {
  return Math.ceil((d.rows * d.columns * d.samplesPerPixel * d.bitsAllocated) / 8);
}

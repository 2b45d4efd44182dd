// The header values the filter decides on, read once from a data set (the manifest's tag columns).
import { Tags, getNumber, getString, type DataSet } from '@cxrlab/dicom';

/** What the rules look at, as found in the header (undefined: absent or empty). */
export interface HeaderFacts {
  modality: string | undefined;
  bodyPartExamined: string | undefined;
  viewPosition: string | undefined;
  /** Code Meaning of the first View Code Sequence item, e.g. "postero-anterior". */
  viewCodeMeaning: string | undefined;
  imageLaterality: string | undefined;
  /** Series Description and Protocol Name, where present (not the Study Description: a study often holds a PA and a lateral). */
  descriptions: string[];
  patientAge: string | undefined;
  patientBirthDate: string | undefined;
  /** Study Date, else Acquisition Date, else Content Date. */
  studyDate: string | undefined;
  patientSex: string | undefined;
  rows: number | undefined;
  columns: number | undefined;
  numberOfFrames: number;
  samplesPerPixel: number | undefined;
  photometricInterpretation: string | undefined;
  bitsStored: number | undefined;
  hasPixelData: boolean;
}

function text(ds: DataSet, keyword: string): string | undefined {
  const value = getString(ds, keyword)?.trim();
  return value === undefined || value === '' ? undefined : value;
}

/** View Code Sequence (0054,0220). */
const VIEW_CODE_SEQUENCE = 0x00540220;

function viewCodeMeaning(ds: DataSet): string | undefined {
  const element = ds.get(VIEW_CODE_SEQUENCE);
  const item = element?.kind === 'sequence' ? element.items[0] : undefined;
  return item === undefined ? undefined : text(item.dataSet, 'CodeMeaning');
}

/** Reads the facts from a data set (a header read that stopped before the pixels is enough). */
export function headerFacts(ds: DataSet, pixelDataPresent = ds.has(Tags.PixelData)): HeaderFacts {
  return {
    modality: text(ds, 'Modality'),
    bodyPartExamined: text(ds, 'BodyPartExamined'),
    viewPosition: text(ds, 'ViewPosition'),
    viewCodeMeaning: viewCodeMeaning(ds),
    imageLaterality: text(ds, 'ImageLaterality') ?? text(ds, 'Laterality'),
    descriptions: ['SeriesDescription', 'ProtocolName'].map((k) => text(ds, k)).filter((v): v is string => v !== undefined),
    patientAge: text(ds, 'PatientAge'),
    patientBirthDate: text(ds, 'PatientBirthDate'),
    studyDate: text(ds, 'StudyDate') ?? text(ds, 'AcquisitionDate') ?? text(ds, 'ContentDate'),
    patientSex: text(ds, 'PatientSex'),
    rows: getNumber(ds, Tags.Rows),
    columns: getNumber(ds, Tags.Columns),
    numberOfFrames: Math.max(1, Math.trunc(getNumber(ds, Tags.NumberOfFrames) ?? 1)),
    samplesPerPixel: getNumber(ds, Tags.SamplesPerPixel),
    photometricInterpretation: text(ds, 'PhotometricInterpretation'),
    bitsStored: getNumber(ds, Tags.BitsStored),
    hasPixelData: pixelDataPresent,
  };
}

import { elementStrings, type DataSet } from '@cxrlab/dicom';
import { walkDataSet } from './walk-data-set.js';

/**
 * Attributes whose values name or identify the patient, the institution or the staff: the words that
 * Clean (C) masks in free text. Found at any depth (Other Patient IDs Sequence, Request Attributes...).
 */
export const IDENTIFYING_TAGS: ReadonlySet<number> = new Set([
  0x00100010, // Patient's Name
  0x00100020, // Patient ID
  0x00100030, // Patient's Birth Date
  0x00101000, // Other Patient IDs
  0x00101001, // Other Patient Names
  0x00101005, // Patient's Birth Name
  0x00101040, // Patient's Address
  0x00101060, // Patient's Mother's Birth Name
  0x00101090, // Medical Record Locator
  0x00102154, // Patient's Telephone Numbers
  0x00102297, // Responsible Person
  0x00080050, // Accession Number
  0x00200010, // Study ID
  0x00080080, // Institution Name
  0x00080081, // Institution Address
  0x00081040, // Institutional Department Name
  0x00080090, // Referring Physician's Name
  0x00081048, // Physician(s) of Record
  0x00081050, // Performing Physician's Name
  0x00081060, // Name of Physician(s) Reading Study
  0x00081070, // Operators' Name
  0x00321032, // Requesting Physician
]);

/** Splits text into the words cleanText compares: letters and digits of any script, lowercased. */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
}

/**
 * The lowercased words of every IDENTIFYING_TAGS value in a data set, at any depth (name components split
 * on ^, =, spaces and punctuation). Single characters are left out: masking every "A" would wreck the
 * text while an initial alone identifies nobody.
 */
export function identifyingWords(ds: DataSet): ReadonlySet<string> {
  const words = new Set<string>();
  walkDataSet(ds, (owner, element) => {
    if (element.kind !== 'bytes' || !IDENTIFYING_TAGS.has(element.tag)) return;
    for (const value of elementStrings(owner, element)) for (const w of wordsOf(value)) if (w.length > 1) words.add(w);
  });
  return words;
}

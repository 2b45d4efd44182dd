import { IMPLEMENTATION_CLASS_UID, Tags, formatTag, getString, type P10File } from '@cxrlab/dicom';
import type { VerifyFinding } from './verify-finding.js';

/** The only file meta elements a de-identified file carries (PS3.10 7.1, the required ones). */
const ALLOWED_META = new Set([0x00020000, 0x00020001, Tags.MediaStorageSOPClassUID, Tags.MediaStorageSOPInstanceUID, Tags.TransferSyntaxUID, Tags.ImplementationClassUID, 0x00020013]);

/** A zero preamble, and a file meta rebuilt by us: no source AE title, no private information, in step with the data set. */
export function checkFileMeta(file: P10File): VerifyFinding[] {
  const findings: VerifyFinding[] = [];
  if (file.preamble?.some((b) => b !== 0)) findings.push({ code: 'ERR_PREAMBLE', message: 'the 128-byte preamble is not zero (it can hide data, e.g. a TIFF header)', offset: 0 });
  const meta = file.fileMeta;
  if (!meta) return [...findings, { code: 'ERR_FILE_META', message: 'no file meta information' }];
  for (const tag of meta.tags()) {
    if (!ALLOWED_META.has(tag)) findings.push({ code: 'ERR_FILE_META', message: `file meta element ${formatTag(tag)} is not one de-identification writes`, path: formatTag(tag) });
  }
  const expect = (metaTag: number, dataTag: number): void => {
    const a = getString(meta, metaTag);
    const b = getString(file.dataSet, dataTag);
    if (a !== b) findings.push({ code: 'ERR_FILE_META', message: `${formatTag(metaTag)} is ${a ?? 'absent'} but ${formatTag(dataTag)} is ${b ?? 'absent'}` });
  };
  expect(Tags.MediaStorageSOPClassUID, Tags.SOPClassUID);
  expect(Tags.MediaStorageSOPInstanceUID, Tags.SOPInstanceUID);
  const implementation = getString(meta, Tags.ImplementationClassUID);
  if (implementation !== IMPLEMENTATION_CLASS_UID) findings.push({ code: 'ERR_FILE_META', message: `Implementation Class UID is ${implementation ?? 'absent'}, not cxrlab's` });
  return findings;
}

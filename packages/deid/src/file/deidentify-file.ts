import { Tags, TransferSyntaxes, bytesElement, encodeAscii, lookupTransferSyntax, type DataSet, type Element, type P10File, type TransferSyntax, type WritableFile } from '@cxrlab/dicom';
import { imageId as makeImageId } from '../ids/image-id.js';
import { deidentifyBasic } from '../profile/deidentify-basic.js';
import { deidentifyVindr } from '../profile/vindr-profile.js';
import type { BasicProfileOptions, ProfileName } from '../profile/profile-options.js';
import { scrubPixelData, type ScrubResult } from '../scrub/scrub-pixel-data.js';
import type { TextRegion } from '../scrub/text-region.js';
import { checkImage } from './image-check.js';
import { wantsScrub, type ScrubMode } from './scrub-mode.js';

export interface DeidFileOptions {
  profile: ProfileName;
  /** Options of the basic profile (ignored by vindr). */
  basic?: BasicProfileOptions;
  /** HMAC key for image ids, replacement UIDs and date shifts; undefined: plain MD5 (the VinDr-CXR ids). */
  key?: Uint8Array | undefined;
  scrub: ScrubMode;
}

/** What happened to the pixels: untouched (the original bytes), or cleaned and where. */
export interface PixelOutcome {
  /** The pixels were searched for burned-in text. */
  searched: boolean;
  /** Burned-in text regions blanked. */
  regions: TextRegion[];
  /** Pixel words whose bits outside Bits Stored (overlay planes) were cleared. */
  unusedBitsCleared: number;
  /** True when the output's Pixel Data is not the input's bytes. */
  changed: boolean;
  transferSyntaxUID: string;
}

export interface DeidentifiedFile {
  imageId: string;
  /** The output: a rebuilt file meta, a zeroed preamble, the profile's data set. */
  file: WritableFile & { transferSyntax: TransferSyntax };
  pixels: PixelOutcome;
}

/** The VinDr-CXR profile's new SOP Instance UID: the image id read as a 128-bit number under the 2.25 root. */
export function uidFromImageId(imageId: string): string {
  return `2.25.${BigInt(`0x${imageId}`).toString()}`;
}

/**
 * De-identifies one image file in memory: checks it is an image, derives its image id, cleans the
 * pixels when asked (re-encoding only what changed), applies the profile to the data set and
 * rebuilds the file meta from nothing (no source AE title, no private meta, our implementation
 * identity). The input is never modified; the output shares unchanged pixel bytes with it.
 */
export async function deidentifyFile(input: P10File, options: DeidFileOptions): Promise<DeidentifiedFile> {
  const { sopInstanceUid } = checkImage(input);
  const imageId = makeImageId(sopInstanceUid, options.key);
  const searched = wantsScrub(input.dataSet, options.scrub);
  const scrubbed = searched ? await scrubPixelData(input) : undefined;

  const dataSet: DataSet = options.profile === 'vindr'
    ? deidentifyVindr(input.dataSet, uidFromImageId(imageId))
    : deidentifyBasic(input.dataSet, options.basic ?? {}, { key: options.key }, { cleaned: searched });
  if (scrubbed?.element) replacePixels(dataSet, scrubbed.element, scrubbed);

  const transferSyntax = outputSyntax(input, scrubbed?.element ? scrubbed.transferSyntaxUID : undefined);
  const pixels: PixelOutcome = {
    searched,
    regions: scrubbed?.regions ?? [],
    unusedBitsCleared: scrubbed?.unusedBitsCleared ?? 0,
    changed: scrubbed?.element !== undefined,
    transferSyntaxUID: transferSyntax.uid,
  };
  return { imageId, file: { dataSet, fileMeta: undefined, preamble: undefined, transferSyntax }, pixels };
}

const ExtendedOffsetTable = 0x7fe00001;
const ExtendedOffsetTableLengths = 0x7fe00002;
const PlanarConfiguration = 0x00280006;

/** Swaps in cleaned pixel data, with the header elements that describe its new encoding. */
function replacePixels(dataSet: DataSet, element: Element, scrubbed: ScrubResult): void {
  dataSet.set(element);
  dataSet.delete(ExtendedOffsetTable);
  dataSet.delete(ExtendedOffsetTableLengths);
  if (scrubbed.photometricInterpretation !== undefined) dataSet.set(bytesElement(Tags.PhotometricInterpretation, 'CS', encodeAscii(scrubbed.photometricInterpretation)));
  if (scrubbed.planarConfiguration !== undefined && dataSet.has(PlanarConfiguration)) dataSet.set(bytesElement(PlanarConfiguration, 'US', new Uint8Array([0, 0])));
}

/**
 * Encapsulated pixel data keeps its transfer syntax; native pixel data is written Explicit VR Little
 * Endian whatever it was read as (implicit, big endian, deflated), since its values are held
 * little endian in memory.
 */
function outputSyntax(input: P10File, scrubbedUID: string | undefined): TransferSyntax {
  const uid = scrubbedUID ?? (input.dataSet.get(Tags.PixelData)?.kind === 'fragments' ? input.transferSyntax.uid : undefined);
  if (uid === undefined) return TransferSyntaxes.ExplicitVRLittleEndian;
  return lookupTransferSyntax(uid) ?? input.transferSyntax;
}

// @cxrlab/dicom: the DICOM core. Zero runtime dependencies.
export { DicomError, type DicomErrorCode, type DicomErrorDetails } from './core/errors.js';
export { makeTag, tagGroup, tagElement, tagHex, formatTag, parseTagString, isPrivateTag, isPrivateCreatorTag, type Tag } from './core/tag.js';
export { Tags, UNDEFINED_LENGTH, isPixelDataTag } from './core/tags.js';
export { VRS, isVR, hasLongHeader, byteSwapUnit, isBinaryVR, usesCharacterSet, paddingByte, type VR } from './core/vr.js';

export { lookupTag, lookupKeyword, dictionaryVR, hasAmbiguousVR, type DictionaryEntry } from './dictionary/lookup.js';
export { TransferSyntaxes, lookupTransferSyntax, isUncompressed, type TransferSyntax } from './dictionary/transfer-syntax.js';
export { SopClasses, sopClassName, IMPLEMENTATION_CLASS_UID, IMPLEMENTATION_VERSION_NAME } from './dictionary/sop-class.js';

export { DataSet } from './data/data-set.js';
export { bytesElement, sequenceElement, valueByteLength, type Element, type BytesElement, type SequenceElement, type FragmentsElement, type Item } from './data/element.js';
export { resolveAmbiguousVR } from './data/ambiguous-vr.js';

export { P10Reader, type P10ReadOptions } from './p10/reader.js';
export type { P10Token, P10TokenType } from './p10/tokens.js';
export { DataSetBuilder } from './p10/build-data-set.js';
export type { P10File, P10ReadInfo } from './p10/p10-file.js';
export { parseP10, readDicomFile, readDicomFileSync, type ReadOptions } from './p10/read.js';
export { readImageFile, PixelScratch } from './p10/read-image-file.js';
export { encodeDataSet, type Encoding } from './p10/write-data-set.js';
export { encodeP10, encodeP10Chunks, buildFileMeta, writeDicomFile, writeDicomFileSync, tempPathFor, type WriteOptions, type FileWriteOptions, type WritableFile } from './p10/write.js';
export { concatChunks } from './p10/chunk-sink.js';
export { writeFileAtomicSync, type AtomicWriteOptions } from './p10/atomic-write.js';

export { characterSetsOf, elementText, elementStrings, elementPersonNames, binaryNumbers, binaryBigInts, elementTags, numberStrings, decodeElement, type DecodedValue } from './values/decode.js';
export { encodeUID, encodeAscii, decodeAscii } from './values/encode.js';
export { parsePersonName, formatPersonName, type PersonName } from './values/person-name.js';
export { getString, getStrings, getNumber, getNumbers, toTag } from './values/accessors.js';
export { parseAgeString } from './values/age-string.js';
export { decodeText, encodeText } from './charset/index.js';

export { toDicomJson, type DicomJson, type DicomJsonAttribute, type DicomJsonOptions } from './json/to-json.js';
export { stringifyDicomJson } from './json/stringify.js';
export { dumpP10, type DumpOptions } from './dump/dump.js';
export { numberOfFrames, nativeFrame, encapsulatedFrames } from './pixel-data/frames.js';
// a seeded uniform generator (mulberry32) for the synthetic data generators and tests
export { randomGenerator } from './internal/random.js';

// The dataset file formats (PhysioNet release, Kaggle, COCO, YOLO, image sizes) and the CSV reader and writer they use.
export { parseCsv, CsvCursor, type CsvRow } from '../csv/parse-csv.js';
export { readCsvTable, CsvTable, CsvRecord, type ReadCsvOptions } from '../csv/read-csv.js';
export { writeCsv, formatCsvRow, formatCsvField } from '../csv/write-csv.js';
export { parseDecimal, formatDecimal, formatPlain } from '../csv/numbers.js';

export type { Split, FormatReadOptions } from './cells.js';
export { readPhysionetAnnotations, writePhysionetAnnotations, ANNOTATION_COLUMNS, type WriteAnnotationsOptions } from './physionet-annotations.js';
export { readPhysionetImageLabels, writePhysionetImageLabels, type ImageLabelsFile, type WriteImageLabelsOptions } from './physionet-image-labels.js';
export { readKaggleTrain, writeKaggleTrain, KAGGLE_TRAIN_COLUMNS, type WriteKaggleTrainOptions } from './kaggle-train.js';
export { readSubmission, writeSubmission, SUBMISSION_COLUMNS, type WriteSubmissionOptions } from './kaggle-submission.js';
export { toCoco, fromCoco, cocoCategories, cocoImageSizes, imageIdOfFileName, type CocoDataset, type CocoImage, type CocoCategory, type CocoAnnotation, type ToCocoOptions } from './coco.js';
export { toYolo, fromYolo, yoloClassesTxt, yoloNamesYaml, type YoloExport, type FromYoloOptions } from './yolo.js';
export { imageSizeFromDicom, imageSizesFromDicomFolder, readImageSizesCsv, writeImageSizesCsv, DICOM_EXTENSIONS } from './image-sizes.js';
export { readRelease, writeRelease, annotationsPath, imageLabelsPath, type Release, type ReleaseSplit, type ReleaseRecords } from './release.js';

// @cxrlab/pipeline: batch runs: worker pools, progress, inputs, atomic outputs, failure reports, resume.
export { runTasks, runAllTasks, type PoolOptions, type TaskResult, type TaskModuleRef } from './worker-pool.js';
export type { TaskModule } from './task-module.js';
export { toTaskError, PoolErrorCodes, type TaskError } from './task-error.js';
export { ProgressReporter, formatProgress, type ProgressStream, type ProgressOptions, type ProgressCounts } from './progress.js';
export { expandInputs, outputStem, inputRelativePath, type InputFile, type Collision, type ExpandOptions, type ExpandedInputs } from './inputs.js';
export { writeFileAtomicSync, tempPathFor, type AtomicWriteOptions } from '@cxrlab/dicom';
export { FailureReport, failureOf, failuresToCsv, failuresToJsonl, CSV_HEADER, type Failure } from './failure-report.js';
export { ResumeManifest, type ManifestEntry, type ManifestCandidate } from './resume-manifest.js';
export { JsonLinesLog } from './json-lines-log.js';
export { optionsFingerprint } from './fingerprint.js';
export { csvField, toCsv, type CsvValue } from './csv.js';
export { batchBySize, type BatchLimits } from './batches.js';

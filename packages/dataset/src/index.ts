// @cxrlab/dataset: VinDr-CXR datasets: schema, formats, statistics, fusion, agreement, evaluation.
export * from './model/annotations.js';
export * from './schema/label-schema.js';
export { VINDR_CXR_SCHEMA } from './schema/vindr-cxr.js';

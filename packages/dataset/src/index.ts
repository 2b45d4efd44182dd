// @cxrlab/dataset: VinDr-CXR datasets: schema, formats, statistics, fusion, agreement, evaluation.
export * from './model/annotations.js';
export * from './schema/label-schema.js';
export { VINDR_CXR_SCHEMA } from './schema/vindr-cxr.js';
export * from './fusion/index.js';
export * from './metrics/index.js';
export * from './formats/index.js';
export * from './stats/index.js';
export * from './synth/index.js';
export * from './rules/index.js';

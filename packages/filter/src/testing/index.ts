// @cxrlab/filter/testing: helpers for tests and benchmarks, such as ONNX models built in memory.
export { ProtoWriter, encodeVarint, float32Bytes, int64Bytes } from './onnx/protobuf-writer.js';
export { OnnxGraph, attr, type Attribute, type Dim, type InitializerInfo, type ModelOptions } from './onnx/onnx-model.js';
export { identityModel, linearHeadModel, type ImageShape, type LinearHeadOptions } from './onnx/models.js';
export { RESNET18_PARAMETERS, countParameters, resnet18Graph, resnet18Model, type Resnet18Options } from './onnx/resnet18-model.js';
export { writeFilterCorpus, type CorpusFile } from './filter-corpus.js';

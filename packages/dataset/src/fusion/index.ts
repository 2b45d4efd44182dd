// The public API of box fusion: WBF, majority / union / intersection, and consensus annotations from readers' annotations.
export { boxIou } from './box-iou.js';
export { DEFAULT_IOU_THRESHOLD, type ClusterOptions, type ReaderBox } from './cluster-boxes.js';
export { weightedBoxesFusion, type FusedBox, type WbfConfType, type WbfOptions } from './weighted-boxes-fusion.js';
export { intersectionFusion, majorityFusion, unionFusion, type StrategyOptions } from './strategies.js';
export { fuseAnnotations, type FuseOptions, type FusedAnnotation, type FusionMethod } from './fuse-annotations.js';

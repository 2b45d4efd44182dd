// The metrics' public API: IoU, the VinBigData challenge mAP, kappas and inter-reader agreement.
export { iou } from './iou.js';
export { averagePrecision } from './average-precision.js';
export { evaluateDetections, NO_FINDING_BOX, type GroundTruthBox, type DetectionEvaluationOptions, type ClassEvaluation, type DetectionEvaluation } from './voc-ap.js';
export { cohenKappa, cohenKappaFromTable, fleissKappa } from './kappa.js';
export { labelAgreement, type LabelAgreementOptions, type LabelAgreement, type FleissRow, type ReaderPairRow } from './label-agreement.js';
export { boxAgreement, matchBoxesGreedy, type BoxAgreementOptions, type BoxAgreement, type BoxAgreementRow, type BoxMatch } from './box-agreement.js';

// @cxrlab/filter: keep adult frontal chest X-rays and say why each other image was dropped.
export { REASONS, decide, type Decision, type Finding, type ReasonCode } from './decision/reasons.js';
export { headerFacts, type HeaderFacts } from './header/header-facts.js';
export { readHeader } from './header/read-header.js';
export { DEFAULT_HEADER_RULES, headerFindings, type HeaderRuleOptions } from './rules/header-rules.js';
export { ageFromDates, patientAge } from './rules/patient-age.js';
export { CHEST_WORDS, isChestBodyPart } from './rules/body-part.js';
export { assessQuality, DEFAULT_QUALITY_THRESHOLDS, type QualityThresholds, type QualityMeasures } from './quality/assess-quality.js';
export { VINDR_PREPROCESS, type PreprocessConfig } from './model/preprocess-config.js';
export { vindrImage8, vindrTensor } from './model/preprocess/vindr-preprocess.js';
export { VINDR_MODEL_CONFIG, loadModelConfig, parseModelConfig, type ModelConfig } from './model/model-config.js';
export { OutlierClassifier } from './model/classifier.js';
export { filterFile, DEFAULT_FILTER_OPTIONS, type FilterOptions, type FilterResult, type FilterContext } from './filter-file.js';

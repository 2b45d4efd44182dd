// Synthetic VinDr-format releases for tests, benchmarks and demos.
export { synthesizeRelease, type SynthesizeOptions, type SyntheticRelease, type SplitRecords } from './synthetic-release.js';
export { VINDR_CXR_LABEL_COUNTS, VINDR_CXR_SPLIT_SIZES, targetFrequency } from './vindr-frequencies.js';
export { seededRandom, type Random } from './seeded-random.js';

// Test helpers for other packages' tests (`@cxrlab/deid/testing`): the planted-PHI corpus and the burn-text font.
export { buildPhiCorpus, plantHeader, PLANTED, type PhiCorpus, type PlantedImage, type BurnedText } from './phi-corpus.js';
export { burnText, burnedTextSize, type BurnTextOptions } from './burn-text.js';

// Target label frequencies of the synthetic VinDr-CXR release: images positive per label in a
// training set of 15,000 (majority vote of 3 readers) and a test set of 3,000 (5-reader consensus).
//
// Source and confidence: the paper's Table 2 (Nguyen et al., 2022, Scientific Data 9:429) could not be
// retrieved while writing this, so these are PLAUSIBLE FIGURES, not the published ones:
// - training "No finding" 10,606 (70.7%) follows from Kaggle's train.csv, which has 31,818 "No finding"
//   rows, three readers per image;
// - the order of the 14 Kaggle classes follows that file's box counts (Aortic enlargement 7,162,
//   Cardiomegaly 5,427, Pleural thickening 4,842, Pulmonary fibrosis 4,655, Nodule/Mass 2,580,
//   Lung Opacity 2,483, Pleural effusion 2,476, Other lesion 2,203, Infiltration 1,247, ILD 1,000,
//   Calcification 960, Consolidation 556, Atelectasis 279, Pneumothorax 226), turned into images at
//   roughly 2-3 boxes per positive image;
// - the other local labels (Edema, Clavicle fracture, Enlarged PA, Lung cyst, ... rare) and the global
//   labels are estimates; the test set (about 68% No finding) is the training mix scaled to it.
// Replace with the published counts when they are at hand: the generator only reads this table.

/** Images positive per label: [training set of 15,000, test set of 3,000]. */
export const VINDR_CXR_LABEL_COUNTS: Readonly<Record<string, readonly [train: number, test: number]>> = {
  'Aortic enlargement': [3067, 662],
  'Atelectasis': [186, 40],
  'Calcification': [452, 98],
  'Cardiomegaly': [2300, 497],
  'Clavicle fracture': [58, 13],
  'Consolidation': [353, 76],
  'Edema': [13, 3],
  'Emphysema': [67, 14],
  'Enlarged PA': [97, 21],
  'ILD': [386, 83],
  'Infiltration': [613, 132],
  'Lung Opacity': [1322, 286],
  'Lung cavity': [89, 19],
  'Lung cyst': [18, 4],
  'Mediastinal shift': [176, 38],
  'Nodule/Mass': [826, 178],
  'Pleural effusion': [1032, 223],
  'Pleural thickening': [1981, 428],
  'Pneumothorax': [96, 21],
  'Pulmonary fibrosis': [1617, 349],
  'Rib fracture': [121, 26],
  'Other lesion': [1134, 245],
  'COPD': [32, 7],
  'Lung tumor': [649, 140],
  'Pneumonia': [1327, 287],
  'Tuberculosis': [645, 139],
  'Other diseases': [2100, 454],
  'No finding': [10606, 2051],
};

/** The reference split sizes the counts above are out of. */
export const VINDR_CXR_SPLIT_SIZES = { train: 15000, test: 3000 } as const;

/** Fraction of images for labels the table does not know (another schema's labels). */
export const DEFAULT_LABEL_FREQUENCY = 0.01;
/** Fraction of images with no finding for a schema whose no-finding label the table does not know. */
export const DEFAULT_NO_FINDING_FREQUENCY = { train: 0.7, test: 0.68 } as const;

/** The target fraction of a split's images positive for `label`. */
export function targetFrequency(label: string, split: 'train' | 'test', isNoFinding: boolean): number {
  const counts = VINDR_CXR_LABEL_COUNTS[label];
  if (counts === undefined) return isNoFinding ? DEFAULT_NO_FINDING_FREQUENCY[split] : DEFAULT_LABEL_FREQUENCY;
  return (split === 'train' ? counts[0] : counts[1]) / VINDR_CXR_SPLIT_SIZES[split];
}

// What the preprocessing needs to know of a model's input: its size, channels and normalisation.

export interface PreprocessConfig {
  /** [height, width] of the model input. */
  inputSize: [number, number];
  /** 3: the grey image repeated (RGB, as the released VinDr detector); 1: grey. */
  channels: 1 | 3;
  /** Per channel, applied to values scaled to 0-1: (v / 255 - mean[c]) / std[c]. */
  mean: number[];
  std: number[];
}

/** The released VinDr-CXR outlier detector's input: 224x224, 3 channels, ImageNet mean and std. */
export const VINDR_PREPROCESS: PreprocessConfig = {
  inputSize: [224, 224],
  channels: 3,
  mean: [0.485, 0.456, 0.406],
  std: [0.229, 0.224, 0.225],
};

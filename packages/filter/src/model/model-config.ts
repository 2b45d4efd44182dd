// The model sidecar (model.json beside model.onnx): the input's preprocessing and how to read the output.
import { existsSync, readFileSync } from 'node:fs';
import { VINDR_PREPROCESS, type PreprocessConfig } from './preprocess-config.js';

export interface ModelConfig extends PreprocessConfig {
  /** How images become the input tensor; 'vindr' (resize, grey repeated per channel, mean/std) is the only one. */
  preprocessing: 'vindr';
  /** Whether the output holds logits (softmax applied here) or probabilities. */
  output: 'logits' | 'probabilities';
  /** Which output value is the outlier class (1 for the VinDr detector: [valid chest, outlier]). */
  outlierIndex: number;
  /** The input to feed; the model's first input by default. */
  inputName?: string;
  /** The output to read; the model's first output by default. */
  outputName?: string;
}

/** The released VinDr-CXR outlier detector: ResNet-18 logits [valid chest, outlier] on 224x224 ImageNet-normalised RGB. */
export const VINDR_MODEL_CONFIG: ModelConfig = { ...VINDR_PREPROCESS, preprocessing: 'vindr', output: 'logits', outlierIndex: 1 };

const KNOWN = ['inputSize', 'channels', 'mean', 'std', 'preprocessing', 'output', 'outlierIndex', 'inputName', 'outputName'];

function isNumberList(v: unknown): v is number[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'number' && Number.isFinite(x));
}

/** Validates a parsed sidecar; fields left out take VINDR_MODEL_CONFIG's values. Errors start with `source: "field"`. */
export function parseModelConfig(json: unknown, source: string): ModelConfig {
  const fail = (message: string): Error => new Error(`${source}: ${message}`);
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw fail('must hold a JSON object');
  const o = json as Record<string, unknown>;
  for (const key of Object.keys(o)) {
    if (!KNOWN.includes(key)) throw fail(`unknown field "${key}" (known: ${KNOWN.join(', ')})`);
  }
  const d = VINDR_MODEL_CONFIG;
  const config: ModelConfig = { ...d, inputSize: [...d.inputSize], mean: [...d.mean], std: [...d.std] };

  if (o.inputSize !== undefined) {
    const s = o.inputSize;
    if (!Array.isArray(s) || s.length !== 2 || !s.every((v) => Number.isInteger(v) && v > 0)) {
      throw fail(`"inputSize" must be [height, width], two positive integers, got ${JSON.stringify(s)}`);
    }
    config.inputSize = [s[0] as number, s[1] as number];
  }
  if (o.channels !== undefined) {
    if (o.channels !== 1 && o.channels !== 3) throw fail(`"channels" must be 1 or 3, got ${JSON.stringify(o.channels)}`);
    config.channels = o.channels as 1 | 3;
  }
  for (const key of ['mean', 'std'] as const) {
    const v = o[key];
    if (v === undefined) {
      if (config.channels !== d.channels) throw fail(`"${key}" is required when "channels" is ${config.channels} (the default has ${d.channels} values)`);
      continue;
    }
    if (!isNumberList(v)) throw fail(`"${key}" must be a list of numbers, got ${JSON.stringify(v)}`);
    const list = v;
    if (list.length !== config.channels) throw fail(`"${key}" must have ${config.channels} numbers (one per channel), got ${list.length}`);
    if (key === 'std' && list.some((x) => x <= 0)) throw fail(`"std" values must be above 0, got ${JSON.stringify(list)}`);
    config[key] = [...list];
  }
  if (o.preprocessing !== undefined) {
    if (o.preprocessing !== 'vindr') throw fail(`"preprocessing" must be "vindr", got ${JSON.stringify(o.preprocessing)}`);
  }
  if (o.output !== undefined) {
    if (o.output !== 'logits' && o.output !== 'probabilities') throw fail(`"output" must be "logits" or "probabilities", got ${JSON.stringify(o.output)}`);
    config.output = o.output as ModelConfig['output'];
  }
  if (o.outlierIndex !== undefined) {
    if (!Number.isInteger(o.outlierIndex) || (o.outlierIndex as number) < 0) throw fail(`"outlierIndex" must be an integer, 0 or more, got ${JSON.stringify(o.outlierIndex)}`);
    config.outlierIndex = o.outlierIndex as number;
  }
  for (const key of ['inputName', 'outputName'] as const) {
    const v = o[key];
    if (v === undefined) continue;
    if (typeof v !== 'string' || v === '') throw fail(`"${key}" must be a non-empty string, got ${JSON.stringify(v)}`);
    config[key] = v as string;
  }
  return config;
}

/** Where a model's sidecar is looked for: `model.onnx` -> `model.json`; a name without `.onnx` gets `.json` appended. */
export function sidecarPath(modelPath: string): string {
  return /\.onnx$/i.test(modelPath) ? modelPath.replace(/\.onnx$/i, '.json') : `${modelPath}.json`;
}

/**
 * The config for a model: `configPath` when given (it must exist), else the sidecar beside the model when there is
 * one, else VINDR_MODEL_CONFIG; `source` is the file read, undefined for the defaults.
 */
export function loadModelConfig(modelPath: string, configPath?: string): { config: ModelConfig; source: string | undefined } {
  const source = configPath ?? sidecarPath(modelPath);
  if (configPath === undefined && !existsSync(source)) return { config: parseModelConfig({}, 'defaults'), source: undefined };
  let text: string;
  try {
    text = readFileSync(source, 'utf8');
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found' : (err as Error).message;
    throw new Error(`model config ${source}: ${reason}`, { cause: err });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new Error(`${source}: not valid JSON: ${(err as Error).message}`, { cause: err });
  }
  return { config: parseModelConfig(json, source), source };
}

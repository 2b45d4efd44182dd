// The model sidecar: defaults, every field's validation with errors naming the file and field, and where it is found.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VINDR_MODEL_CONFIG, loadModelConfig, parseModelConfig, sidecarPath } from './model-config.js';
import { VINDR_PREPROCESS } from './preprocess-config.js';

describe('parseModelConfig', () => {
  it('gives the VinDr defaults for an empty object, as copies', () => {
    const config = parseModelConfig({}, 'model.json');
    assert.deepEqual(config, { ...VINDR_PREPROCESS, preprocessing: 'vindr', output: 'logits', outlierIndex: 1 });
    assert.deepEqual(config, VINDR_MODEL_CONFIG);
    config.mean[0] = 9;
    assert.equal(VINDR_MODEL_CONFIG.mean[0], 0.485);
  });

  it('takes every field', () => {
    const json = {
      inputSize: [256, 320], channels: 1, mean: [0.5], std: [0.25], preprocessing: 'vindr',
      output: 'probabilities', outlierIndex: 0, inputName: 'pixels', outputName: 'probs',
    };
    assert.deepEqual(parseModelConfig(json, 'model.json'), json);
  });

  it('keeps the default mean and std when only other fields are given', () => {
    const config = parseModelConfig({ inputSize: [512, 512], outlierIndex: 0 }, 'm.json');
    assert.deepEqual([config.inputSize, config.mean, config.std, config.outlierIndex], [[512, 512], VINDR_PREPROCESS.mean, VINDR_PREPROCESS.std, 0]);
  });

  const ERRORS: Array<[string, unknown, RegExp]> = [
    ['not an object', [1, 2], /^model\.json: must hold a JSON object$/],
    ['null', null, /^model\.json: must hold a JSON object$/],
    ['an unknown field', { threshold: 0.5 }, /^model\.json: unknown field "threshold" \(known: inputSize, channels/],
    ['std of the wrong length', { std: [0.2] }, /^model\.json: "std" must have 3 numbers \(one per channel\), got 1$/],
    ['mean of the wrong length for 1 channel', { channels: 1, mean: [0.5, 0.5], std: [0.2] }, /^model\.json: "mean" must have 1 numbers \(one per channel\), got 2$/],
    ['1 channel without a mean', { channels: 1, std: [0.2] }, /^model\.json: "mean" is required when "channels" is 1/],
    ['a zero std', { std: [0.2, 0, 0.2] }, /^model\.json: "std" values must be above 0/],
    ['a negative std', { std: [0.2, -1, 0.2] }, /"std" values must be above 0/],
    ['a mean that is not numbers', { mean: ['0.5', 0.4, 0.4] }, /^model\.json: "mean" must be a list of numbers, got \["0\.5",0\.4,0\.4\]$/],
    ['a mean that is a number', { mean: 0.5 }, /"mean" must be a list of numbers, got 0\.5/],
    ['inputSize of one number', { inputSize: [224] }, /^model\.json: "inputSize" must be \[height, width\], two positive integers, got \[224\]$/],
    ['inputSize with a zero', { inputSize: [224, 0] }, /"inputSize" must be \[height, width\]/],
    ['inputSize with a fraction', { inputSize: [224.5, 224] }, /"inputSize" must be \[height, width\]/],
    ['inputSize as a string', { inputSize: '224x224' }, /"inputSize" must be \[height, width\]/],
    ['2 channels', { channels: 2 }, /^model\.json: "channels" must be 1 or 3, got 2$/],
    ['channels as a string', { channels: '3' }, /"channels" must be 1 or 3, got "3"/],
    ['another preprocessing', { preprocessing: 'imagenet' }, /^model\.json: "preprocessing" must be "vindr", got "imagenet"$/],
    ['another output', { output: 'softmax' }, /^model\.json: "output" must be "logits" or "probabilities", got "softmax"$/],
    ['a negative outlierIndex', { outlierIndex: -1 }, /^model\.json: "outlierIndex" must be an integer, 0 or more, got -1$/],
    ['a fractional outlierIndex', { outlierIndex: 0.5 }, /"outlierIndex" must be an integer/],
    ['outlierIndex as a string', { outlierIndex: '1' }, /"outlierIndex" must be an integer, 0 or more, got "1"/],
    ['an empty inputName', { inputName: '' }, /^model\.json: "inputName" must be a non-empty string, got ""$/],
    ['a numeric outputName', { outputName: 3 }, /^model\.json: "outputName" must be a non-empty string, got 3$/],
  ];
  for (const [name, json, error] of ERRORS) {
    it(`rejects ${name}`, () => assert.throws(() => parseModelConfig(json, 'model.json'), { message: error }));
  }
});

describe('loadModelConfig', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cxrlab-model-config-'));

  it('reads the sidecar beside the model', () => {
    writeFileSync(join(dir, 'detector.json'), JSON.stringify({ outlierIndex: 0 }));
    const { config, source } = loadModelConfig(join(dir, 'detector.onnx'));
    assert.equal(source, join(dir, 'detector.json'));
    assert.equal(config.outlierIndex, 0);
  });

  it('gives the defaults with no source when there is no sidecar', () => {
    assert.deepEqual(loadModelConfig(join(dir, 'other.onnx')), { config: VINDR_MODEL_CONFIG, source: undefined });
  });

  it('prefers the config path given, and fails when it is missing', () => {
    writeFileSync(join(dir, 'chosen.json'), JSON.stringify({ output: 'probabilities' }));
    const { config, source } = loadModelConfig(join(dir, 'detector.onnx'), join(dir, 'chosen.json'));
    assert.deepEqual([config.output, config.outlierIndex, source], ['probabilities', 1, join(dir, 'chosen.json')]);
    assert.throws(() => loadModelConfig(join(dir, 'detector.onnx'), join(dir, 'absent.json')), { message: `model config ${join(dir, 'absent.json')}: not found` });
  });

  it('names the file in JSON and validation errors', () => {
    mkdirSync(join(dir, 'bad'));
    writeFileSync(join(dir, 'bad', 'm.json'), '{"std": [0.2],}');
    assert.throws(() => loadModelConfig(join(dir, 'bad', 'm.onnx')), (err: Error) => err.message.startsWith(`${join(dir, 'bad', 'm.json')}: not valid JSON: `));
    writeFileSync(join(dir, 'bad', 'm.json'), '{"std": [0.2]}');
    assert.throws(() => loadModelConfig(join(dir, 'bad', 'm.onnx')), { message: `${join(dir, 'bad', 'm.json')}: "std" must have 3 numbers (one per channel), got 1` });
  });

  it('finds sidecars for any .onnx spelling and appends .json to other names', () => {
    assert.equal(sidecarPath('/m/a.b.onnx'), '/m/a.b.json');
    assert.equal(sidecarPath('/m/A.ONNX'), '/m/A.json');
    assert.equal(sidecarPath('/m/model'), '/m/model.json');
    assert.equal(sidecarPath('/m/model.ort'), '/m/model.ort.json');
  });
});

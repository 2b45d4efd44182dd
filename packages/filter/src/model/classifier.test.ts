// OutlierClassifier on models whose outputs are known: softmax of a linear head's logits, probabilities passed
// through, and the errors for a model that does not fit its config or is not a model at all.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OnnxGraph, identityModel, linearHeadModel, resnet18Model } from '../testing/index.js';
import { OutlierClassifier } from './classifier.js';
import { VINDR_MODEL_CONFIG, type ModelConfig } from './model-config.js';

const dir = mkdtempSync(join(tmpdir(), 'cxrlab-classifier-'));
const H = 8;
const W = 6;
const WEIGHTS = [[0.8, -0.5, 1.5], [-1.2, 0.9, 0.4]];
const BIAS = [0.1, -0.3];
const CONFIG: ModelConfig = { ...VINDR_MODEL_CONFIG, inputSize: [H, W] };

function save(name: string, bytes: Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

function image(seed: number): Float32Array {
  return Float32Array.from({ length: 3 * H * W }, (_, i) => 2 * Math.sin(seed + i * 0.7) + (i % 5) * 0.1);
}

/** The linear head's logits and their softmax, in float64, from the tensor alone. */
function expectedProbabilities(tensor: Float32Array): number[] {
  const means = [0, 1, 2].map((c) => tensor.subarray(c * H * W, (c + 1) * H * W).reduce((s, v) => s + v, 0) / (H * W));
  const logits = WEIGHTS.map((row, k) => row.reduce((s, w, c) => s + w * means[c]!, BIAS[k]!));
  const exps = logits.map((l) => Math.exp(l));
  return exps.map((e) => e / exps.reduce((s, v) => s + v, 0));
}

describe('OutlierClassifier with logits', () => {
  const linear = save('linear.onnx', linearHeadModel({ channels: 3, height: H, width: W, weights: WEIGHTS, bias: BIAS }));

  it("returns softmax(logits)[outlierIndex] of independently computed logits, from a path or bytes", async () => {
    for (const model of [linear, linearHeadModel({ channels: 3, height: H, width: W, weights: WEIGHTS, bias: BIAS })]) {
      for (const outlierIndex of [1, 0]) {
        const classifier = await OutlierClassifier.load(model, { ...CONFIG, outlierIndex });
        assert.deepEqual([classifier.inputName, classifier.outputName], ['input', 'output']);
        for (const seed of [1, 2, 3]) {
          const tensor = image(seed);
          const want = expectedProbabilities(tensor)[outlierIndex]!;
          const got = await classifier.score(tensor);
          assert.ok(Math.abs(got - want) < 1e-6, `seed ${seed}, class ${outlierIndex}: ${got}, expected ${want}`);
        }
        await classifier.release();
      }
    }
  });

  it('scores a tensor that is a view into a larger buffer', async () => {
    const classifier = await OutlierClassifier.load(linear, CONFIG, { threads: 2 });
    const big = new Float32Array(3 * H * W + 10);
    big.set(image(4), 10);
    assert.ok(Math.abs(await classifier.score(big.subarray(10)) - expectedProbabilities(image(4))[1]!) < 1e-6);
    await classifier.release();
  });

  it('rejects a tensor of the wrong size, an outlierIndex past the output, and scoring after release', async () => {
    const classifier = await OutlierClassifier.load(linear, { ...CONFIG, outlierIndex: 2 });
    await assert.rejects(classifier.score(new Float32Array(10)), { message: `${linear}: the image tensor has 10 values, expected 144 (3x8x6)` });
    await assert.rejects(classifier.score(image(1)), { message: `${linear}: output "output" has 2 values, too few for outlierIndex 2` });
    await classifier.release();
    await classifier.release();
    await assert.rejects(classifier.score(image(1)), /was released/);
  });

  it('scores the ResNet-18 test model with the VinDr config', async () => {
    const classifier = await OutlierClassifier.load(resnet18Model({ seed: 5 }), VINDR_MODEL_CONFIG);
    const tensor = Float32Array.from({ length: 3 * 224 * 224 }, (_, i) => Math.sin(i / 500));
    const score = await classifier.score(tensor);
    assert.ok(score > 0 && score < 1, `score ${score}`);
    assert.equal(await classifier.score(tensor), score);
    await classifier.release();
  });
});

describe('OutlierClassifier with probabilities', () => {
  // Identity on [batch, 3, 1, 1]: the "probabilities" are the input itself.
  const path = save('identity.onnx', identityModel({ channels: 3, height: 1, width: 1 }));
  const config: ModelConfig = { ...VINDR_MODEL_CONFIG, inputSize: [1, 1], output: 'probabilities' };

  it('returns output[outlierIndex] as it is, and rejects values that are not probabilities', async () => {
    const classifier = await OutlierClassifier.load(path, config);
    assert.equal(await classifier.score(Float32Array.of(0.25, 0.75, 0)), 0.75);
    assert.equal(await classifier.score(Float32Array.of(0, 1, 0)), 1);
    for (const bad of [1.5, -0.25, NaN, Infinity]) {
      await assert.rejects(classifier.score(Float32Array.of(0, bad, 0)), { message: `${path}: output "output" [0, ${bad}, 0] gives outlier score ${bad}, not a probability (output: 'probabilities')` });
    }
    await classifier.release();
  });

  it('uses the input and output named in the config', async () => {
    const g = new OnnxGraph('two-outputs');
    g.input('pixels', ['n', 3, 1, 1]).output('first', ['n', 3, 1, 1]).output('probs', ['n', 3, 1, 1]);
    g.node('Neg', ['pixels'], ['first']);
    g.node('Identity', ['pixels'], ['probs']);
    const bytes = g.toBytes();
    const classifier = await OutlierClassifier.load(bytes, { ...config, outputName: 'probs' });
    assert.equal(await classifier.score(Float32Array.of(0, 0.5, 0)), 0.5);
    await classifier.release();
    await assert.rejects(OutlierClassifier.load(bytes, { ...config, outputName: 'prob' }), /the model has no output "prob" \(its outputs: first, probs\)/);
    await assert.rejects(OutlierClassifier.load(bytes, { ...config, inputName: 'input' }), /the model has no input "input" \(its inputs: pixels\)/);
  });
});

describe('OutlierClassifier.load errors', () => {
  it('names the model, the expected and the actual shape when the input does not fit the config', async () => {
    const grey = save('grey.onnx', identityModel({ channels: 1, height: H, width: W }));
    await assert.rejects(OutlierClassifier.load(grey, CONFIG), {
      message: `${grey}: input "input" has shape [batch, 1, 8, 6], expected [*, 3, 8, 6] (channels 3, inputSize 8x6 from the model config)`,
    });
    await assert.rejects(OutlierClassifier.load(grey, { ...CONFIG, channels: 1, mean: [0.5], std: [0.5], inputSize: [224, 224] }), /has shape \[batch, 1, 8, 6\], expected \[\*, 1, 224, 224\]/);
    const rank2 = new OnnxGraph();
    rank2.input('input', [1, 144]).output('output', [1, 144]);
    rank2.node('Identity', ['input'], ['output']);
    await assert.rejects(OutlierClassifier.load(rank2.toBytes(), CONFIG), /in-memory ONNX model \(\d+ bytes\): input "input" has shape \[1, 144\], expected \[\*, 3, 8, 6\]/);
  });

  it('rejects a fixed batch other than 1, and accepts a fixed batch of 1', async () => {
    const fixed = (batch: number): Uint8Array => {
      const g = new OnnxGraph();
      g.input('input', [batch, 3, H, W]).output('output', [batch, 3, H, W]);
      g.node('Identity', ['input'], ['output']);
      return g.toBytes();
    };
    await assert.rejects(OutlierClassifier.load(fixed(4), CONFIG), /has shape \[4, 3, 8, 6\], expected \[\*, 3, 8, 6\]/);
    await (await OutlierClassifier.load(fixed(1), CONFIG)).release();
  });

  it('names the path of a corrupt or missing model file', async () => {
    const corrupt = save('corrupt.onnx', new TextEncoder().encode('this is not an ONNX model'));
    await assert.rejects(OutlierClassifier.load(corrupt, CONFIG), (err: Error) => err.message.startsWith(`${corrupt}: cannot load the ONNX model: `) && err.cause instanceof Error);
    const truncated = save('truncated.onnx', linearHeadModel({ channels: 3, height: H, width: W, weights: WEIGHTS, bias: BIAS }).subarray(0, 100));
    await assert.rejects(OutlierClassifier.load(truncated, CONFIG), { message: new RegExp(`^${truncated}: cannot load the ONNX model: `) });
    const missing = join(dir, 'missing.onnx');
    await assert.rejects(OutlierClassifier.load(missing, CONFIG), { message: new RegExp(`^${missing}: cannot load the ONNX model: `) });
  });
});

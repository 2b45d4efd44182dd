// The identity and linear-head models compute, in onnxruntime, what an independent JS computation says.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ort from 'onnxruntime-node';
import { identityModel, linearHeadModel } from './models.js';

async function run(model: Uint8Array, data: Float32Array, dims: number[]): Promise<ort.Tensor> {
  const session = await ort.InferenceSession.create(model);
  try {
    const out = await session.run({ input: new ort.Tensor('float32', data, dims) });
    return out.output!;
  } finally {
    await session.release();
  }
}

/** Deterministic values in about [-3, 3]. */
function sample(count: number, seed: number): Float32Array {
  return Float32Array.from({ length: count }, (_, i) => 3 * Math.sin(seed * 1000 + i * 1.7) * Math.cos(i * 0.31));
}

describe('identityModel', () => {
  it('returns its input bit for bit, special values included, for any batch size', async () => {
    const shape = { channels: 3, height: 4, width: 5 };
    const data = sample(2 * 3 * 4 * 5, 1);
    data.set([NaN, -0, Infinity, -Infinity, 1e-40, -3.4028234663852886e38, 1.401298464324817e-45]);
    const out = await run(identityModel(shape), data, [2, 3, 4, 5]);
    assert.deepEqual(out.dims, [2, 3, 4, 5]);
    const bits = (a: Float32Array): Uint32Array => new Uint32Array(a.buffer, a.byteOffset, a.length);
    assert.deepEqual(bits(out.data as Float32Array), bits(data));
  });

  it('declares a symbolic batch and fixed image dims', async () => {
    const session = await ort.InferenceSession.create(identityModel({ channels: 1, height: 224, width: 200 }));
    assert.deepEqual(session.inputNames, ['input']);
    assert.deepEqual(session.outputNames, ['output']);
    const meta = session.inputMetadata[0];
    assert.ok(meta?.isTensor);
    assert.deepEqual(meta.shape, ['batch', 1, 224, 200]);
    await session.release();
  });
});

describe('linearHeadModel', () => {
  const weights = [[0.5, -1.25, 2], [-0.75, 0.1, 0.3], [1, 1, -1]];
  const bias = [0.2, -0.4, 0];
  const [channels, height, width, batch] = [3, 6, 7, 2];

  /** In float64: per image and class, the sum over channels of the channel's mean times the weight, plus the bias. */
  function logits(data: Float32Array): number[] {
    const plane = height * width;
    const out: number[] = [];
    for (let n = 0; n < batch; n++) {
      const means = Array.from({ length: channels }, (_, c) => {
        let sum = 0;
        for (let i = 0; i < plane; i++) sum += data[(n * channels + c) * plane + i]!;
        return sum / plane;
      });
      weights.forEach((row, k) => out.push(row.reduce((s, w, c) => s + w * means[c]!, bias[k]!)));
    }
    return out;
  }

  it('gives channel means times the weights plus the bias', async () => {
    const data = sample(batch * channels * height * width, 2);
    const out = await run(linearHeadModel({ channels, height, width, weights, bias }), data, [batch, channels, height, width]);
    assert.deepEqual(out.dims, [batch, weights.length]);
    const want = logits(data);
    Array.from(out.data as Float32Array).forEach((v, i) => assert.ok(Math.abs(v - want[i]!) < 1e-5, `logit ${i}: ${v}, expected ${want[i]}`));
  });

  it('rejects weights and biases that do not fit', () => {
    assert.throws(() => linearHeadModel({ channels: 3, height: 2, width: 2, weights: [[1, 2]], bias: [0] }), /2 values, expected 3/);
    assert.throws(() => linearHeadModel({ channels: 1, height: 2, width: 2, weights: [[1], [2]], bias: [0] }), /2 weight rows and 1 biases/);
  });
});

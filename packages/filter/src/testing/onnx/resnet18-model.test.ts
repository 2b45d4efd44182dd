// The built ResNet-18 loads in onnxruntime with the detector's input and output, is seeded, and has resnet18's parameter count.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ort from 'onnxruntime-node';
import { RESNET18_PARAMETERS, countParameters, resnet18Graph, resnet18Model } from './resnet18-model.js';
import { SKIP_WITHOUT_PYTHON_ONNX, runPythonOnnx } from './python-onnx.js';

const SIZE = 3 * 224 * 224;
/** A smooth image in ImageNet-normalised range, and a second one. */
const IMAGES = [0.3, 1.1].map((f) => Float32Array.from({ length: SIZE }, (_, i) => 2 * Math.sin(f * (i % 224) / 20) * Math.cos(Math.floor(i / 224) / 30)));

async function logits(model: Uint8Array, images: Float32Array[]): Promise<number[][]> {
  const session = await ort.InferenceSession.create(model, { intraOpNumThreads: 2 });
  try {
    const out = [];
    for (const image of images) out.push(Array.from((await session.run({ input: new ort.Tensor('float32', image, [1, 3, 224, 224]) })).output!.data as Float32Array));
    return out;
  } finally {
    await session.release();
  }
}

describe('resnet18Model', () => {
  let seed1: Uint8Array;
  before(() => {
    seed1 = resnet18Model({ seed: 1 });
  });

  it('has torchvision resnet18 parameter count with a 2-class fc, and 1000 classes give the ImageNet figure', () => {
    assert.equal(RESNET18_PARAMETERS, 11_177_538);
    assert.equal(countParameters(resnet18Graph({ seed: 1 })), 11_177_538);
    assert.equal(countParameters(resnet18Graph({ seed: 1, classes: 1000 })), 11_689_512);
  });

  it('takes input [batch, 3, 224, 224] and gives output [batch, 2]', async () => {
    const session = await ort.InferenceSession.create(seed1);
    assert.deepEqual(session.inputMetadata, [{ name: 'input', isTensor: true, type: 'float32', shape: ['batch', 3, 224, 224] }]);
    assert.deepEqual(session.outputMetadata, [{ name: 'output', isTensor: true, type: 'float32', shape: ['batch', 2] }]);
    const out = await session.run({ input: new ort.Tensor('float32', Float32Array.from([...IMAGES[0]!, ...IMAGES[1]!]), [2, 3, 224, 224]) });
    assert.deepEqual(out.output!.dims, [2, 2]);
    await session.release();
  });

  it('gives finite logits of moderate size, the same for the same seed and different for another', async () => {
    assert.ok(Buffer.from(resnet18Model({ seed: 1 })).equals(seed1), 'same seed, same bytes');
    const a = await logits(seed1, IMAGES);
    const again = await logits(resnet18Model({ seed: 1 }), IMAGES);
    const b = await logits(resnet18Model({ seed: 2 }), IMAGES);
    for (const v of [...a, ...b].flat()) assert.ok(Number.isFinite(v) && Math.abs(v) < 100, `logit ${v}`);
    assert.deepEqual(again, a);
    assert.notDeepEqual(b, a);
    assert.notDeepEqual(a[0], a[1], 'different images, different logits');
  });
});

describe('resnet18Model read by the onnx Python package', { skip: SKIP_WITHOUT_PYTHON_ONNX }, () => {
  it('passes onnx.checker with shape inference and holds 11,177,538 parameters', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'cxrlab-onnx-')), 'resnet18.onnx');
    writeFileSync(path, resnet18Model({ seed: 3 }));
    const read = runPythonOnnx<Record<string, unknown>>(`
import numpy as np
path = json.load(sys.stdin)
onnx.checker.check_model(path, full_check=True)
m = onnx.shape_inference.infer_shapes(onnx.load(path))
ops = {}
for n in m.graph.node: ops[n.op_type] = ops.get(n.op_type, 0) + 1
params = sum(int(np.prod(t.dims)) for t in m.graph.initializer if not t.name.endswith(('running_mean', 'running_var')))
shapes = {v.name: [d.dim_param or d.dim_value for d in v.type.tensor_type.shape.dim] for v in m.graph.value_info}
print(json.dumps({'ops': ops, 'params': params, 'pooled': shapes['avgpool.out'], 'layer4': shapes['layer4.1.relu']}))
`, path);
    assert.deepEqual(read, {
      ops: { Conv: 20, BatchNormalization: 20, Relu: 17, MaxPool: 1, Add: 8, GlobalAveragePool: 1, Flatten: 1, Gemm: 1 },
      params: 11_177_538,
      pooled: ['batch', 512, 1, 1],
      layer4: ['batch', 512, 7, 7],
    });
  });
});

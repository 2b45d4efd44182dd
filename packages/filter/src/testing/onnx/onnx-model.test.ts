// OnnxGraph's encoding, read back by onnxruntime (and by the onnx Python package where it is installed).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ort from 'onnxruntime-node';
import { OnnxGraph, attr } from './onnx-model.js';
import { SKIP_WITHOUT_PYTHON_ONNX, runPythonOnnx } from './python-onnx.js';

/** y = edge-pad(leakyRelu(flatten(transpose(reshape(x, [-1, 2, 2])))) + [1, 2, 3, 4]): every attribute type once. */
function attributeModel(): Uint8Array {
  const g = new OnnxGraph('attributes');
  g.input('x', ['batch', 4]).output('y', ['batch', 6]);
  const shape = g.int64Initializer('shape', [-1, 2, 2]);
  const pads = g.int64Initializer('pads', [0, 1, 0, 1]);
  g.node('Reshape', ['x', shape], ['r']);
  g.node('Transpose', ['r'], ['t'], { perm: attr.ints([0, 2, 1]) });
  g.node('LeakyRelu', ['t'], ['l'], { alpha: attr.float(0.1) });
  g.node('Flatten', ['l'], ['f'], { axis: attr.int(1) });
  g.node('Constant', [], ['c'], { value_floats: attr.floats([1, 2, 3, 4]) });
  g.node('Add', ['f', 'c'], ['a']);
  g.node('Pad', ['a', pads], ['y'], { mode: attr.string('edge') });
  return g.toBytes();
}

function expected(row: number[]): number[] {
  const [x0 = 0, x1 = 0, x2 = 0, x3 = 0] = row;
  const v = [x0, x2, x1, x3].map((x, i) => (x < 0 ? Math.fround(0.1) * x : x) + i + 1);
  return [v[0]!, ...v, v[3]!];
}

describe('OnnxGraph', () => {
  it('encodes a model that onnxruntime runs, with INT, INTS, FLOAT, FLOATS and STRING attributes and int64 initializers', async () => {
    const session = await ort.InferenceSession.create(attributeModel());
    try {
      assert.deepEqual(session.inputMetadata[0], { name: 'x', isTensor: true, type: 'float32', shape: ['batch', 4] });
      assert.deepEqual(session.outputMetadata[0], { name: 'y', isTensor: true, type: 'float32', shape: ['batch', 6] });
      const rows = [[1, -2, 3, -4], [-10, 0.5, -0.25, 8]];
      const out = await session.run({ x: new ort.Tensor('float32', Float32Array.from(rows.flat()), [2, 4]) });
      assert.deepEqual(out.y!.dims, [2, 6]);
      const y = Array.from(out.y!.data as Float32Array);
      const want = rows.flatMap(expected);
      y.forEach((v, i) => assert.ok(Math.abs(v - want[i]!) < 1e-6, `y[${i}] = ${v}, expected ${want[i]}`));
    } finally {
      await session.release();
    }
  });

  it('rejects an initializer whose data does not fill its dims', () => {
    assert.throws(() => new OnnxGraph().floatInitializer('w', [2, 3], [1, 2]), /dims \[2, 3\] need 6 values, got 2/);
  });

  it('lists its initializers', () => {
    const g = new OnnxGraph();
    g.floatInitializer('w', [2, 1], [1, 2]);
    g.int64Initializer('s', [1, -1]);
    assert.deepEqual(g.initializers, [{ name: 'w', dims: [2, 1], dataType: 'float' }, { name: 's', dims: [2], dataType: 'int64' }]);
  });
});

describe('OnnxGraph read by the onnx Python package', { skip: SKIP_WITHOUT_PYTHON_ONNX }, () => {
  it('passes onnx.checker with shape inference, and every field reads back', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'cxrlab-onnx-')), 'attributes.onnx');
    writeFileSync(path, attributeModel());
    const read = runPythonOnnx<Record<string, unknown>>(`
from onnx import numpy_helper
path = json.load(sys.stdin)
onnx.checker.check_model(path, full_check=True)
m = onnx.load(path)
dims = lambda v: [d.dim_param if d.HasField('dim_param') else d.dim_value for d in v.type.tensor_type.shape.dim]
print(json.dumps({
  'ir_version': m.ir_version, 'producer': m.producer_name,
  'opset': [[o.domain, o.version] for o in m.opset_import],
  'inputs': [[v.name, v.type.tensor_type.elem_type, dims(v)] for v in m.graph.input],
  'outputs': [[v.name, dims(v)] for v in m.graph.output],
  'initializers': {t.name: numpy_helper.to_array(t).tolist() for t in m.graph.initializer},
  'attributes': [[n.op_type, a.name, a.type, str(onnx.helper.get_attribute_value(a))] for n in m.graph.node for a in n.attribute],
}))
`, path);
    assert.deepEqual(read, {
      ir_version: 8,
      producer: 'cxrlab-testing',
      opset: [['', 13]],
      inputs: [['x', 1, ['batch', 4]]],
      outputs: [['y', ['batch', 6]]],
      initializers: { shape: [-1, 2, 2], pads: [0, 1, 0, 1] },
      attributes: [
        ['Transpose', 'perm', 7, '[0, 2, 1]'],
        ['LeakyRelu', 'alpha', 1, String(Math.fround(0.1))],
        ['Flatten', 'axis', 2, '1'],
        ['Constant', 'value_floats', 6, '[1.0, 2.0, 3.0, 4.0]'],
        ['Pad', 'mode', 3, "b'edge'"],
      ],
    });
  });
});

// Small ONNX models whose outputs a test can compute independently: an identity and a linear head.
import { OnnxGraph, attr } from './onnx-model.js';

export interface ImageShape {
  channels: number;
  height: number;
  width: number;
}

export interface LinearHeadOptions extends ImageShape {
  /** [classes][channels]. */
  weights: number[][];
  /** [classes]. */
  bias: number[];
}

/** output = input; input 'input' and output 'output' are [batch, channels, height, width]. */
export function identityModel({ channels, height, width }: ImageShape): Uint8Array {
  const g = new OnnxGraph('identity');
  const shape = ['batch', channels, height, width];
  g.input('input', shape).output('output', shape);
  g.node('Identity', ['input'], ['output']);
  return g.toBytes();
}

/**
 * logits[n][k] = sum over c of mean(input[n][c]) * weights[k][c] + bias[k]
 * (GlobalAveragePool -> Flatten -> Gemm with transB); input 'input', output 'output' [batch, classes].
 */
export function linearHeadModel({ channels, height, width, weights, bias }: LinearHeadOptions): Uint8Array {
  const classes = weights.length;
  if (classes === 0 || bias.length !== classes) throw new RangeError(`linearHeadModel: ${classes} weight rows and ${bias.length} biases`);
  for (const row of weights) {
    if (row.length !== channels) throw new RangeError(`linearHeadModel: a weight row has ${row.length} values, expected ${channels} (one per channel)`);
  }
  const g = new OnnxGraph('linear_head');
  g.input('input', ['batch', channels, height, width]).output('output', ['batch', classes]);
  const w = g.floatInitializer('fc.weight', [classes, channels], weights.flat());
  const b = g.floatInitializer('fc.bias', [classes], bias);
  g.node('GlobalAveragePool', ['input'], ['pooled']);
  g.node('Flatten', ['pooled'], ['features'], { axis: attr.int(1) });
  g.node('Gemm', ['features', w, b], ['output'], { transB: attr.int(1) });
  return g.toBytes();
}

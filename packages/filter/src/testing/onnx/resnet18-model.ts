// torchvision's ResNet-18 as an ONNX graph with seeded random weights, the shape of the VinDr-CXR outlier detector.
import { OnnxGraph, attr } from './onnx-model.js';
import { randomGenerator } from '@cxrlab/dicom/testing';

export interface Resnet18Options {
  /** Seeds the weights: the same seed gives the same model, byte for byte. */
  seed: number;
  /** Outputs of the final Gemm (the fc layer), 2 by default: [valid chest, outlier]. */
  classes?: number;
  height?: number;
  width?: number;
}

/** torchvision resnet18's parameter count with a 2-class fc (11,689,512 with its 1000-class fc). */
export const RESNET18_PARAMETERS = 11_177_538;

/**
 * The scale of each block's bn2 (the residual branch's last layer): with 1, the variance roughly doubles at each
 * of the 8 blocks and logits reach ±50; with 0.5 they stay within a few units, so scores are not all 0 or 1.
 */
const RESIDUAL_SCALE = 0.5;

/** Uniform values in [-bound, bound). */
function uniform(rnd: () => number, count: number, bound: number): Float32Array {
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) out[i] = (2 * rnd() - 1) * bound;
  return out;
}

/** Adds layers to a graph under torchvision's state_dict names (conv1.weight, layer2.0.downsample.1.bias...). */
class Resnet18Builder {
  constructor(readonly g: OnnxGraph, private readonly rnd: () => number) {}

  /** A bias-free convolution with He-uniform weights (variance 2 / fan_in). */
  conv(name: string, x: string, inC: number, outC: number, k: number, stride: number, pad: number): string {
    const fanIn = inC * k * k;
    const w = this.g.floatInitializer(`${name}.weight`, [outC, inC, k, k], uniform(this.rnd, outC * fanIn, Math.sqrt(6 / fanIn)));
    return this.g.node('Conv', [x, w], [`${name}.out`], {
      kernel_shape: attr.ints([k, k]), strides: attr.ints([stride, stride]), pads: attr.ints([pad, pad, pad, pad]),
    }, name);
  }

  /** BatchNormalization in inference form: the given scale (1 by default), bias 0, running mean 0, running variance 1. */
  bn(name: string, x: string, c: number, scale = 1): string {
    const inputs = [x];
    for (const [param, value] of [['weight', scale], ['bias', 0], ['running_mean', 0], ['running_var', 1]] as const) {
      inputs.push(this.g.floatInitializer(`${name}.${param}`, [c], new Float32Array(c).fill(value)));
    }
    return this.g.node('BatchNormalization', inputs, [`${name}.out`], { epsilon: attr.float(1e-5) }, name);
  }

  relu(name: string, x: string): string {
    return this.g.node('Relu', [x], [`${name}.relu`], {}, `${name}.relu`);
  }

  /** A BasicBlock: conv3x3-BN-ReLU-conv3x3-BN (scaled by RESIDUAL_SCALE), plus the input (through conv1x1-BN when the shape changes), then ReLU. */
  basicBlock(name: string, x: string, inC: number, outC: number, stride: number): string {
    let y = this.relu(`${name}.bn1`, this.bn(`${name}.bn1`, this.conv(`${name}.conv1`, x, inC, outC, 3, stride, 1), outC));
    y = this.bn(`${name}.bn2`, this.conv(`${name}.conv2`, y, outC, outC, 3, 1, 1), outC, RESIDUAL_SCALE);
    let shortcut = x;
    if (stride !== 1 || inC !== outC) {
      shortcut = this.bn(`${name}.downsample.1`, this.conv(`${name}.downsample.0`, x, inC, outC, 1, stride, 0), outC);
    }
    const sum = this.g.node('Add', [y, shortcut], [`${name}.add`], {}, `${name}.add`);
    return this.relu(name, sum);
  }
}

/**
 * The graph of torchvision's resnet18 (conv1 7x7/2 -> bn1 -> ReLU -> MaxPool 3x3/2 -> layer1-4 of two BasicBlocks
 * (64, 128, 256, 512 channels) -> GlobalAveragePool -> Flatten -> fc), input 'input' [batch, 3, height, width],
 * output 'output' [batch, classes] (logits). fc weights and bias are uniform in ±1/sqrt(512), as torch's Linear.
 */
export function resnet18Graph({ seed, classes = 2, height = 224, width = 224 }: Resnet18Options): OnnxGraph {
  const g = new OnnxGraph('resnet18');
  const rnd = randomGenerator(seed);
  const b = new Resnet18Builder(g, rnd);
  g.input('input', ['batch', 3, height, width]).output('output', ['batch', classes]);
  let x = b.relu('bn1', b.bn('bn1', b.conv('conv1', 'input', 3, 64, 7, 2, 3), 64));
  x = g.node('MaxPool', [x], ['maxpool.out'], { kernel_shape: attr.ints([3, 3]), strides: attr.ints([2, 2]), pads: attr.ints([1, 1, 1, 1]) }, 'maxpool');
  let inC = 64;
  [64, 128, 256, 512].forEach((outC, stage) => {
    x = b.basicBlock(`layer${stage + 1}.0`, x, inC, outC, stage === 0 ? 1 : 2);
    x = b.basicBlock(`layer${stage + 1}.1`, x, outC, outC, 1);
    inC = outC;
  });
  x = g.node('GlobalAveragePool', [x], ['avgpool.out'], {}, 'avgpool');
  x = g.node('Flatten', [x], ['flatten.out'], { axis: attr.int(1) }, 'flatten');
  const bound = 1 / Math.sqrt(512);
  const w = g.floatInitializer('fc.weight', [classes, 512], uniform(rnd, classes * 512, bound));
  const bias = g.floatInitializer('fc.bias', [classes], uniform(rnd, classes, bound));
  g.node('Gemm', [x, w, bias], ['output'], { transB: attr.int(1) }, 'fc');
  return g;
}

/** The .onnx bytes of `resnet18Graph(options)` (about 45 MB at 2 classes). */
export function resnet18Model(options: Resnet18Options): Uint8Array {
  return resnet18Graph(options).toBytes();
}

/** Trainable parameters in a graph: every initializer but BatchNormalization's running mean and variance (buffers). */
export function countParameters(graph: OnnxGraph): number {
  let count = 0;
  for (const { name, dims } of graph.initializers) {
    if (!/\.running_(mean|var)$/.test(name)) count += dims.reduce((n, d) => n * d, 1);
  }
  return count;
}

// The outlier CNN through onnxruntime-node (CPU): checks the model's input against the config, scores one image.
// onnxruntime-node is loaded on the first load(), so that runs without a model never pay for it.
import type ort from 'onnxruntime-node';
import type { ModelConfig } from './model-config.js';

type Runtime = typeof ort;

export interface ClassifierOptions {
  /** onnxruntime's intra-op threads, 1 by default (a worker pool gives the parallelism). */
  threads?: number;
  /**
   * onnxruntime's graph optimisations (default true). A session made only to check that a model
   * fits its config does not need them, and loads several times faster without them.
   */
  optimize?: boolean;
}

const formatShape = (shape: ReadonlyArray<number | string>): string => `[${shape.join(', ')}]`;

/** softmax(values)[index], computed stably. */
function softmaxAt(values: ArrayLike<number>, index: number): number {
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) max = Math.max(max, values[i]!);
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += Math.exp(values[i]! - max);
  return Math.exp(values[index]! - max) / sum;
}

/** The input or output to use: the named one (which must exist) or the first. */
function pick(label: string, kind: 'input' | 'output', metadata: readonly ort.InferenceSession.ValueMetadata[], name: string | undefined): ort.InferenceSession.ValueMetadata {
  const names = metadata.map((m) => m.name);
  const found = name === undefined ? metadata[0] : metadata.find((m) => m.name === name);
  if (found === undefined) {
    throw new Error(`${label}: the model has no ${kind} ${name === undefined ? '' : `"${name}" `}(its ${kind}s: ${names.join(', ') || 'none'})`);
  }
  return found;
}

/** Checks the input is a float32 [batch, channels, height, width] tensor, batch symbolic or 1, other dims symbolic or equal. */
function checkInput(label: string, input: ort.InferenceSession.ValueMetadata, config: ModelConfig): void {
  const [h, w] = config.inputSize;
  const expected = ['*', config.channels, h, w];
  const where = `${label}: input "${input.name}"`;
  if (!input.isTensor) throw new Error(`${where} is not a tensor`);
  if (input.type !== 'float32') throw new Error(`${where} is ${input.type}, expected float32`);
  const shape = input.shape;
  const fits = shape.length === 4 && shape.every((d, i) => typeof d === 'string' || (i === 0 ? d === 1 || d === -1 : d === expected[i]));
  if (!fits) {
    throw new Error(`${where} has shape ${formatShape(shape)}, expected ${formatShape(expected)} `
      + `(channels ${config.channels}, inputSize ${h}x${w} from the model config)`);
  }
}

/** An ONNX image classifier whose output holds an outlier class: `score(tensor)` is that class's probability. */
export class OutlierClassifier {
  private released = false;

  private constructor(
    private readonly runtime: Runtime,
    private readonly session: ort.InferenceSession,
    readonly config: ModelConfig,
    readonly inputName: string,
    readonly outputName: string,
    /** The model path, or a description of an in-memory model, for error messages. */
    readonly label: string,
  ) {}

  /** Loads a model (a path or the .onnx bytes) and checks its input against `config`. */
  static async load(model: string | Uint8Array, config: ModelConfig, options: ClassifierOptions = {}): Promise<OutlierClassifier> {
    const label = typeof model === 'string' ? model : `in-memory ONNX model (${model.length} bytes)`;
    const runtime = (await import('onnxruntime-node')).default;
    const sessionOptions: ort.InferenceSession.SessionOptions = {
      intraOpNumThreads: options.threads ?? 1, interOpNumThreads: 1, graphOptimizationLevel: options.optimize === false ? 'disabled' : 'all',
    };
    let session: ort.InferenceSession;
    try {
      session = typeof model === 'string'
        ? await runtime.InferenceSession.create(model, sessionOptions)
        : await runtime.InferenceSession.create(model, sessionOptions);
    } catch (error) {
      throw new Error(`${label}: cannot load the ONNX model: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    try {
      const input = pick(label, 'input', session.inputMetadata, config.inputName);
      checkInput(label, input, config);
      const output = pick(label, 'output', session.outputMetadata, config.outputName);
      return new OutlierClassifier(runtime, session, config, input.name, output.name, label);
    } catch (error) {
      await session.release();
      throw error;
    }
  }

  /** The outlier probability of one NCHW image of channels x height x width floats (run as batch 1). */
  async score(tensor: Float32Array): Promise<number> {
    if (this.released) throw new Error(`${this.label}: the classifier was released`);
    const { channels, inputSize: [h, w], outlierIndex, output } = this.config;
    if (tensor.length !== channels * h * w) {
      throw new Error(`${this.label}: the image tensor has ${tensor.length} values, expected ${channels * h * w} (${channels}x${h}x${w})`);
    }
    const feeds = { [this.inputName]: new this.runtime.Tensor('float32', tensor, [1, channels, h, w]) };
    const result = (await this.session.run(feeds, [this.outputName]))[this.outputName];
    const values = result?.data;
    if (!(values instanceof Float32Array || values instanceof Float64Array)) {
      throw new Error(`${this.label}: output "${this.outputName}" is ${result?.type ?? 'missing'}, expected float32`);
    }
    if (values.length <= outlierIndex) {
      throw new Error(`${this.label}: output "${this.outputName}" has ${values.length} values, too few for outlierIndex ${outlierIndex}`);
    }
    const score = output === 'logits' ? softmaxAt(values, outlierIndex) : values[outlierIndex]!;
    if (!Number.isFinite(score) || score < 0 || score > 1) {
      const seen = `[${Array.from(values.subarray(0, 8)).join(', ')}${values.length > 8 ? ', ...' : ''}]`;
      throw new Error(`${this.label}: output "${this.outputName}" ${seen} gives outlier score ${score}, not a probability (output: '${output}')`);
    }
    return score;
  }

  /** Frees onnxruntime's session; score() fails afterwards. */
  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    await this.session.release();
  }
}

// An ONNX graph builder that encodes a ModelProto (onnx.proto field numbers) for tests and benchmarks.
import { ProtoWriter, float32Bytes, int64Bytes } from './protobuf-writer.js';

/** A dimension of a graph input or output: a fixed size, or a symbolic name such as 'batch'. */
export type Dim = number | string;

export type Attribute =
  | { type: 'int'; value: number }
  | { type: 'ints'; value: readonly number[] }
  | { type: 'float'; value: number }
  | { type: 'floats'; value: readonly number[] }
  | { type: 'string'; value: string };

/** Attribute constructors: `{ kernel_shape: attr.ints([3, 3]), epsilon: attr.float(1e-5) }`. */
export const attr = {
  int: (value: number): Attribute => ({ type: 'int', value }),
  ints: (value: readonly number[]): Attribute => ({ type: 'ints', value }),
  float: (value: number): Attribute => ({ type: 'float', value }),
  floats: (value: readonly number[]): Attribute => ({ type: 'floats', value }),
  string: (value: string): Attribute => ({ type: 'string', value }),
};

/** An initializer as added: its name, dims and element type. */
export interface InitializerInfo {
  name: string;
  dims: readonly number[];
  dataType: 'float' | 'int64';
}

export interface ModelOptions {
  /** ir_version, 8 by default (ONNX 1.10+). */
  irVersion?: number;
  /** The default domain's opset, 13 by default. */
  opset?: number;
  producerName?: string;
}

// TensorProto.DataType and AttributeProto.AttributeType values.
const DATA_TYPE = { float: 1, int64: 7 } as const;
const ATTRIBUTE_TYPE = { float: 1, int: 2, string: 3, floats: 6, ints: 7 } as const;

function elementCount(dims: readonly number[]): number {
  return dims.reduce((n, d) => n * d, 1);
}

function valueInfo(name: string, shape: readonly Dim[]): ProtoWriter {
  const tensorShape = new ProtoWriter();
  for (const dim of shape) {
    const d = new ProtoWriter();
    if (typeof dim === 'number') d.varint(1, dim); // dim_value
    else d.string(2, dim); // dim_param
    tensorShape.message(1, d);
  }
  const tensorType = new ProtoWriter().varint(1, DATA_TYPE.float).message(2, tensorShape);
  return new ProtoWriter().string(1, name).message(2, new ProtoWriter().message(1, tensorType));
}

function attribute(name: string, a: Attribute): ProtoWriter {
  const w = new ProtoWriter().string(1, name);
  switch (a.type) {
    case 'float': w.float(2, a.value); break;
    case 'int': w.varint(3, a.value); break;
    case 'string': w.string(4, a.value); break;
    case 'floats': w.packedFloats(7, a.value); break;
    case 'ints': w.packedVarints(8, a.value); break;
  }
  return w.varint(20, ATTRIBUTE_TYPE[a.type]);
}

/** A graph with float inputs and outputs, float and int64 initializers and nodes; `toBytes()` encodes the model. */
export class OnnxGraph {
  private readonly inputs: ProtoWriter[] = [];
  private readonly outputs: ProtoWriter[] = [];
  private readonly nodes: ProtoWriter[] = [];
  private readonly tensors: ProtoWriter[] = [];
  private readonly added: InitializerInfo[] = [];
  private nodeCount = 0;

  constructor(readonly name = 'graph') {}

  /** The initializers added so far, in order. */
  get initializers(): readonly InitializerInfo[] {
    return this.added;
  }

  /** A float32 graph input. */
  input(name: string, shape: readonly Dim[]): this {
    this.inputs.push(valueInfo(name, shape));
    return this;
  }

  /** A float32 graph output. */
  output(name: string, shape: readonly Dim[]): this {
    this.outputs.push(valueInfo(name, shape));
    return this;
  }

  /** A float32 initializer stored as raw_data (the array is kept by reference until `toBytes()`); returns its name. */
  floatInitializer(name: string, dims: readonly number[], data: Float32Array | readonly number[]): string {
    if (elementCount(dims) !== data.length) throw new RangeError(`initializer ${name}: dims [${dims.join(', ')}] need ${elementCount(dims)} values, got ${data.length}`);
    return this.tensor(name, dims, 'float', float32Bytes(data));
  }

  /** A 1-D int64 initializer (a Reshape shape, for example); returns its name. */
  int64Initializer(name: string, values: readonly number[]): string {
    return this.tensor(name, [values.length], 'int64', int64Bytes(values));
  }

  private tensor(name: string, dims: readonly number[], dataType: 'float' | 'int64', raw: Uint8Array): string {
    const t = new ProtoWriter().packedVarints(1, dims).varint(2, DATA_TYPE[dataType]).string(8, name).bytes(9, raw);
    this.tensors.push(t);
    this.added.push({ name, dims: [...dims], dataType });
    return name;
  }

  /** A node of the default domain; returns its first output's name. */
  node(opType: string, inputs: readonly string[], outputs: readonly string[], attributes: Record<string, Attribute> = {}, name?: string): string {
    const w = new ProtoWriter();
    for (const i of inputs) w.string(1, i);
    for (const o of outputs) w.string(2, o);
    w.string(3, name ?? `${opType}_${this.nodeCount}`).string(4, opType);
    for (const [key, a] of Object.entries(attributes)) w.message(5, attribute(key, a));
    this.nodes.push(w);
    this.nodeCount++;
    return outputs[0] ?? '';
  }

  /** The ModelProto bytes (ir_version 8, opset 13 of the default domain unless told otherwise). */
  toBytes(options: ModelOptions = {}): Uint8Array {
    const graph = new ProtoWriter();
    for (const n of this.nodes) graph.message(1, n);
    graph.string(2, this.name);
    for (const t of this.tensors) graph.message(5, t);
    for (const i of this.inputs) graph.message(11, i);
    for (const o of this.outputs) graph.message(12, o);
    const opset = new ProtoWriter().string(1, '').varint(2, options.opset ?? 13);
    return new ProtoWriter()
      .varint(1, options.irVersion ?? 8)
      .string(2, options.producerName ?? 'cxrlab-testing')
      .message(7, graph)
      .message(8, opset)
      .finish();
  }
}

// Test fixtures: small model.json topologies in the published formats, written out by hand so that every tf.js
// version loads the very same JSON (layers: Keras-style topology; graph: GraphDef proto-JSON with a manifest).

export interface WeightEntry {
  name: string;
  shape: number[];
  dtype: 'float32' | 'int32';
  quantization?: { dtype: 'uint16' | 'uint8'; min: number; scale: number };
}

export interface FixtureJson {
  format?: string;
  modelTopology: Record<string, unknown>;
  weightSpecs: WeightEntry[];
}

const dense = (name: string, units: number, extra: Record<string, unknown> = {}) => ({
  class_name: 'Dense',
  config: { name, units, activation: 'linear', use_bias: true, ...extra },
});

export interface ConvNetOptions {
  filters?: number;
  kernelSize?: number;
  activation?: string;
  units?: number;
  extraLayer?: boolean;
}

/** Sequential conv net: conv1 → pool1 → flat → dense1 (and an optional dense_extra). */
export function sequentialConvJson(o: ConvNetOptions = {}): FixtureJson {
  const filters = o.filters ?? 4;
  const k = o.kernelSize ?? 3;
  const units = o.units ?? 10;
  const layers: unknown[] = [
    {
      class_name: 'Conv2D',
      config: {
        name: 'conv1',
        filters,
        kernel_size: [k, k],
        strides: [1, 1],
        padding: 'same',
        data_format: 'channels_last',
        dilation_rate: [1, 1],
        activation: o.activation ?? 'relu',
        use_bias: true,
        batch_input_shape: [null, 8, 8, 1],
        dtype: 'float32',
      },
    },
    {
      class_name: 'MaxPooling2D',
      config: { name: 'pool1', pool_size: [2, 2], strides: [2, 2], padding: 'valid' },
    },
    { class_name: 'Flatten', config: { name: 'flat' } },
  ];
  const weightSpecs: WeightEntry[] = [
    { name: 'conv1/kernel', shape: [k, k, 1, filters], dtype: 'float32' },
    { name: 'conv1/bias', shape: [filters], dtype: 'float32' },
  ];
  let width = 4 * 4 * filters;
  if (o.extraLayer) {
    layers.push(dense('dense_extra', 6, { activation: 'relu' }));
    weightSpecs.push({ name: 'dense_extra/kernel', shape: [width, 6], dtype: 'float32' });
    weightSpecs.push({ name: 'dense_extra/bias', shape: [6], dtype: 'float32' });
    width = 6;
  }
  layers.push(dense('dense1', units, { activation: 'softmax' }));
  weightSpecs.push({ name: 'dense1/kernel', shape: [width, units], dtype: 'float32' });
  weightSpecs.push({ name: 'dense1/bias', shape: [units], dtype: 'float32' });
  return {
    format: 'layers-model',
    modelTopology: {
      class_name: 'Sequential',
      config: { name: 'fixture_conv', layers },
      keras_version: 'fixture',
      backend: 'tensor_flow.js',
    },
    weightSpecs,
  };
}

/** Functional model, two branches joined by a concatenation: x → {a, b} → cat → out. */
export function functionalTwoBranchJson(): FixtureJson {
  const node = (...names: string[]) => [names.map((n) => [n, 0, 0, {}])];
  return {
    modelTopology: {
      class_name: 'Model',
      config: {
        name: 'fixture_branches',
        layers: [
          {
            name: 'x',
            class_name: 'InputLayer',
            config: { name: 'x', batch_input_shape: [null, 8], dtype: 'float32', sparse: false },
            inbound_nodes: [],
          },
          { name: 'a', ...dense('a', 3, { activation: 'relu' }), inbound_nodes: node('x') },
          { name: 'b', ...dense('b', 5, { activation: 'tanh' }), inbound_nodes: node('x') },
          {
            name: 'cat',
            class_name: 'Concatenate',
            config: { name: 'cat', axis: -1 },
            inbound_nodes: node('a', 'b'),
          },
          { name: 'out', ...dense('out', 2), inbound_nodes: node('cat') },
        ],
        input_layers: [['x', 0, 0]],
        output_layers: [['out', 0, 0]],
      },
      keras_version: 'fixture',
      backend: 'tensor_flow.js',
    },
    weightSpecs: [
      { name: 'a/kernel', shape: [8, 3], dtype: 'float32' },
      { name: 'a/bias', shape: [3], dtype: 'float32' },
      { name: 'b/kernel', shape: [8, 5], dtype: 'float32' },
      { name: 'b/bias', shape: [5], dtype: 'float32' },
      { name: 'out/kernel', shape: [8, 2], dtype: 'float32' },
      { name: 'out/bias', shape: [2], dtype: 'float32' },
    ],
  };
}

/** A Teachable-Machine-like model: a Sequential whose first layer is a Sequential (base) and last one another
 * Sequential (head). */
export function nestedSequentialJson(): FixtureJson {
  const sequential = (name: string, layers: unknown[]) => ({
    class_name: 'Sequential',
    config: { name, layers },
  });
  return {
    modelTopology: sequential('fixture_outer', [
      sequential('base', [
        dense('base_dense', 4, { batch_input_shape: [null, 3], activation: 'relu' }),
        {
          class_name: 'BatchNormalization',
          config: { name: 'base_bn', axis: -1, momentum: 0.99, epsilon: 0.001 },
        },
      ]),
      sequential('head', [dense('head_dense', 2, { batch_input_shape: [null, 4], activation: 'softmax' })]),
    ]),
    weightSpecs: [
      { name: 'base_dense/kernel', shape: [3, 4], dtype: 'float32' },
      { name: 'base_dense/bias', shape: [4], dtype: 'float32' },
      { name: 'base_bn/gamma', shape: [4], dtype: 'float32' },
      { name: 'base_bn/beta', shape: [4], dtype: 'float32' },
      { name: 'base_bn/moving_mean', shape: [4], dtype: 'float32' },
      { name: 'base_bn/moving_variance', shape: [4], dtype: 'float32' },
      { name: 'head_dense/kernel', shape: [4, 2], dtype: 'float32' },
      { name: 'head_dense/bias', shape: [2], dtype: 'float32' },
    ],
  };
}

const b64 = (s: string): string => Buffer.from(s).toString('base64');
const ints = (...values: number[]) => ({ list: { i: values.map(String) } });
const dims = (...sizes: number[]) => ({ dim: sizes.map((size) => ({ size: String(size) })) });
const FLOAT = { type: 'DT_FLOAT' };

export interface GraphOptions {
  /** Old TF-Hub JSON: no format field, modelTopology {node, library, versions}. */
  tfHub?: boolean;
  stride?: number;
}

/**
 * A small converted graph: x → conv (quantized uint16 kernel, control input ^x) → BiasAdd → Relu → Split ×2 →
 * Add(split:0, split:1) → out (Identity). Output shape for x [1,4,4,1] with stride s: [1, 4/s, 4/s, 1].
 */
export function graphJson(o: GraphOptions = {}): FixtureJson {
  const s = o.stride ?? 2;
  const nodes = [
    { name: 'x', op: 'Placeholder', attr: { dtype: FLOAT, shape: { shape: dims(-1, 4, 4, 1) } } },
    {
      name: 'conv/kernel',
      op: 'Const',
      attr: { dtype: FLOAT, value: { tensor: { dtype: 'DT_FLOAT', tensorShape: dims(3, 3, 1, 2) } } },
    },
    {
      name: 'conv/bias',
      op: 'Const',
      attr: { dtype: FLOAT, value: { tensor: { dtype: 'DT_FLOAT', tensorShape: dims(2) } } },
    },
    {
      name: 'split/dim',
      op: 'Const',
      attr: { dtype: { type: 'DT_INT32' }, value: { tensor: { dtype: 'DT_INT32', tensorShape: {} } } },
    },
    {
      name: 'conv/Conv2D',
      op: 'Conv2D',
      input: ['x', 'conv/kernel', '^x'],
      attr: {
        T: FLOAT,
        strides: ints(1, s, s, 1),
        padding: { s: b64('SAME') },
        data_format: { s: b64('NHWC') },
        dilations: ints(1, 1, 1, 1),
        use_cudnn_on_gpu: { b: true },
        _output_shapes: { list: { shape: [dims(-1, 2, 2, 2)] } },
      },
    },
    {
      name: 'conv/BiasAdd',
      op: 'BiasAdd',
      input: ['conv/Conv2D', 'conv/bias'],
      attr: { T: FLOAT, data_format: { s: b64('NHWC') } },
    },
    { name: 'relu', op: 'Relu', input: ['conv/BiasAdd'], attr: { T: FLOAT } },
    { name: 'split', op: 'Split', input: ['split/dim', 'relu'], attr: { T: FLOAT, num_split: { i: '2' } } },
    { name: 'add', op: 'Add', input: ['split:0', 'split:1'], attr: { T: FLOAT } },
    { name: 'out', op: 'Identity', input: ['add'], attr: { T: FLOAT } },
  ];
  const weightSpecs: WeightEntry[] = [
    {
      name: 'conv/kernel',
      shape: [3, 3, 1, 2],
      dtype: 'float32',
      quantization: { dtype: 'uint16', min: -1, scale: 2 / 65535 },
    },
    { name: 'conv/bias', shape: [2], dtype: 'float32' },
    { name: 'split/dim', shape: [], dtype: 'int32' },
  ];
  const modelTopology = o.tfHub
    ? { node: nodes, library: {}, versions: {} }
    : { node: nodes, library: {}, versions: { producer: 27 } };
  return o.tfHub ? { modelTopology, weightSpecs } : { format: 'graph-model', modelTopology, weightSpecs };
}

/** Weight bytes for the manifest as stored (quantized weights at their stored width), all zero except the split
 * axis, which must be 3 for the graph fixture to run. */
export function weightData(specs: WeightEntry[]): ArrayBuffer {
  const sizes = specs.map((w) => {
    const n = w.shape.reduce((a, b) => a * b, 1);
    const bytes = w.quantization ? (w.quantization.dtype === 'uint16' ? 2 : 1) : 4;
    return n * bytes;
  });
  const buffer = new ArrayBuffer(sizes.reduce((a, b) => a + b, 0));
  let offset = 0;
  specs.forEach((w, i) => {
    if (w.name === 'split/dim') new DataView(buffer).setInt32(offset, 3, true);
    offset += sizes[i]!;
  });
  return buffer;
}

/** ModelArtifacts for tf.io.fromMemory, as a model.json plus its shards would give them. */
export function artifactsOf(json: FixtureJson): Record<string, unknown> {
  return {
    modelTopology: json.modelTopology,
    weightSpecs: json.weightSpecs,
    weightData: weightData(json.weightSpecs),
    ...(json.format ? { format: json.format } : {}),
  };
}

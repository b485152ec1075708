// Converts a trained tf.js LayersModel into a graph-model (a GraphDef in the converter's JSON form), because the
// Python converter is not available here and the gallery needs GraphModels that look like real converted ones.
import * as tf from '@tensorflow/tfjs';

/** One GraphDef node, in the proto-JSON form tfjs-converter reads. */
export interface GraphNode {
  name: string;
  op: string;
  input?: string[];
  attr?: Record<string, AttrValue>;
}

export type AttrValue =
  | { type: string }
  | { s: string }
  | { i: string }
  | { f: number }
  | { b: boolean }
  | { list: { i?: string[]; s?: string[] } }
  | { shape: TensorShapeProto }
  | { tensor: { dtype: string; tensorShape: TensorShapeProto } };

interface TensorShapeProto {
  dim?: { size: string }[];
}

export interface WeightSpec {
  name: string;
  shape: number[];
  dtype: 'float32' | 'int32';
}

export interface SignatureEntry {
  name: string;
  dtype: string;
  tensorShape: TensorShapeProto;
}

/** The graph-model `model.json` minus the weights manifest paths, plus the weight bytes. */
export interface GraphModelExport {
  format: 'graph-model';
  generatedBy: string;
  convertedBy: string;
  modelTopology: { node: GraphNode[]; library: Record<string, never>; versions: { producer: number } };
  signature: { inputs: Record<string, SignatureEntry>; outputs: Record<string, SignatureEntry> };
  weightSpecs: WeightSpec[];
  weightData: ArrayBuffer;
}

export interface GraphExportOptions {
  /** Prefix of every node name, like a TF name scope: `tiny_mobilenet` gives `tiny_mobilenet/conv1/Conv2D`. */
  scope: string;
  /** Maps a layer name to its node scope below `scope`; by default the layer name itself. */
  layerScope?: (layerName: string) => string;
  /** Name of the input Placeholder (and its signature key). Default `input`. */
  inputName?: string;
  /** Signature key of the output. Default `output`. The output node itself is an Identity named `Identity`. */
  outputName?: string;
  /** Fold BatchNormalization into the preceding convolution (what the TF converter does). Default true. */
  foldBatchNorm?: boolean;
}

/** The shard file name the exporter's manifest points at. */
export const GRAPH_SHARD_NAME = 'group1-shard1of1.bin';

const DT_FLOAT = { type: 'DT_FLOAT' } as const;

function utf8Base64(text: string): string {
  return btoa(text);
}

function shapeProto(shape: readonly (number | null)[]): TensorShapeProto {
  return { dim: shape.map((d) => ({ size: String(d ?? -1) })) };
}

function intList(values: readonly number[]): AttrValue {
  return { list: { i: values.map(String) } };
}

type Tensor = tf.Tensor;
type LayerLike = tf.layers.Layer;

interface SymbolicLike {
  id: number;
  shape: (number | null)[];
}

/** Accumulates nodes and weights while the layers are walked. */
class GraphBuilder {
  readonly nodes: GraphNode[] = [];
  readonly weights: { spec: WeightSpec; values: Float32Array | Int32Array }[] = [];
  private readonly names = new Set<string>();

  private claim(name: string): string {
    if (this.names.has(name)) throw new Error(`graph-export: duplicate node name ${name}`);
    this.names.add(name);
    return name;
  }

  placeholder(name: string, shape: readonly (number | null)[]): string {
    this.nodes.push({
      name: this.claim(name),
      op: 'Placeholder',
      attr: { dtype: DT_FLOAT, shape: { shape: shapeProto(shape) } },
    });
    return name;
  }

  constFloat(name: string, tensor: Tensor): string {
    return this.constValues(name, tensor.shape, Float32Array.from(tensor.dataSync()), 'float32');
  }

  constValues(
    name: string,
    shape: readonly number[],
    values: Float32Array | Int32Array,
    dtype: WeightSpec['dtype'],
  ) {
    const dt = dtype === 'float32' ? 'DT_FLOAT' : 'DT_INT32';
    this.nodes.push({
      name: this.claim(name),
      op: 'Const',
      attr: { dtype: { type: dt }, value: { tensor: { dtype: dt, tensorShape: shapeProto(shape) } } },
    });
    this.weights.push({ spec: { name, shape: [...shape], dtype }, values });
    return name;
  }

  op(name: string, op: string, input: string[], attr: Record<string, AttrValue> = {}): string {
    this.nodes.push({ name: this.claim(name), op, input, attr: { T: DT_FLOAT, ...attr } });
    return name;
  }
}

const ACTIVATION_OPS: Record<string, string | null> = {
  linear: null,
  relu: 'Relu',
  relu6: 'Relu6',
  tanh: 'Tanh',
  sigmoid: 'Sigmoid',
  softmax: 'Softmax',
  elu: 'Elu',
};

function activationOp(name: unknown, layerName: string): string | null {
  const key = typeof name === 'string' ? name : 'linear';
  const op = ACTIVATION_OPS[key];
  if (op === undefined)
    throw new Error(`graph-export: activation ${key} of layer ${layerName} is not supported`);
  return op;
}

function weightBySuffix(layer: LayerLike, suffix: string): Tensor | undefined {
  const index = layer.weights.findIndex((w) => w.originalName.split('/').pop() === suffix);
  if (index < 0) return undefined;
  return layer.getWeights()[index];
}

function requireWeight(layer: LayerLike, suffix: string): Tensor {
  const weight = weightBySuffix(layer, suffix);
  if (!weight) throw new Error(`graph-export: layer ${layer.name} has no ${suffix}`);
  return weight;
}

function paddingAttr(padding: unknown): AttrValue {
  if (padding !== 'same' && padding !== 'valid') throw new Error(`graph-export: padding ${String(padding)}`);
  return { s: utf8Base64(padding.toUpperCase()) };
}

function pair(value: unknown): [number, number] {
  if (typeof value === 'number') return [value, value];
  if (Array.isArray(value) && value.length === 2) return [Number(value[0]), Number(value[1])];
  throw new Error(`graph-export: expected a number or pair, got ${JSON.stringify(value)}`);
}

/** Per-output-channel scale and shift equivalent to an inference-mode BatchNormalization layer. */
function batchNormAffine(bn: LayerLike): { scale: Float32Array; shift: Float32Array } {
  const config = bn.getConfig();
  const epsilon = Number(config['epsilon']);
  const mean = requireWeight(bn, 'moving_mean').dataSync();
  const variance = requireWeight(bn, 'moving_variance').dataSync();
  const gamma = weightBySuffix(bn, 'gamma')?.dataSync();
  const beta = weightBySuffix(bn, 'beta')?.dataSync();
  const scale = new Float32Array(mean.length);
  const shift = new Float32Array(mean.length);
  for (let c = 0; c < mean.length; c++) {
    const s = (gamma ? (gamma[c] ?? 1) : 1) / Math.sqrt((variance[c] ?? 0) + epsilon);
    scale[c] = s;
    shift[c] = (beta ? (beta[c] ?? 0) : 0) - (mean[c] ?? 0) * s;
  }
  return { scale, shift };
}

/**
 * Exports `model` as a graph model. Supports the layers our demo models use: InputLayer, Conv2D,
 * DepthwiseConv2D, BatchNormalization, ReLU, Activation, Dense, MaxPooling2D, AveragePooling2D,
 * GlobalAveragePooling2D, GlobalMaxPooling2D, Flatten, Reshape, Dropout. Each layer must have a single input and
 * be applied once; anything else throws rather than producing a graph that computes something different.
 */
export function exportGraphModel(model: tf.LayersModel, options: GraphExportOptions): GraphModelExport {
  if (model.inputs.length !== 1 || model.outputs.length !== 1) {
    throw new Error('graph-export: only single-input, single-output models are supported');
  }
  const fold = options.foldBatchNorm ?? true;
  const layerScope = options.layerScope ?? ((name: string) => name);
  const scopeOf = (layer: LayerLike) => `${options.scope}/${layerScope(layer.name)}`;
  const graph = new GraphBuilder();
  const modelInput = model.inputs[0] as unknown as SymbolicLike;
  const inputName = options.inputName ?? 'input';
  const tensorNames = new Map<number, string>([
    [modelInput.id, graph.placeholder(inputName, modelInput.shape)],
  ]);

  const layers = model.layers.filter((l) => l.getClassName() !== 'InputLayer');
  const consumers = new Map<number, LayerLike[]>();
  for (const layer of layers) {
    if (layer.inboundNodes.length !== 1) throw new Error(`graph-export: layer ${layer.name} is shared`);
    for (const t of layer.inboundNodes[0]!.inputTensors as unknown as SymbolicLike[]) {
      consumers.set(t.id, [...(consumers.get(t.id) ?? []), layer]);
    }
  }
  const folded = new Set<LayerLike>();

  const inputOf = (layer: LayerLike): { name: string; shape: (number | null)[] } => {
    const inputs = layer.inboundNodes[0]!.inputTensors as unknown as SymbolicLike[];
    if (inputs.length !== 1) throw new Error(`graph-export: layer ${layer.name} must have exactly one input`);
    const name = tensorNames.get(inputs[0]!.id);
    if (name === undefined) throw new Error(`graph-export: input of ${layer.name} was not exported`);
    return { name, shape: inputs[0]!.shape };
  };
  const outputIdOf = (layer: LayerLike) =>
    (layer.inboundNodes[0]!.outputTensors[0] as unknown as SymbolicLike).id;

  /** The BatchNormalization layer that may be folded into `layer`, if it is the sole consumer of its output. */
  const foldableBatchNorm = (layer: LayerLike): LayerLike | undefined => {
    if (!fold || activationOp(layer.getConfig()['activation'], layer.name) !== null) return undefined;
    const next = consumers.get(outputIdOf(layer)) ?? [];
    const bn = next.length === 1 ? next[0] : undefined;
    if (!bn || bn.getClassName() !== 'BatchNormalization') return undefined;
    const axis = bn.getConfig()['axis'];
    return axis === -1 || axis === 3 ? bn : undefined;
  };

  const addActivation = (scope: string, x: string, activation: unknown, layerName: string): string => {
    const op = activationOp(activation, layerName);
    return op ? graph.op(`${scope}/${op}`, op, [x]) : x;
  };

  for (const layer of layers) {
    if (folded.has(layer)) continue;
    const className = layer.getClassName();
    const config = layer.getConfig();
    const scope = scopeOf(layer);
    let resultLayer: LayerLike = layer;
    let out: string;

    switch (className) {
      case 'Conv2D':
      case 'DepthwiseConv2D': {
        if (config['dataFormat'] !== 'channelsLast')
          throw new Error(`graph-export: ${layer.name} is channelsFirst`);
        const depthwise = className === 'DepthwiseConv2D';
        const kernelTensor = requireWeight(layer, depthwise ? 'depthwise_kernel' : 'kernel');
        const kernel = Float32Array.from(kernelTensor.dataSync());
        const outChannels = depthwise
          ? kernelTensor.shape[2]! * kernelTensor.shape[3]!
          : kernelTensor.shape[kernelTensor.shape.length - 1]!;
        const biasTensor = config['useBias'] ? requireWeight(layer, 'bias') : undefined;
        let bias: Float32Array | undefined = biasTensor
          ? Float32Array.from(biasTensor.dataSync())
          : undefined;
        const bn = foldableBatchNorm(layer);
        if (bn) {
          const { scale, shift } = batchNormAffine(bn);
          // Kernels are laid out with the output channel varying fastest (depthwise: in * multiplier + m).
          for (let i = 0; i < kernel.length; i++) kernel[i] = kernel[i]! * scale[i % outChannels]!;
          bias = Float32Array.from(shift, (s, c) => s + (bias ? bias[c]! : 0) * scale[c]!);
          folded.add(bn);
          resultLayer = bn;
        }
        const x = inputOf(layer).name;
        const kernelName = graph.constValues(
          `${scope}/${depthwise ? 'depthwise_kernel' : 'kernel'}`,
          kernelTensor.shape,
          kernel,
          'float32',
        );
        const [sh, sw] = pair(config['strides']);
        const [dh, dw] = pair(config['dilationRate']);
        const convAttrs: Record<string, AttrValue> = {
          strides: intList([1, sh, sw, 1]),
          padding: paddingAttr(config['padding']),
          data_format: { s: utf8Base64('NHWC') },
          dilations: intList([1, dh, dw, 1]),
          explicit_paddings: { list: {} },
        };
        out = depthwise
          ? graph.op(`${scope}/depthwise`, 'DepthwiseConv2dNative', [x, kernelName], convAttrs)
          : graph.op(`${scope}/Conv2D`, 'Conv2D', [x, kernelName], {
              ...convAttrs,
              use_cudnn_on_gpu: { b: true },
            });
        if (bias) {
          const biasName = graph.constValues(`${scope}/bias`, [outChannels], bias, 'float32');
          out = graph.op(`${scope}/BiasAdd`, 'BiasAdd', [out, biasName], {
            data_format: { s: utf8Base64('NHWC') },
          });
        }
        out = addActivation(scope, out, config['activation'], layer.name);
        break;
      }
      case 'BatchNormalization': {
        const axis = config['axis'];
        if (axis !== -1 && axis !== inputOf(layer).shape.length - 1) {
          throw new Error(`graph-export: ${layer.name} normalizes axis ${String(axis)}, not the last one`);
        }
        const channels = requireWeight(layer, 'moving_mean').shape[0]!;
        const ones = new Float32Array(channels).fill(1);
        const gamma = weightBySuffix(layer, 'gamma');
        const beta = weightBySuffix(layer, 'beta');
        out = graph.op(
          `${scope}/FusedBatchNormV3`,
          'FusedBatchNormV3',
          [
            inputOf(layer).name,
            gamma
              ? graph.constFloat(`${scope}/gamma`, gamma)
              : graph.constValues(`${scope}/gamma`, [channels], ones, 'float32'),
            beta
              ? graph.constFloat(`${scope}/beta`, beta)
              : graph.constValues(`${scope}/beta`, [channels], new Float32Array(channels), 'float32'),
            graph.constFloat(`${scope}/moving_mean`, requireWeight(layer, 'moving_mean')),
            graph.constFloat(`${scope}/moving_variance`, requireWeight(layer, 'moving_variance')),
          ],
          {
            U: DT_FLOAT,
            epsilon: { f: Number(config['epsilon']) },
            data_format: { s: utf8Base64('NHWC') },
            is_training: { b: false },
          },
        );
        break;
      }
      case 'ReLU': {
        const maxValue = config['maxValue'];
        if (maxValue !== null && maxValue !== undefined && maxValue !== 6) {
          throw new Error(
            `graph-export: ReLU ${layer.name} with maxValue ${String(maxValue)} is not supported`,
          );
        }
        const op = maxValue === 6 ? 'Relu6' : 'Relu';
        out = graph.op(`${scope}/${op}`, op, [inputOf(layer).name]);
        break;
      }
      case 'Activation':
        out = addActivation(scope, inputOf(layer).name, config['activation'], layer.name);
        break;
      case 'Dense': {
        const input = inputOf(layer);
        if (input.shape.length !== 2)
          throw new Error(`graph-export: Dense ${layer.name} needs a rank-2 input`);
        const kernel = graph.constFloat(`${scope}/kernel`, requireWeight(layer, 'kernel'));
        out = graph.op(`${scope}/MatMul`, 'MatMul', [input.name, kernel], {
          transpose_a: { b: false },
          transpose_b: { b: false },
        });
        if (config['useBias']) {
          const bias = graph.constFloat(`${scope}/bias`, requireWeight(layer, 'bias'));
          out = graph.op(`${scope}/BiasAdd`, 'BiasAdd', [out, bias], {
            data_format: { s: utf8Base64('NHWC') },
          });
        }
        out = addActivation(scope, out, config['activation'], layer.name);
        break;
      }
      case 'MaxPooling2D':
      case 'AveragePooling2D': {
        if (config['dataFormat'] !== 'channelsLast')
          throw new Error(`graph-export: ${layer.name} is channelsFirst`);
        const [kh, kw] = pair(config['poolSize']);
        const [sh, sw] = pair(config['strides'] ?? config['poolSize']);
        const op = className === 'MaxPooling2D' ? 'MaxPool' : 'AvgPool';
        out = graph.op(`${scope}/${op}`, op, [inputOf(layer).name], {
          ksize: intList([1, kh, kw, 1]),
          strides: intList([1, sh, sw, 1]),
          padding: paddingAttr(config['padding']),
          data_format: { s: utf8Base64('NHWC') },
        });
        break;
      }
      case 'GlobalAveragePooling2D':
      case 'GlobalMaxPooling2D': {
        const op = className === 'GlobalAveragePooling2D' ? 'Mean' : 'Max';
        const axes = graph.constValues(`${scope}/reduction_indices`, [2], Int32Array.from([1, 2]), 'int32');
        out = graph.op(`${scope}/${op}`, op, [inputOf(layer).name, axes], {
          Tidx: { type: 'DT_INT32' },
          keep_dims: { b: false },
        });
        break;
      }
      case 'Flatten':
      case 'Reshape': {
        const outShape = (layer.inboundNodes[0]!.outputTensors[0] as unknown as SymbolicLike).shape.slice(1);
        if (outShape.some((d) => d === null))
          throw new Error(`graph-export: ${layer.name} has an unknown size`);
        const target = graph.constValues(
          `${scope}/shape`,
          [outShape.length + 1],
          Int32Array.from([-1, ...(outShape as number[])]),
          'int32',
        );
        out = graph.op(`${scope}/Reshape`, 'Reshape', [inputOf(layer).name, target], {
          Tshape: { type: 'DT_INT32' },
        });
        break;
      }
      case 'Dropout':
        out = inputOf(layer).name;
        break;
      default:
        throw new Error(`graph-export: layer ${layer.name} of class ${className} is not supported`);
    }
    tensorNames.set(outputIdOf(resultLayer), out);
  }

  const modelOutput = model.outputs[0] as unknown as SymbolicLike;
  const lastName = tensorNames.get(modelOutput.id);
  if (lastName === undefined) throw new Error('graph-export: the model output was not reached');
  const outputNode = graph.op('Identity', 'Identity', [lastName]);

  const weightBytes = graph.weights.reduce((n, w) => n + w.values.byteLength, 0);
  const weightData = new ArrayBuffer(weightBytes);
  let offset = 0;
  for (const w of graph.weights) {
    new Uint8Array(weightData, offset, w.values.byteLength).set(
      new Uint8Array(w.values.buffer, w.values.byteOffset, w.values.byteLength),
    );
    offset += w.values.byteLength;
  }

  return {
    format: 'graph-model',
    generatedBy: `tfjs-layers ${tf.version_layers}`,
    convertedBy: 'Literate demos graph-export 1.0',
    modelTopology: { node: graph.nodes, library: {}, versions: { producer: 1 } },
    signature: {
      inputs: {
        [inputName]: { name: `${inputName}:0`, dtype: 'DT_FLOAT', tensorShape: shapeProto(modelInput.shape) },
      },
      outputs: {
        [options.outputName ?? 'output']: {
          name: `${outputNode}:0`,
          dtype: 'DT_FLOAT',
          tensorShape: shapeProto(modelOutput.shape),
        },
      },
    },
    weightSpecs: graph.weights.map((w) => w.spec),
    weightData,
  };
}

/** The `model.json` object for an export, pointing at one weight shard. */
export function graphModelJson(exported: GraphModelExport): Record<string, unknown> {
  const { weightSpecs, weightData: _weightData, ...rest } = exported;
  return { ...rest, weightsManifest: [{ paths: [GRAPH_SHARD_NAME], weights: weightSpecs }] };
}

/** An in-memory IOHandler that `tf.loadGraphModel` accepts, for tests and for checking before saving. */
export function graphModelHandler(exported: GraphModelExport): tf.io.IOHandler {
  return tf.io.fromMemory({
    modelTopology: exported.modelTopology,
    weightSpecs: exported.weightSpecs,
    weightData: exported.weightData,
    format: exported.format,
    generatedBy: exported.generatedBy,
    convertedBy: exported.convertedBy,
    signature: exported.signature,
  });
}

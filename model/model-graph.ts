// The ModelGraph: the plain-JSON description of one live model that the hook sends out of the page.
// It is the contract between the hook (producer), the overlay and annotations/ (consumers): keep it versioned.

/**
 * Bounds of a ModelGraph as it crosses a boundary. The describer keeps within them (a bigger model is described
 * truncated, with a note and its true node count in totals.nodes); the validator refuses a graph beyond them.
 */
export const GRAPH_LIMITS = {
  maxNodes: 20_000,
  maxString: 2048,
  /** Inputs of one node (edges), weights of one node, characters of an op name. */
  maxNodeInputs: 256,
  maxNodeWeights: 64,
  maxOp: 128,
  /** Inputs and outputs of the model. */
  maxEndpoints: 64,
} as const;

/** A dimension is a number, or null where the model leaves it free (batch, sequence length). */
export type Shape = (number | null)[];

/** What a weight is for, so that packs can say "the kernel of conv1" without knowing variable names. */
export const WEIGHT_ROLES = [
  'kernel',
  'depthwise_kernel',
  'pointwise_kernel',
  'recurrent_kernel',
  'bias',
  'gamma',
  'beta',
  'moving_mean',
  'moving_variance',
  'embeddings',
  'alpha',
  'weight',
] as const;
export type WeightRole = (typeof WEIGHT_ROLES)[number];

export interface WeightSpec {
  /** The weight's name as the model stores it (a layer variable, or a graph Const node). */
  name: string;
  role: WeightRole;
  shape: number[];
  dtype: string;
  /** Stored quantization, for graph models converted with --quantize (e.g. 'uint8', 'uint16', 'float16'). */
  quantization?: string;
}

/** One node of the model: a layer of a LayersModel, or an op of a GraphModel. */
export interface ModelNode {
  /** Unique within the model: the layer name or graph node name. */
  id: string;
  /** Position in topological order (layers order for LayersModel, GraphDef order for GraphModel). */
  index: number;
  /** Layer class name ('Conv2D', 'Dense') or graph op ('Conv2D', 'DepthwiseConv2dNative', 'Relu6'). */
  op: string;
  /** 'input' for model inputs/placeholders, 'const' for graph weights, 'layer' or 'op' for the rest. */
  category: 'input' | 'const' | 'layer' | 'op';
  /** Ids of the nodes that feed this one (graph edges, in input order; control inputs left out). */
  inputs: string[];
  /** Output shape (first output), from the model config, or from a live run for graph ops; null when unknown. */
  outputShape: Shape | null;
  /** Where outputShape came from: the model config, or (graph ops) one of the page's own calls after the model was
   * first described (ModelSummary.revision is bumped then), or not known yet. */
  shapeSource: 'config' | 'live' | 'unknown';
  dtype: string | null;
  /** Number of scalar parameters held by this node (sum of its weights' sizes). */
  params: number;
  weights: WeightSpec[];
  /**
   * Selected, JSON-safe attributes that explain the node: activation, filters, kernelSize, strides, padding, units …
   * Layers of a nested model (a Sequential used as a layer) carry `nestedIn: '<id of the nested model node>'`.
   */
  attrs: Record<string, string | number | boolean | (string | number | null)[] | null>;
}

export interface TensorRef {
  /** Name of the input/output (the layer name, or the graph signature/node name). */
  name: string;
  /** The node that produces (or, for inputs, is) this tensor. */
  nodeId: string;
  shape: Shape | null;
  dtype: string | null;
}

export interface ModelGraph {
  schema: 1;
  /** Page-local id given by the hook ('m1', 'm2', …); not stable across reloads: use the fingerprint for that. */
  id: string;
  kind: 'layers' | 'graph';
  /** model.name for LayersModels; the file name of the source URL, or 'graph model', for GraphModels. */
  name: string;
  /** Final URL of the model.json after redirects, when the model was loaded over HTTP; null otherwise. */
  sourceUrl: string | null;
  /** How the model reached the page: 'http', 'indexeddb', 'localstorage', 'files', 'memory', 'code' or 'unknown'. */
  origin: 'http' | 'indexeddb' | 'localstorage' | 'files' | 'memory' | 'code' | 'unknown';
  /** The model.json 'format' field when known ('layers-model' | 'graph-model'). */
  format: string | null;
  /** Name of the engine's active backend ('cpu', 'webgl', 'webgpu', 'wasm'), read without side effects. */
  backend: string | null;
  /** tf.js version when a global tf told us, else null. */
  tfjsVersion: string | null;
  /** Version class, by feature detection: '1.x', '2.x', '3.x+'. */
  tfjsVersionClass: '1.x' | '2.x' | '3.x+' | 'unknown';
  inputs: TensorRef[];
  outputs: TensorRef[];
  nodes: ModelNode[];
  totals: {
    /** Nodes of the model: more than nodes.length when the description was truncated (see notes). */
    nodes: number;
    params: number;
    trainableParams: number;
    /** Bytes of the weights as held in memory (float32 = 4 bytes a value). */
    weightBytes: number;
  };
  /** Hex SHA-256 of the canonical topology + weight specs; independent of URL and page-local ids. */
  fingerprint: string;
  /** What could not be read, when the description is partial (absent when complete). */
  notes?: string[];
  /** The runtime the model runs on: absent (or 'tfjs') for TensorFlow.js; 'onnx' for ONNX Runtime Web, whose
   * execution provider is then in `backend` ('wasm', 'webgpu') and whose `format` is 'onnx'. */
  runtime?: ModelRuntime;
  /** The runtime's version when the page told us (ONNX Runtime Web's `env.versions.web`); tf.js uses tfjsVersion. */
  runtimeVersion?: string | null;
  /** How rank-4 values are laid out: absent means channels-last ([N, H, W, C], tf.js's default, where a layer may
   * still say data_format channels_first); 'channels-first' ([N, C, H, W]) for every ONNX model. */
  layout?: DataLayout;
}

/** Where the channel axis of an image-like tensor is: last ([N, H, W, C]) or right after the batch ([N, C, H, W]). */
export type DataLayout = 'channels-last' | 'channels-first';
export const DATA_LAYOUTS: readonly DataLayout[] = ['channels-last', 'channels-first'];

/** The two sides of the runtime boundary. */
export type ModelRuntime = 'tfjs' | 'onnx';
export const MODEL_RUNTIMES: readonly ModelRuntime[] = ['tfjs', 'onnx'];

/** A short summary of a model, sent as soon as a model is found (before anyone asks to describe it). */
export interface ModelSummary {
  id: string;
  kind: 'layers' | 'graph';
  name: string;
  sourceUrl: string | null;
  nodes: number;
  params: number;
  backend: string | null;
  /** Bumped when the hook learns more about the model (live output shapes): describe it again. */
  revision?: number;
  /**
   * Where the model stands (absent: the page holds it): 'pinned' — an explanation holds it (the page may have let
   * go); 'collected' — the page let go and the browser reclaimed it; 'reloaded' — reclaimed, and Literate loaded the
   * same model again from `sourceUrl` (fingerprint verified) for the explanation, apart from the page's tensors.
   */
  hold?: 'pinned' | 'collected' | 'reloaded';
  /** As in ModelGraph: absent for tf.js; 'onnx' for an ONNX Runtime Web session (nodes and params 0 until described). */
  runtime?: ModelRuntime;
  runtimeVersion?: string | null;
}

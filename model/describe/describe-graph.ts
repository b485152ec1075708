// Describes a tfjs-converter GraphModel as a ModelGraph from its GraphDef (model.artifacts.modelTopology, or the
// executor's graph) and weight manifest, reading only plain properties: the same in tf.js 1.x to 4.x.
import type { ModelNode, Shape, TensorRef, WeightRole, WeightSpec } from '../model-graph';
import { assemble } from './assemble';
import { decodeAttrs, dtypeName, protoShape } from './graph-attrs';
import { LIMITS, errorText, get, keys, list, shape, sizeOf, text } from './safe-read';
import type { DescribeContext, DescribedGraph } from './types';
import { roleFromName } from '../weight-role';

/** Roles of weights by the op that reads them and the input position (position 0 is the data). */
const ROLES_BY_INPUT = new Map<string, (WeightRole | null)[]>();
const BATCH_NORM: (WeightRole | null)[] = [null, 'gamma', 'beta', 'moving_mean', 'moving_variance'];
for (const op of ['Conv2D', 'Conv3D', 'MatMul', 'Conv2DBackpropInput'])
  ROLES_BY_INPUT.set(op, [null, 'kernel']);
for (const op of ['_FusedConv2D', '_FusedMatMul']) ROLES_BY_INPUT.set(op, [null, 'kernel', 'bias', 'alpha']);
ROLES_BY_INPUT.set('FusedDepthwiseConv2dNative', [null, 'depthwise_kernel', 'bias', 'alpha']);
ROLES_BY_INPUT.set('DepthwiseConv2dNative', [null, 'depthwise_kernel']);
ROLES_BY_INPUT.set('BiasAdd', [null, 'bias']);
ROLES_BY_INPUT.set('Prelu', [null, 'alpha']);
for (const op of ['FusedBatchNorm', 'FusedBatchNormV2', 'FusedBatchNormV3'])
  ROLES_BY_INPUT.set(op, BATCH_NORM);

interface RawNode {
  name: string;
  op: string;
  inputs: string[];
  attr: unknown;
}

interface StoredWeight {
  shape: number[];
  dtype: string;
  quantization?: string;
}

/** The node an input reference points at: 'conv:1' → 'conv'; null for control inputs ('^init'). */
export function inputNodeId(ref: string): string | null {
  return ref.startsWith('^') ? null : (ref.split(':')[0] ?? ref);
}

export function describeGraphModel(model: unknown, ctx: DescribeContext): DescribedGraph {
  const notes: string[] = [];
  const nodes: ModelNode[] = [];
  let inputs: TensorRef[] = [];
  let outputs: TensorRef[] = [];
  const artifacts = get(model, 'artifacts');
  let totalNodes = 0;
  try {
    const graphDef = get(get(artifacts, 'modelTopology'), 'node');
    let raw = nodesFromGraphDef(graphDef);
    totalNodes = lengthOf(graphDef);
    let stored = weightsFromManifest(get(artifacts, 'weightSpecs'));
    if (raw.length === 0) {
      const executor = get(model, 'executor');
      const executorNodes = get(get(executor, 'graph'), 'nodes');
      raw = nodesFromExecutor(executorNodes);
      totalNodes = keys(executorNodes, Number.MAX_SAFE_INTEGER).length;
      stored = weightsFromTensors(get(executor, 'weightMap'));
      if (raw.length > 0) notes.push('no GraphDef in model.artifacts: read from the executor graph');
    }
    const roles = rolesByConsumer(raw);
    for (const r of raw) nodes.push(graphNode(r, nodes.length, stored, roles, ctx.liveShapes));
    // Weights no top-level node holds (for example inside function bodies) still count, as const nodes; when the
    // graph was cut, the weights of the nodes left out are not orphans: they are left out too.
    const named = new Set(raw.map((r) => r.name));
    for (const name of totalNodes > raw.length ? [] : stored.keys()) {
      if (!named.has(name))
        nodes.push(graphNode({ name, op: 'Const', inputs: [], attr: null }, nodes.length, stored, roles));
    }
    inputs = signature(model, 'inputs', 'inputNodes');
    outputs = signature(model, 'outputs', 'outputNodes');
    if (inputs.length === 0) inputs = nodes.filter((n) => n.category === 'input').map(refOf);
    if (outputs.length === 0) outputs = sinks(nodes).map(refOf);
  } catch (e) {
    notes.push('graph model only partly read: ' + errorText(e));
  }
  const format = text(get(artifacts, 'format'), 64);
  return assemble(
    {
      kind: 'graph',
      name: fileName(ctx.sourceUrl),
      format,
      nodes,
      inputs,
      outputs,
      trainableParams: 0,
      notes,
      totalNodes,
    },
    ctx,
  );
}

/** The length of an array (however long), 0 for anything else. */
function lengthOf(v: unknown): number {
  try {
    return Array.isArray(v) ? v.length : 0;
  } catch {
    return 0;
  }
}

function nodesFromGraphDef(v: unknown): RawNode[] {
  return list(v, LIMITS.nodes).map((n) => ({
    name: text(get(n, 'name')) ?? '?',
    op: text(get(n, 'op'), 200) ?? '?',
    inputs: list(get(n, 'input'), LIMITS.edges).map((x) => text(x) ?? ''),
    attr: get(n, 'attr'),
  }));
}

/** executor.graph.nodes: {name: {name, op, inputNames, rawAttrs (4.x only)}}, in GraphDef order. */
function nodesFromExecutor(v: unknown): RawNode[] {
  return keys(v, LIMITS.nodes).map((key) => {
    const n = get(v, key);
    return {
      name: text(get(n, 'name')) ?? key,
      op: text(get(n, 'op'), 200) ?? '?',
      inputs: list(get(n, 'inputNames'), LIMITS.edges).map((x) => text(x) ?? ''),
      attr: get(n, 'rawAttrs'),
    };
  });
}

function weightsFromManifest(v: unknown): Map<string, StoredWeight> {
  const out = new Map<string, StoredWeight>();
  for (const spec of list(v, LIMITS.nodes)) {
    const name = text(get(spec, 'name'));
    if (name === null) continue;
    const quantization = text(get(get(spec, 'quantization'), 'dtype'), 64);
    out.set(name, {
      shape: (shape(get(spec, 'shape')) ?? []).map((d) => d ?? 0),
      dtype: text(get(spec, 'dtype'), 64) ?? 'float32',
      ...(quantization !== null ? { quantization } : {}),
    });
  }
  return out;
}

/** Fallback: shapes and dtypes of the loaded weight tensors (metadata only, no data is read). */
function weightsFromTensors(weightMap: unknown): Map<string, StoredWeight> {
  const out = new Map<string, StoredWeight>();
  for (const name of keys(weightMap, LIMITS.nodes)) {
    const tensor = list(get(weightMap, name), 1)[0];
    const dims = shape(get(tensor, 'shape'));
    if (dims)
      out.set(name, { shape: dims.map((d) => d ?? 0), dtype: text(get(tensor, 'dtype'), 64) ?? 'float32' });
  }
  return out;
}

function rolesByConsumer(raw: RawNode[]): Map<string, WeightRole> {
  const roles = new Map<string, WeightRole>();
  for (const node of raw) {
    const byInput = ROLES_BY_INPUT.get(node.op);
    if (!byInput) continue;
    node.inputs.forEach((ref, i) => {
      const id = inputNodeId(ref);
      const role = byInput[i];
      if (id !== null && role && !roles.has(id)) roles.set(id, role);
    });
  }
  return roles;
}

function graphNode(
  r: RawNode,
  index: number,
  stored: Map<string, StoredWeight>,
  roles: Map<string, WeightRole>,
  liveShapes?: Record<string, Shape>,
): ModelNode {
  const category = r.op === 'Placeholder' ? 'input' : r.op === 'Const' ? 'const' : 'op';
  const attrs = decodeAttrs(r.attr);
  const weights: WeightSpec[] = [];
  let outputShape: Shape | null = null;
  let dtype = text(attrs.dtype ?? attrs.T, 64);
  if (category === 'const') {
    const weight = stored.get(r.name);
    const tensor = get(get(r.attr, 'value'), 'tensor');
    if (weight) weights.push({ name: r.name, role: roles.get(r.name) ?? roleFromName(r.name), ...weight });
    outputShape = weight ? weight.shape : protoShape(get(tensor, 'tensorShape'));
    dtype = weight ? weight.dtype : (dtypeName(get(tensor, 'dtype')) ?? dtype);
  } else if (category === 'input') {
    outputShape = protoShape(get(get(r.attr, 'shape'), 'shape'));
  }
  const live = outputShape ? null : liveShape(liveShapes, r.name);
  return {
    id: r.name,
    index,
    op: r.op,
    category,
    inputs: r.inputs.map(inputNodeId).filter((id): id is string => id !== null),
    outputShape: outputShape ?? live,
    shapeSource: outputShape ? 'config' : live ? 'live' : 'unknown',
    dtype,
    params: weights.reduce((sum, w) => sum + sizeOf(w.shape), 0),
    weights,
    attrs,
  };
}

function liveShape(liveShapes: Record<string, Shape> | undefined, id: string): Shape | null {
  try {
    return liveShapes && Object.prototype.hasOwnProperty.call(liveShapes, id) ? shape(liveShapes[id]) : null;
  } catch {
    return null;
  }
}

/** model.inputs / model.outputs ({name, shape, dtype}), named by signature key where the model has one. */
function signature(model: unknown, tensorsKey: string, namesKey: string): TensorRef[] {
  const names = list(get(model, namesKey), LIMITS.edges);
  return list(get(model, tensorsKey), LIMITS.edges).map((t, i) => {
    const node = text(get(t, 'name')) ?? '?';
    return {
      name: text(names[i]) ?? node,
      nodeId: inputNodeId(node) ?? node,
      shape: shape(get(t, 'shape')),
      dtype: text(get(t, 'dtype'), 64),
    };
  });
}

function refOf(n: ModelNode): TensorRef {
  return { name: n.id, nodeId: n.id, shape: n.outputShape, dtype: n.dtype };
}

/** Op nodes nothing reads: the outputs, when the model does not say. */
function sinks(nodes: ModelNode[]): ModelNode[] {
  const read = new Set(nodes.flatMap((n) => n.inputs));
  return nodes.filter((n) => n.category === 'op' && !read.has(n.id));
}

/** 'model-stride16.json' for '…/model-stride16.json?x#y'; 'graph model' without a URL. */
function fileName(url: string | null): string {
  const path = (url ?? '').split(/[?#]/)[0] ?? '';
  return path.split('/').pop() || 'graph model';
}

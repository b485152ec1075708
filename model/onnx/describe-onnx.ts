// Turns a parsed ONNX model into a ModelGraph, the same contract tf.js models are described by: initializers become
// 'const' nodes (as a tf.js GraphModel's Const ops), graph inputs 'input' nodes and every other node an 'op'.
// A node's id is the name of its first output tensor (unique in ONNX), so the hook can tap it by name.

import type { ModelGraph, ModelNode, Shape, TensorRef, WeightRole } from '../model-graph';
import { assemble } from '../describe/assemble';
import type { DescribeContext } from '../describe/types';
import { roleFromName } from '../weight-role';
import {
  dtypeName,
  OnnxParseError,
  parseOnnxModel,
  type OnnxAttrValue,
  type OnnxDim,
  type OnnxModel,
  type OnnxTensorSpec,
  type OnnxValueInfo,
} from './onnx-proto';

/** Roles of initializers by the op that reads them and their input position (position 0 is the data). */
const ROLES_BY_INPUT: Record<string, (WeightRole | null)[]> = {
  Conv: [null, 'kernel', 'bias'],
  ConvTranspose: [null, 'kernel', 'bias'],
  Gemm: [null, 'kernel', 'bias'],
  MatMul: [null, 'kernel'],
  BatchNormalization: [null, 'gamma', 'beta', 'moving_mean', 'moving_variance'],
  LayerNormalization: [null, 'gamma', 'beta'],
  InstanceNormalization: [null, 'gamma', 'beta'],
  Gather: ['embeddings', null],
  PRelu: [null, 'alpha'],
  LSTM: [null, 'kernel', 'recurrent_kernel', 'bias'],
  GRU: [null, 'kernel', 'recurrent_kernel', 'bias'],
};

/** What the caller knows beyond the bytes: the session's runtime facts and where the bytes came from. */
export interface OnnxDescribeContext {
  id: string;
  sourceUrl: string | null;
  origin: ModelGraph['origin'];
  /** Execution provider the session runs on ('wasm', 'webgpu'). */
  executionProvider: string | null;
  /** ONNX Runtime Web's version, when the page told us. */
  runtimeVersion: string | null;
  /** Shapes of inputs and outputs seen in the page's first call, by tensor name (never fingerprinted). */
  liveShapes?: Record<string, Shape>;
  /** A name for the model when its URL gives none. */
  name?: string;
}

/** A ModelGraph shape (rank ≤ 8, free dimensions null), or null when the model gives none that fits. */
function shapeOf(dims: OnnxDim[] | null): Shape | null {
  if (!dims || dims.length > 8) return null;
  return dims.map((d) => (typeof d === 'number' && Number.isSafeInteger(d) && d >= 0 ? d : null));
}

function attrValue(v: OnnxAttrValue): ModelNode['attrs'][string] {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string') return v.slice(0, 256);
  if (Array.isArray(v)) {
    const items = (v as (number | string)[]).slice(0, 16);
    return items.map((x) => (typeof x === 'number' ? (Number.isFinite(x) ? x : null) : x.slice(0, 256)));
  }
  if ('tensor' in v) return `tensor ${dtypeName(v.tensor.dataType)}[${v.tensor.dims.join(',')}]`;
  return 'subgraph';
}

function fileName(url: string | null): string | null {
  if (!url) return null;
  const last = url.split(/[?#]/)[0]!.split('/').pop();
  return last ? decodeURIComponent(last).slice(0, 256) : null;
}

/** Describes ONNX model bytes; throws OnnxParseError when they are not a readable ONNX model. */
export function describeOnnxBytes(bytes: Uint8Array, ctx: OnnxDescribeContext): ModelGraph {
  return describeOnnxModel(parseOnnxModel(bytes), ctx);
}

export function describeOnnxModel(model: OnnxModel, ctx: OnnxDescribeContext): ModelGraph {
  const g = model.graph;
  const notes: string[] = [];
  const initializers = new Map<string, OnnxTensorSpec>();
  for (const t of g.initializers) initializers.set(t.name, t);
  const infos = new Map<string, OnnxValueInfo>();
  for (const v of [...g.valueInfo, ...g.inputs, ...g.outputs]) infos.set(v.name, v);

  // Which node produces each tensor name: graph inputs and initializers are their own nodes.
  const producer = new Map<string, string>();
  const nodes: ModelNode[] = [];
  const usedIds = new Set<string>();
  // Ids, edges and names within the ModelGraph's string bounds (1,024 characters).
  const cut = (name: string): string => name.slice(0, 1000);
  const uniqueId = (wanted: string): string => {
    const base = cut(wanted) || 'node';
    let id = base;
    for (let i = 2; usedIds.has(id); i++) id = `${base}#${i}`;
    usedIds.add(id);
    return id;
  };

  const realInputs = g.inputs.filter((v) => !initializers.has(v.name));
  for (const v of realInputs) {
    const id = uniqueId(v.name);
    producer.set(v.name, id);
    nodes.push({
      id,
      index: nodes.length,
      op: 'Input',
      category: 'input',
      inputs: [],
      outputShape: shapeOf(v.shape),
      shapeSource: v.shape ? 'config' : 'unknown',
      dtype: v.elemType ? dtypeName(v.elemType) : null,
      params: 0,
      weights: [],
      attrs: symbolicDims(v.shape),
    });
  }

  // Roles come from the first consumer that gives the initializer one.
  const roles = new Map<string, WeightRole>();
  for (const n of g.nodes) {
    const byInput = ROLES_BY_INPUT[n.opType];
    n.inputs.forEach((name, i) => {
      const role = byInput?.[i];
      if (role && initializers.has(name) && !roles.has(name)) roles.set(name, role);
    });
  }

  let external = 0;
  for (const t of g.initializers) {
    const id = uniqueId(t.name);
    producer.set(t.name, id);
    const size = t.dims.reduce((a, d) => a * d, 1);
    if (t.externalLocation !== null) external++;
    nodes.push({
      id,
      index: nodes.length,
      op: 'Const',
      category: 'const',
      inputs: [],
      outputShape: t.dims.slice(),
      shapeSource: 'config',
      dtype: dtypeName(t.dataType),
      params: size,
      weights: [
        {
          name: cut(t.name),
          role: roles.get(t.name) ?? roleFromName(t.name),
          shape: t.dims.slice(),
          dtype: dtypeName(t.dataType),
        },
      ],
      attrs: t.externalLocation !== null ? { external: t.externalLocation.slice(0, 256) || true } : {},
    });
  }

  for (const n of g.nodes) {
    const first = n.outputs.find((o) => o !== '') ?? n.name;
    const id = uniqueId(first || `${n.opType}_${nodes.length}`);
    for (const o of n.outputs) if (o && !producer.has(o)) producer.set(o, id);
    const attrs: ModelNode['attrs'] = {};
    for (const [k, v] of Object.entries(n.attrs).slice(0, 24)) attrs[k.slice(0, 64)] = attrValue(v);
    if (n.name && n.name !== id) attrs.onnxName = n.name.slice(0, 256);
    if (n.domain && n.domain !== 'ai.onnx') attrs.domain = n.domain.slice(0, 256);
    if (n.outputs.length > 1) attrs.outputs = n.outputs.slice(0, 16);
    const info = infos.get(first);
    const live = ctx.liveShapes?.[first];
    nodes.push({
      id,
      index: nodes.length,
      op: n.opType,
      category: 'op',
      // Filled once every producer is known (ONNX lists nodes topologically, but be safe).
      inputs: n.inputs.filter((x) => x !== ''),
      outputShape: info?.shape ? shapeOf(info.shape) : (live ?? null),
      shapeSource: info?.shape ? 'config' : live ? 'live' : 'unknown',
      dtype: info?.elemType ? dtypeName(info.elemType) : null,
      params: 0,
      weights: [],
      attrs,
    });
  }
  for (const node of nodes) {
    if (node.category === 'op') node.inputs = node.inputs.map((name) => producer.get(name) ?? cut(name));
  }

  const ref = (v: OnnxValueInfo): TensorRef => ({
    name: cut(v.name),
    nodeId: producer.get(v.name) ?? cut(v.name),
    shape: shapeOf(v.shape) ?? ctx.liveShapes?.[v.name] ?? null,
    dtype: v.elemType ? dtypeName(v.elemType) : null,
  });
  if (external > 0)
    notes.push(
      `${external} of ${g.initializers.length} weights are stored outside the model file (external data): their shapes ` +
        'and sizes are known, their values were not read',
    );
  const name = ctx.name ?? fileName(ctx.sourceUrl) ?? (g.name || 'ONNX model');
  const describeCtx: DescribeContext = {
    id: ctx.id,
    sourceUrl: ctx.sourceUrl,
    origin: ctx.origin,
    format: 'onnx',
    backend: ctx.executionProvider,
    tfjsVersion: null,
    tfjsVersionClass: 'unknown',
  };
  const params = nodes.reduce((a, n) => a + n.params, 0);
  if (!Number.isSafeInteger(params))
    throw new OnnxParseError('the model claims more weights than can be counted');
  const graph = assemble(
    {
      kind: 'graph',
      name: name.slice(0, 256),
      format: 'onnx',
      nodes,
      inputs: realInputs.map(ref),
      outputs: g.outputs.map(ref),
      trainableParams: params,
      notes,
    },
    describeCtx,
  );
  return { ...graph, runtime: 'onnx', runtimeVersion: ctx.runtimeVersion, layout: 'channels-first' };
}

/** Symbolic dimensions ('batch', 'sequence') of an input, as an attribute a reader can see; empty when none. */
function symbolicDims(dims: OnnxDim[] | null): ModelNode['attrs'] {
  if (!dims || !dims.some((d) => typeof d === 'string')) return {};
  return { dims: dims.slice(0, 16).map((d) => (typeof d === 'string' ? d.slice(0, 64) : d)) };
}

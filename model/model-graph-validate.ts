// Deep, bounded validation of a ModelGraph that arrived from the page world: a clean copy with known fields, or null.

import {
  DATA_LAYOUTS,
  GRAPH_LIMITS,
  type DataLayout,
  type ModelGraph,
  type ModelNode,
  type ModelRuntime,
  type Shape,
  type TensorRef,
  type WeightRole,
  type WeightSpec,
  MODEL_RUNTIMES,
  WEIGHT_ROLES,
} from './model-graph';
import { isRec } from '../base/is-record';

const ROLES = new Set<WeightRole>(WEIGHT_ROLES);
const ORIGINS = new Set(['http', 'indexeddb', 'localstorage', 'files', 'memory', 'code', 'unknown']);
const CATEGORIES = new Set(['input', 'const', 'layer', 'op']);
const SHAPE_SOURCES = new Set(['config', 'live', 'unknown']);
const VERSION_CLASSES = new Set(['1.x', '2.x', '3.x+', 'unknown']);
const RUNTIMES = new Set<string>(MODEL_RUNTIMES);
const LAYOUTS = new Set<string>(DATA_LAYOUTS);

class Invalid extends Error {}

function fail(): never {
  throw new Invalid();
}
function rec(v: unknown): Record<string, unknown> {
  return isRec(v) ? v : fail();
}
function arr(v: unknown, max: number): unknown[] {
  return Array.isArray(v) && v.length <= max ? v : fail();
}
function str(v: unknown, max = 1024): string {
  return typeof v === 'string' && v.length <= max ? v : fail();
}
function strOrNull(v: unknown, max = 8192): string | null {
  return v === null ? null : str(v, max);
}
function count(v: unknown): number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= Number.MAX_SAFE_INTEGER ? v : fail();
}
function oneOf<T extends string>(v: unknown, set: ReadonlySet<string>): T {
  return typeof v === 'string' && set.has(v) ? (v as T) : fail();
}
function shape(v: unknown): Shape {
  return arr(v, 8).map((d) => (d === null ? null : count(d)));
}
function shapeOrNull(v: unknown): Shape | null {
  return v === null ? null : shape(v);
}

function weight(v: unknown): WeightSpec {
  const o = rec(v);
  const out: WeightSpec = {
    name: str(o.name),
    role: oneOf<WeightRole>(o.role, ROLES),
    shape: arr(o.shape, 8).map(count),
    dtype: str(o.dtype, 32),
  };
  if (o.quantization !== undefined) out.quantization = str(o.quantization, 32);
  return out;
}

type AttrValue = ModelNode['attrs'][string];
function attrValue(v: unknown): AttrValue {
  if (v === null || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : fail();
  if (typeof v === 'string') return str(v, 256);
  return arr(v, 16).map((x) =>
    x === null ? null : typeof x === 'number' && Number.isFinite(x) ? x : str(x, 256),
  );
}

function node(v: unknown): ModelNode {
  const o = rec(v);
  const attrsIn = rec(o.attrs);
  const keys = Object.keys(attrsIn);
  if (keys.length > 32) fail();
  const attrs: ModelNode['attrs'] = {};
  for (const k of keys) attrs[str(k, 64)] = attrValue(attrsIn[k]);
  return {
    id: str(o.id),
    index: count(o.index),
    op: str(o.op, GRAPH_LIMITS.maxOp),
    category: oneOf<ModelNode['category']>(o.category, CATEGORIES),
    inputs: arr(o.inputs, GRAPH_LIMITS.maxNodeInputs).map((x) => str(x)),
    outputShape: shapeOrNull(o.outputShape),
    shapeSource: oneOf<ModelNode['shapeSource']>(o.shapeSource, SHAPE_SOURCES),
    dtype: strOrNull(o.dtype, 32),
    params: count(o.params),
    weights: arr(o.weights, GRAPH_LIMITS.maxNodeWeights).map(weight),
    attrs,
  };
}

function tensorRef(v: unknown): TensorRef {
  const o = rec(v);
  return {
    name: str(o.name),
    nodeId: str(o.nodeId),
    shape: shapeOrNull(o.shape),
    dtype: strOrNull(o.dtype, 32),
  };
}

export function parseModelGraph(v: unknown): ModelGraph | null {
  try {
    const o = rec(v);
    if (o.schema !== 1) return null;
    const totals = rec(o.totals);
    const nodes = arr(o.nodes, GRAPH_LIMITS.maxNodes).map(node);
    const ids = new Set(nodes.map((n) => n.id));
    if (ids.size !== nodes.length) return null;
    const fingerprint = str(o.fingerprint, 64);
    if (!/^[0-9a-f]{64}$/.test(fingerprint)) return null;
    const graph: ModelGraph = {
      schema: 1,
      id: str(o.id, 32),
      kind: oneOf<ModelGraph['kind']>(o.kind, new Set(['layers', 'graph'])),
      name: str(o.name, 256),
      sourceUrl: strOrNull(o.sourceUrl),
      origin: oneOf<ModelGraph['origin']>(o.origin, ORIGINS),
      format: strOrNull(o.format, 64),
      backend: strOrNull(o.backend, 64),
      tfjsVersion: strOrNull(o.tfjsVersion, 32),
      tfjsVersionClass: oneOf<ModelGraph['tfjsVersionClass']>(o.tfjsVersionClass, VERSION_CLASSES),
      inputs: arr(o.inputs, GRAPH_LIMITS.maxEndpoints).map(tensorRef),
      outputs: arr(o.outputs, GRAPH_LIMITS.maxEndpoints).map(tensorRef),
      nodes,
      totals: {
        nodes: count(totals.nodes),
        params: count(totals.params),
        trainableParams: count(totals.trainableParams),
        weightBytes: count(totals.weightBytes),
      },
      fingerprint,
    };
    if (o.notes !== undefined) graph.notes = arr(o.notes, 32).map((n) => str(n, 512));
    if (o.runtime !== undefined) graph.runtime = oneOf<ModelRuntime>(o.runtime, RUNTIMES);
    if (o.runtimeVersion !== undefined) graph.runtimeVersion = strOrNull(o.runtimeVersion, 64);
    if (o.layout !== undefined) graph.layout = oneOf<DataLayout>(o.layout, LAYOUTS);
    return graph;
  } catch {
    return null;
  }
}

// Describes a tfjs-layers model (Sequential, functional, nested models) as a ModelGraph, reading only plain
// properties and pure getters (layers, inboundNodes, weights, getClassName) — the same in tf.js 1.x to 4.x.
//
// Nested models are flattened: a model used as a layer contributes its own layers (attrs.nestedIn = its id), its
// input layers (fed by what feeds the nested model), then one node for the nested model itself (op 'Sequential' or
// 'Model', no weights, fed by its output layers). So edges stay real data flow and params are not counted twice.
import type { ModelNode, TensorRef, WeightSpec } from '../model-graph';
import { assemble } from './assemble';
import { LIMITS, errorText, finite, get, invoke, list, shape, sizeOf, text } from './safe-read';
import type { AttrValue, DescribeContext, DescribedGraph, NodeAttrs } from './types';
import { roleFromName } from '../weight-role';

/** Layer properties that explain a layer, as tfjs-layers names them. */
const LAYER_ATTRS = [
  'filters',
  'kernelSize',
  'strides',
  'padding',
  'dilationRate',
  'depthMultiplier',
  'dataFormat',
  'units',
  'activation',
  'recurrentActivation',
  'useBias',
  'returnSequences',
  'returnState',
  'goBackwards',
  'poolSize',
  'rate',
  'axis',
  'momentum',
  'epsilon',
  'center',
  'scale',
  'targetShape',
  'dims',
  'inputDim',
  'outputDim',
  'size',
  'interpolation',
  'cropping',
  'maxValue',
  'alpha',
  'mergeMode',
];

interface Walk {
  nodes: ModelNode[];
  /** Layer object → node id, for edges by identity (names may repeat across nested models). */
  ids: Map<unknown, string>;
  used: Set<string>;
  /** Containers being walked (the model and its ancestors of the current layer): a cycle back is skipped. */
  open: Set<unknown>;
  trainableParams: number;
  notes: string[];
}

export function describeLayersModel(model: unknown, ctx: DescribeContext): DescribedGraph {
  const walk: Walk = {
    nodes: [],
    ids: new Map(),
    used: new Set(),
    open: new Set([model]),
    trainableParams: 0,
    notes: [],
  };
  let inputs: TensorRef[] = [];
  let outputs: TensorRef[] = [];
  try {
    const modelInputs = list(get(model, 'inputs'), LIMITS.edges);
    for (const t of modelInputs) addLayer(walk, get(t, 'sourceLayer'), 'input', [], null, null);
    walkContainer(walk, model, null, 0);
    inputs = modelInputs.map((t) => tensorRef(walk, t));
    outputs = list(get(model, 'outputs'), LIMITS.edges).map((t) => tensorRef(walk, t));
  } catch (e) {
    walk.notes.push('layers model only partly read: ' + errorText(e));
  }
  const parts = { kind: 'layers' as const, name: text(get(model, 'name')) ?? 'model', format: null, ...walk };
  return assemble({ ...parts, inputs, outputs }, ctx);
}

function walkContainer(walk: Walk, container: unknown, parentId: string | null, depth: number): void {
  const containerNodes = get(container, 'containerNodes');
  for (const layer of list(get(container, 'layers'), LIMITS.nodes)) {
    if (walk.ids.has(layer) || walk.open.has(layer)) continue;
    if (walk.nodes.length >= LIMITS.nodes) {
      const note = `stopped at ${LIMITS.nodes} nodes`;
      if (!walk.notes.includes(note)) walk.notes.push(note);
      return;
    }
    const inputs = inboundIds(walk, layer, containerNodes);
    if (!Array.isArray(get(layer, 'layers'))) {
      addLayer(walk, layer, 'layer', inputs, parentId, containerNodes);
      continue;
    }
    // A nested model: its input layers, its layers, then the nested model's own node (its output).
    const groupId = uniqueId(walk, layer, parentId);
    walk.ids.set(layer, groupId);
    if (depth >= LIMITS.depth) {
      walk.notes.push(`nesting deeper than ${LIMITS.depth} shown as one node: ${groupId}`);
    } else {
      for (const t of list(get(layer, 'inputs'), LIMITS.edges)) {
        const inputLayer = get(t, 'sourceLayer');
        if (!walk.ids.has(inputLayer)) addLayer(walk, inputLayer, 'layer', inputs, groupId, null);
      }
      walk.open.add(layer);
      walkContainer(walk, layer, groupId, depth + 1);
      walk.open.delete(layer);
    }
    const outputIds = list(get(layer, 'outputs'), LIMITS.edges).map((t) => idOf(walk, get(t, 'sourceLayer')));
    const node = layerNode(
      walk,
      layer,
      groupId,
      depth >= LIMITS.depth ? inputs : outputIds,
      parentId,
      containerNodes,
    );
    node.attrs.layers = list(get(layer, 'layers'), LIMITS.nodes).length;
    if (depth >= LIMITS.depth) addWeights(walk, node, layer);
    walk.nodes.push(node);
  }
}

function addLayer(
  walk: Walk,
  layer: unknown,
  category: 'input' | 'layer',
  inputs: string[],
  parentId: string | null,
  containerNodes: unknown,
): void {
  if (layer === undefined || layer === null || walk.ids.has(layer)) return;
  const id = uniqueId(walk, layer, parentId);
  walk.ids.set(layer, id);
  const node = layerNode(walk, layer, id, inputs, parentId, containerNodes);
  node.category = category;
  const cell = get(layer, 'cell'); // RNN layers: 4.x keeps units, activation … on the cell only
  for (const key of LAYER_ATTRS) {
    const own = get(layer, key);
    const value = attrValue(own === undefined ? get(cell, key) : own);
    if (value !== undefined) node.attrs[key] = value;
  }
  addWeights(walk, node, layer);
  walk.nodes.push(node);
}

function layerNode(
  walk: Walk,
  layer: unknown,
  id: string,
  inputs: string[],
  parentId: string | null,
  containerNodes: unknown,
): ModelNode {
  const output = firstOutput(layer, containerNodes);
  const outputShape = shape(get(output, 'shape'));
  const attrs: NodeAttrs = Object.create(null);
  if (parentId !== null) attrs.nestedIn = parentId;
  return {
    id,
    index: walk.nodes.length,
    op: text(invoke(layer, 'getClassName')) ?? 'Layer',
    category: 'layer',
    inputs,
    outputShape,
    shapeSource: outputShape ? 'config' : 'unknown',
    dtype: text(get(output, 'dtype')),
    params: 0,
    weights: [],
    attrs,
  };
}

function addWeights(walk: Walk, node: ModelNode, layer: unknown): void {
  const trainable = new Set(list(get(layer, 'trainableWeights'), LIMITS.weights));
  for (const variable of list(get(layer, 'weights'), LIMITS.weights)) {
    const dims = (shape(get(variable, 'shape')) ?? []).map((d) => d ?? 0);
    const name = text(get(variable, 'originalName')) ?? text(get(variable, 'name')) ?? '';
    const spec: WeightSpec = {
      name,
      role: roleFromName(name),
      shape: dims,
      dtype: text(get(variable, 'dtype')) ?? 'float32',
    };
    const size = sizeOf(dims);
    node.weights.push(spec);
    node.params += size;
    if (trainable.has(variable)) walk.trainableParams += size;
  }
}

/** The layer's first output tensor, from its first inbound node that belongs to this container. */
function firstOutput(layer: unknown, containerNodes: unknown): unknown {
  const nodes = list(get(layer, 'inboundNodes'), LIMITS.edges);
  const index = nodes.findIndex((_, k) => belongs(layer, k, containerNodes));
  return list(get(nodes[Math.max(index, 0)], 'outputTensors'), 1)[0];
}

/** Whether inbound node k of the layer is part of this container (Sequential keeps no set: every node is). */
function belongs(layer: unknown, k: number, containerNodes: unknown): boolean {
  try {
    if (!(containerNodes instanceof Set) || containerNodes.size === 0) return true;
    return containerNodes.has(`${text(get(layer, 'name'))}_ib-${k}`);
  } catch {
    return true;
  }
}

/** Ids of the layers feeding this one in this container, distinct, in order. */
function inboundIds(walk: Walk, layer: unknown, containerNodes: unknown): string[] {
  const ids: string[] = [];
  list(get(layer, 'inboundNodes'), LIMITS.edges).forEach((node, k) => {
    if (!belongs(layer, k, containerNodes)) return;
    for (const source of list(get(node, 'inboundLayers'), LIMITS.edges)) {
      const id = idOf(walk, source);
      if (!ids.includes(id)) ids.push(id);
    }
  });
  return ids;
}

function idOf(walk: Walk, layer: unknown): string {
  return walk.ids.get(layer) ?? text(get(layer, 'name')) ?? '?';
}

/** The layer name, or, when a nested model reuses a name, 'parent/name' (then '#2', '#3' …). */
function uniqueId(walk: Walk, layer: unknown, parentId: string | null): string {
  const name = text(get(layer, 'name')) ?? 'layer';
  let id = walk.used.has(name) && parentId !== null ? `${parentId}/${name}` : name;
  for (let n = 2; walk.used.has(id); n++) id = `${name}#${n}`;
  walk.used.add(id);
  return id;
}

function tensorRef(walk: Walk, t: unknown): TensorRef {
  const source = get(t, 'sourceLayer');
  return {
    name: text(get(source, 'name')) ?? text(get(t, 'name')) ?? '?',
    nodeId: idOf(walk, source),
    shape: shape(get(t, 'shape')),
    dtype: text(get(t, 'dtype')),
  };
}

/** A JSON-safe attribute: primitives, flat lists (nested lists such as padding [[1,1],[1,1]] flattened), or the
 * class name of an object such as an activation. */
function attrValue(v: unknown): AttrValue | undefined {
  if (typeof v === 'string') return text(v, 200);
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return finite(v);
  if (Array.isArray(v)) {
    const flat: (string | number | null)[] = [];
    for (const item of list(v, LIMITS.items)) {
      for (const x of Array.isArray(item) ? list(item, LIMITS.items) : [item]) {
        if (typeof x === 'number' || typeof x === 'string' || x === null)
          flat.push(typeof x === 'number' ? finite(x) : x);
        else return undefined;
      }
    }
    return flat;
  }
  return v !== null && typeof v === 'object'
    ? (text(invoke(v, 'getClassName'), 200) ?? undefined)
    : undefined;
}

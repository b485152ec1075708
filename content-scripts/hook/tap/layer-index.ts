// Finds the layer object behind a ModelGraph node id of a LayersModel. Ids are given by describe/describe-layers.ts:
// the layer name, or 'parent/name' then 'name#2' … where nested models repeat names; this walks the model in the
// same order with the same rule (a unit test checks both agree on every node id).

import { pageGlobals, read } from '../page-globals';

const MAX_NODES = 20_000;
const MAX_EDGES = 512;
const MAX_DEPTH = 8;

function list(v: unknown, max: number): unknown[] {
  const out: unknown[] = [];
  if (!pageGlobals.isArray(v)) return out;
  for (let i = 0; i < v.length && i < max; i++) out.push(v[i]);
  return out;
}

interface Walk {
  ids: Map<unknown, string>;
  layers: Map<string, object>;
  used: Set<string>;
  open: Set<unknown>;
}

/** Node id → layer object, for every layer (and nested model) of a LayersModel. */
export function layerIndex(model: object): Map<string, object> {
  const walk: Walk = {
    ids: new pageGlobals.Map(),
    layers: new pageGlobals.Map(),
    used: new pageGlobals.Set(),
    open: new pageGlobals.Set([model]),
  };
  try {
    for (const t of list(read(model, 'inputs'), MAX_EDGES)) add(walk, read(t, 'sourceLayer'), null);
    walkContainer(walk, model, null, 0);
  } catch {
    // A partly readable model keeps the ids found so far.
  }
  return walk.layers;
}

function walkContainer(walk: Walk, container: unknown, parentId: string | null, depth: number): void {
  for (const layer of list(read(container, 'layers'), MAX_NODES)) {
    if (walk.ids.has(layer) || walk.open.has(layer)) continue;
    if (walk.layers.size >= MAX_NODES) return;
    if (!pageGlobals.isArray(read(layer, 'layers'))) {
      add(walk, layer, parentId);
      continue;
    }
    const groupId = uniqueId(walk, layer, parentId);
    walk.ids.set(layer, groupId);
    if (depth < MAX_DEPTH) {
      for (const t of list(read(layer, 'inputs'), MAX_EDGES)) {
        const inputLayer = read(t, 'sourceLayer');
        if (!walk.ids.has(inputLayer)) add(walk, inputLayer, groupId);
      }
      walk.open.add(layer);
      walkContainer(walk, layer, groupId, depth + 1);
      walk.open.delete(layer);
    }
    if (layer && typeof layer === 'object') walk.layers.set(groupId, layer);
  }
}

function add(walk: Walk, layer: unknown, parentId: string | null): void {
  if (layer === undefined || layer === null || walk.ids.has(layer)) return;
  const id = uniqueId(walk, layer, parentId);
  walk.ids.set(layer, id);
  if (typeof layer === 'object') walk.layers.set(id, layer);
}

function uniqueId(walk: Walk, layer: unknown, parentId: string | null): string {
  const raw = read(layer, 'name');
  const name = typeof raw === 'string' ? raw.slice(0, 1024) : 'layer';
  let id = walk.used.has(name) && parentId !== null ? `${parentId}/${name}` : name;
  for (let n = 2; walk.used.has(id) && n < MAX_NODES; n++) id = `${name}#${n}`;
  walk.used.add(id);
  return id;
}

/** The layers that read a single-input model's input directly: their `apply` sees the page's input tensor. */
export function entryLayers(model: object): object[] {
  const inputs = list(read(model, 'inputs'), 2);
  if (inputs.length !== 1) return [];
  const inputLayer = read(inputs[0], 'sourceLayer');
  const out: object[] = [];
  for (const node of list(read(inputLayer, 'outboundNodes'), MAX_EDGES)) {
    const layer = read(node, 'outboundLayer');
    if (layer && typeof layer === 'object' && !out.includes(layer)) out.push(layer);
  }
  return out;
}

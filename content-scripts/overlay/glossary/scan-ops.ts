// Lists the layer classes, graph ops and activations a model.json uses, so that tests can check the glossary
// covers them. Pure: takes the parsed JSON, reads only plain fields.
import { isRec } from '../../../base/is-record';

export interface UsedNames {
  layers: Set<string>;
  ops: Set<string>;
  activations: Set<string>;
}

type Json = unknown;
const items = (v: Json): unknown[] => (Array.isArray(v) ? v : []);

function walkLayer(layer: Json, used: UsedNames): void {
  if (!isRec(layer)) return;
  const className = layer.class_name;
  const config = layer.config;
  if (typeof className === 'string') used.layers.add(className);
  // Keras 2.1 Sequential models keep a bare list of layers as their config.
  if (Array.isArray(config)) {
    for (const inner of config) walkLayer(inner, used);
    return;
  }
  if (!isRec(config)) return;
  if (typeof config.activation === 'string') used.activations.add(config.activation);
  if (typeof config.recurrent_activation === 'string') used.activations.add(config.recurrent_activation);
  // Nested models keep their layers in config.layers; wrappers (Bidirectional, TimeDistributed) in config.layer.
  for (const inner of items(config.layers)) walkLayer(inner, used);
  if (isRec(config.layer)) walkLayer(config.layer, used);
}

export function scanModelJson(json: Json, into?: UsedNames): UsedNames {
  const used = into ?? { layers: new Set(), ops: new Set(), activations: new Set() };
  if (!isRec(json)) return used;
  const topology = isRec(json.modelTopology) ? json.modelTopology : json;
  // Graph models: GraphDef nodes, and the nodes of library functions (control flow).
  for (const node of items(topology.node)) {
    if (isRec(node) && typeof node.op === 'string') used.ops.add(node.op);
  }
  const library = isRec(topology.library) ? topology.library : {};
  for (const fn of items(library.function)) {
    if (!isRec(fn)) continue;
    for (const node of items(fn.nodeDef)) {
      if (isRec(node) && typeof node.op === 'string') used.ops.add(node.op);
    }
  }
  // Layers models: Keras keeps the model under model_config; tfjs-layers' own saves put it at the top.
  if (isRec(topology.model_config)) walkLayer(topology.model_config, used);
  else if (typeof topology.class_name === 'string') walkLayer(topology, used);
  return used;
}

// What a model folder says about its model, read from the files alone: which JSON is the model, its kind (by the
// `format` field or the topology's shape), the parameter total of its weights manifest, its graph ops or layer
// classes, and its input shapes. check-real.ts compares the hook's live ModelGraph against these.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export type Dim = number | null;

export interface RealModel {
  folder: string;
  /** The model JSON's file name ('model.json', 'model-stride16.json'). */
  file: string;
  kind: 'layers' | 'graph';
  manifestParams: number;
  /** Graph: the number of GraphDef nodes; layers: the number of top-level layers in the config. */
  topologyNodes: number;
  /** Graph: distinct ops; layers: distinct layer class names (top level). */
  ops: string[];
  /** Top-level layer names (layers models only). */
  layerNames: string[];
  inputShapes: Dim[][];
}

type Json = Record<string, any>;

/** Every sub-folder of `dir` that holds a tf.js model JSON. */
export function findModels(dir: string): RealModel[] {
  const out: RealModel[] = [];
  for (const folder of readdirSync(dir).sort()) {
    const path = join(dir, folder);
    if (!statSync(path).isDirectory()) continue;
    for (const file of readdirSync(path)
      .filter((f) => f.endsWith('.json'))
      .sort()) {
      let json: Json;
      try {
        json = JSON.parse(readFileSync(join(path, file), 'utf8'));
      } catch {
        continue;
      }
      if (json && typeof json === 'object' && json.modelTopology && json.weightsManifest) {
        out.push(describeFiles(folder, file, json));
        break;
      }
    }
  }
  return out;
}

export function describeFiles(folder: string, file: string, json: Json): RealModel {
  const topology = json.modelTopology as Json;
  const kind: 'layers' | 'graph' =
    json.format === 'graph-model'
      ? 'graph'
      : json.format === 'layers-model'
        ? 'layers'
        : Array.isArray(topology.node)
          ? 'graph'
          : 'layers';
  let manifestParams = 0;
  for (const group of json.weightsManifest as Json[]) {
    for (const w of group.weights as Json[])
      manifestParams += (w.shape as number[]).reduce((a, b) => a * b, 1);
  }
  if (kind === 'graph') {
    const nodes = topology.node as Json[];
    const inputs = nodes
      .filter((n) => n.op === 'Placeholder')
      .map((n) => ((n.attr?.shape?.shape?.dim ?? []) as Json[]).map((d) => dim(Number(d.size ?? -1))));
    return {
      folder,
      file,
      kind,
      manifestParams,
      topologyNodes: nodes.length,
      ops: [...new Set(nodes.map((n) => String(n.op)))].sort(),
      layerNames: [],
      inputShapes: inputs,
    };
  }
  const config = topology.model_config?.config ?? topology.config;
  const layers: Json[] = Array.isArray(config) ? config : (config?.layers ?? []);
  // A nested model as first layer (Teachable Machine) states the input shape on its own first layer.
  let first: Json = layers[0]?.config ?? {};
  for (let depth = 0; depth < 4 && !first.batch_input_shape && Array.isArray(first.layers); depth++) {
    first = first.layers[0]?.config ?? {};
  }
  const inputLayers = layers.filter((l) => l.class_name === 'InputLayer');
  const inputShapes = (inputLayers.length > 0 ? inputLayers.map((l) => l.config) : [first])
    .map((c: Json) => c.batch_input_shape as Dim[] | undefined)
    .filter((s): s is Dim[] => Array.isArray(s))
    .map((s) => s.map((d) => (d === null ? null : dim(d))));
  return {
    folder,
    file,
    kind,
    manifestParams,
    topologyNodes: layers.length,
    ops: [...new Set(layers.map((l) => String(l.class_name)))].sort(),
    layerNames: layers.map((l) => String(l.config?.name ?? l.name)),
    inputShapes,
  };
}

function dim(n: number): Dim {
  return Number.isFinite(n) && n >= 0 ? n : null;
}

/** A concrete input shape for a run: batch 1; other free dims 5 for sequences, 257 for images (posenet: 16k+1). */
export function concreteShape(shape: Dim[]): number[] {
  const image = shape.length === 4;
  return shape.map((d, i) => (d !== null ? d : i === 0 ? 1 : image ? 257 : 5));
}

// A generated graph model of about `size` nodes, named like a real converted model (name scopes, numbered
// units, constants read by the ops), for the diagram's tests and bench: stages of residual units.

import type { ModelGraph, ModelNode } from '../../model/model-graph';

function node(
  id: string,
  index: number,
  op: string,
  inputs: string[],
  extra: Partial<ModelNode> = {},
): ModelNode {
  return {
    id,
    index,
    op,
    category: op === 'Placeholder' ? 'input' : op === 'Const' ? 'const' : 'op',
    inputs,
    outputShape: op === 'Const' ? [3, 3, 16, 16] : [1, 32, 32, 16],
    shapeSource: op === 'Const' ? 'config' : 'live',
    dtype: 'float32',
    params: op === 'Const' ? 2304 : 0,
    weights: [],
    attrs: {},
    ...extra,
  };
}

/** Stages of units; each unit is weights (Const) → Conv2D → BiasAdd (bias Const) → Relu → Add (residual). */
export function syntheticGraph(size = 20_000, unitsPerStage = 50): ModelGraph {
  const nodes: ModelNode[] = [node('image', 0, 'Placeholder', [])];
  let previous = 'image';
  for (let s = 0; nodes.length + 6 <= size; s++) {
    for (let u = 0; u < unitsPerStage && nodes.length + 6 <= size; u++) {
      const at = `net/stage_${s}/unit_${u}`;
      const add = (id: string, op: string, inputs: string[]) =>
        nodes.push(node(`${at}/${id}`, nodes.length, op, inputs));
      add('conv/weights', 'Const', []);
      add('conv/Conv2D', 'Conv2D', [previous, `${at}/conv/weights`]);
      add('conv/bias', 'Const', []);
      add('conv/BiasAdd', 'BiasAdd', [`${at}/conv/Conv2D`, `${at}/conv/bias`]);
      add('Relu', 'Relu', [`${at}/conv/BiasAdd`]);
      add('add', 'AddV2', [`${at}/Relu`, previous]);
      previous = `${at}/add`;
    }
  }
  const params = nodes.reduce((n, x) => n + x.params, 0);
  return {
    schema: 1,
    id: 'm1',
    kind: 'graph',
    name: 'synthetic',
    sourceUrl: null,
    origin: 'memory',
    format: 'graph-model',
    backend: null,
    tfjsVersion: null,
    tfjsVersionClass: 'unknown',
    inputs: [{ name: 'image', nodeId: 'image', shape: [1, 32, 32, 16], dtype: 'float32' }],
    outputs: [{ name: previous, nodeId: previous, shape: [1, 32, 32, 16], dtype: 'float32' }],
    nodes,
    totals: { nodes: nodes.length, params, trainableParams: params, weightBytes: params * 4 },
    fingerprint: '0'.repeat(64),
  };
}

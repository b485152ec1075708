// The values of a node's weights, for layer views (first-layer filters as images, weight histograms). A weight
// bigger than asked is cut to a leading block (whole filters first); its statistics always cover every value.

import type { WeightValues } from '../../../protocol/bridge';
import { asHook } from '../guard';
import { pageGlobals, read } from '../page-globals';
import * as ops from '../tensor-ops';
import { layerIndex } from '../tap/layer-index';
import { valueStats } from '../../../model/value-stats';

export interface WeightSource {
  engine: object;
  kind: 'layers' | 'graph';
  model: object;
}

/**
 * The shape of the leading block of a tensor of `shape` with at most `max` values: trimming the last axis first
 * (a conv kernel [kh, kw, in, out] keeps whole filters), then the one before, and so on.
 */
export function leadingBlock(shape: readonly number[], max: number): number[] {
  const size = [...shape];
  const total = (): number => size.reduce((a, b) => a * b, 1);
  for (let a = size.length - 1; a >= 0 && total() > max; a--) {
    const rest = total() / Math.max(1, size[a]!);
    size[a] = Math.max(1, Math.floor(max / Math.max(1, rest)));
  }
  return size;
}

/** The weights of one node as [name, tensor] pairs (page-owned: never disposed). */
export function weightsOfNode(source: WeightSource, nodeId: string): [string, ops.Tensor][] {
  if (source.kind === 'layers') {
    const layer = layerIndex(source.model).get(nodeId);
    if (!layer) throw new Error(`No node ${nodeId} in this model.`);
    const weights = read(layer, 'weights');
    const out: [string, ops.Tensor][] = [];
    if (!pageGlobals.isArray(weights)) return out;
    for (const v of weights.slice(0, 16)) {
      const name = read(v, 'originalName') ?? read(v, 'name');
      const t = ops.isTensor(v) ? v : ops.callMethod(v, 'read', []);
      if (typeof name === 'string' && ops.isTensor(t)) out.push([name, t]);
    }
    return out;
  }
  const executor = read(source.model, 'executor');
  const weightMap = read(executor, 'weightMap');
  const nodes = read(read(executor, 'graph'), 'nodes');
  const node = nodes && pageGlobals.hasOwn.call(nodes, nodeId) ? read(nodes, nodeId) : undefined;
  if (!node) throw new Error(`No node ${nodeId} in this model.`);
  const constOf = (n: unknown, hops: number): [string, ops.Tensor] | null => {
    const name = read(n, 'name');
    if (typeof name !== 'string') return null;
    const own = weightMap && pageGlobals.hasOwn.call(weightMap, name) ? read(weightMap, name) : undefined;
    if (pageGlobals.isArray(own) && ops.isTensor(own[0])) return [name, own[0]];
    // Old TF graphs read weights through an Identity ('conv/kernel/read').
    const inner = read(n, 'inputs');
    if (hops > 0 && read(n, 'op') === 'Identity' && pageGlobals.isArray(inner))
      return constOf(inner[0], hops - 1);
    return null;
  };
  const self = constOf(node, 0);
  if (self) return [self];
  const out: [string, ops.Tensor][] = [];
  const inputs = read(node, 'inputs');
  if (pageGlobals.isArray(inputs)) {
    for (const input of inputs.slice(0, 16)) {
      const hit = constOf(input, 1);
      if (hit && !out.some(([n]) => n === hit[0])) out.push(hit);
    }
  }
  return out;
}

export async function readWeights(
  source: WeightSource,
  nodeId: string,
  maxValues: number,
): Promise<WeightValues[]> {
  const { engine } = source;
  const out: WeightValues[] = [];
  for (const [name, t] of weightsOfNode(source, nodeId)) {
    const sourceShape = ops.shapeOf(t);
    if (!sourceShape || !ops.readableDtype(ops.dtypeOf(t))) continue;
    const block = leadingBlock(sourceShape, maxValues);
    const cut = ops.sizeOf(block) < ops.sizeOf(sourceShape);
    const made: ops.Tensor[] = [];
    try {
      asHook(() => {
        made.push(
          ops.keep(
            engine,
            ops.tidy(engine, () => (cut ? ops.slice(engine, t, block) : ops.clone(t))),
          ),
        );
        if (cut) {
          // Statistics over every value, computed in the page's backend: [min, max, mean, mean of squares].
          const scalars = ops.tidy(engine, () => {
            const x = ops.dtypeOf(t) === 'float32' ? t : ops.cast(engine, t, 'float32');
            const sq = ops.square(engine, x);
            return [
              ops.min(engine, x, null),
              ops.max(engine, x, null),
              ops.mean(engine, x, null),
              ops.mean(engine, sq, null),
            ];
          });
          for (const s of scalars) made.push(ops.keep(engine, s));
        }
      });
      const { values, dtype } = await ops.readValues(made[0]!);
      let stats = valueStats(values);
      if (cut) stats = await fullStats(made.slice(1));
      out.push({ name, shape: block, sourceShape, dtype, buffer: values.buffer as ArrayBuffer, stats });
    } finally {
      for (const m of made) ops.dispose(m);
    }
  }
  return out;
}

async function fullStats(scalars: ops.Tensor[]): Promise<WeightValues['stats']> {
  const [min, max, mean, meanSq] = await pageGlobals.Promise.all(
    scalars.map(async (s) => (await ops.readValues(s)).values[0] ?? 0),
  );
  const variance = Math.max(0, meanSq! - mean! ** 2);
  return { min: min!, max: max!, mean: mean!, std: Math.sqrt(variance) };
}

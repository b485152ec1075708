// What a live value in prose or an equation needs (`{{cnn.conv1.mean}}`): a fact of the ModelGraph, the node's
// weights read once, or the node's live output from the page's own calls; and the statistic of the values. Pure.

import { t } from '../../../extension/ui/i18n';
import type { ModelGraph, ModelNode, Shape } from '../../../model/model-graph';
import type { LiveValueRef } from '../../../annotations/format/live-values';
import { firstExample } from '../views/vector';

export type LiveValue = number | string | (number | null)[] | null;

export type LiveNeed =
  | { kind: 'static'; value: LiveValue }
  | { kind: 'tap'; nodeId: string }
  | { kind: 'weights'; nodeId: string; weightName: string }
  | { kind: 'error'; reason: string };

const VALUE_STATS = new Set(['mean', 'max', 'min', 'std', 'sparsity', 'norm', 'top1', 'argmax']);

function sizeOf(shape: Shape | null): number | null {
  if (!shape) return null;
  let n = 1;
  for (let i = 0; i < shape.length; i++) {
    const d = shape[i];
    if (d === null && i === 0) continue; // a free batch counts as one example
    if (d === null || d === undefined) return null;
    n *= d;
  }
  return n;
}

/** The model's first output node, which model-level top1/argmax read. */
export function outputNodeId(graph: ModelGraph): string | null {
  return graph.outputs[0]?.nodeId ?? graph.nodes[graph.nodes.length - 1]?.id ?? null;
}

/** What `ref` needs from the page, or its value when the graph alone answers it. */
export function liveNeed(ref: LiveValueRef, graph: ModelGraph): LiveNeed {
  if (ref.node === undefined) {
    switch (ref.stat) {
      case 'params':
        return { kind: 'static', value: graph.totals.params };
      case 'nodes':
        return { kind: 'static', value: graph.nodes.length };
      case 'fingerprint':
        return { kind: 'static', value: graph.fingerprint };
      case 'backend':
        return { kind: 'static', value: graph.backend ?? 'unknown' };
      case 'top1':
      case 'argmax': {
        const nodeId = outputNodeId(graph);
        return nodeId ? { kind: 'tap', nodeId } : { kind: 'error', reason: t('liveNoOutput') };
      }
      default:
        return { kind: 'error', reason: `${ref.stat} needs a node` };
    }
  }
  const node: ModelNode | undefined = graph.nodes.find((n) => n.id === ref.node);
  if (!node) return { kind: 'error', reason: t('liveNoNode', ref.node) };
  const role = ref.role ?? 'output';
  if (role !== 'output') {
    const weight = node.weights.find((w) => w.role === role);
    if (!weight) return { kind: 'error', reason: `${node.id} has no ${role}` };
    switch (ref.stat) {
      case 'shape':
        return { kind: 'static', value: weight.shape };
      case 'size':
      case 'params':
        return { kind: 'static', value: weight.shape.reduce((a, b) => a * b, 1) };
      case 'dtype':
        return { kind: 'static', value: weight.dtype };
      case 'op':
        return { kind: 'static', value: node.op };
      default:
        return VALUE_STATS.has(ref.stat)
          ? { kind: 'weights', nodeId: node.id, weightName: weight.name }
          : { kind: 'error', reason: `${ref.stat} is not a statistic of a weight` };
    }
  }
  switch (ref.stat) {
    case 'shape':
      return { kind: 'static', value: node.outputShape };
    case 'size':
      return { kind: 'static', value: sizeOf(node.outputShape) };
    case 'params':
      return { kind: 'static', value: node.params };
    case 'dtype':
      return { kind: 'static', value: node.dtype ?? 'unknown' };
    case 'op':
      return { kind: 'static', value: node.op };
    default:
      if (!VALUE_STATS.has(ref.stat)) return { kind: 'error', reason: `${ref.stat} is not a node statistic` };
      if (node.category === 'const')
        return node.weights[0]
          ? { kind: 'weights', nodeId: node.id, weightName: node.weights[0].name }
          : { kind: 'error', reason: `${node.id} holds no values` };
      return { kind: 'tap', nodeId: node.id };
  }
}

function argmax(values: ArrayLike<number>): number {
  let best = -1;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v > max) {
      max = v;
      best = i;
    }
  }
  return best;
}

/** A statistic of live values (`shape` is the frame's shape; top1/argmax read its first example). */
export function statOf(
  stat: LiveValueRef['stat'],
  values: ArrayLike<number>,
  shape: readonly number[],
  labels: readonly string[] | null,
): LiveValue {
  if (stat === 'top1' || stat === 'argmax') {
    const example = firstExample([...shape], Float32Array.from(values));
    const index = argmax(example);
    if (index < 0) return null;
    return stat === 'argmax' ? index : (labels?.[index] ?? `class ${index}`);
  }
  let n = 0;
  let sum = 0;
  let sumSq = 0;
  let min = Infinity;
  let max = -Infinity;
  let zeros = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) continue;
    n++;
    sum += v;
    sumSq += v * v;
    if (v < min) min = v;
    if (v > max) max = v;
    if (v === 0) zeros++;
  }
  if (n === 0) return null;
  const mean = sum / n;
  switch (stat) {
    case 'mean':
      return mean;
    case 'max':
      return max;
    case 'min':
      return min;
    case 'std':
      return Math.sqrt(Math.max(0, sumSq / n - mean * mean));
    case 'sparsity':
      return zeros / n;
    case 'norm':
      return Math.sqrt(sumSq);
    default:
      return null;
  }
}

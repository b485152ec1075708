// Which live view suits a node, and what to ask the hook for: feature maps for images of values, bars for vectors,
// top-k for probabilities. The frame's own shape has the last word (graph ops may not know theirs before a run).

import { t } from '../../../extension/ui/i18n';
import type { ModelGraph, ModelNode, Shape } from '../../../model/model-graph';
import type { Reduction, TapRequest } from '../../../protocol/bridge';

export type ViewKind = 'maps' | 'bars' | 'probabilities';

/** Values a frame may carry before we ask the hook to thin it out (the hook caps frames at 65,536 values too). */
export const FULL_FRAME_VALUES = 65_536;

export function isProbabilities(node: ModelNode): boolean {
  if (/^(softmax|logsoftmax)$/i.test(node.op)) return true;
  if (node.attrs.activation === 'softmax') return true;
  const fused = node.attrs.fused_ops;
  return Array.isArray(fused) && fused.some((f) => typeof f === 'string' && /softmax/i.test(f));
}

/** The view for a frame of this shape from this node. */
export function kindOf(shape: number[], node: ModelNode): ViewKind {
  if (shape.length >= 3) return 'maps';
  return isProbabilities(node) ? 'probabilities' : 'bars';
}

function size(shape: Shape | null): number | null {
  if (!shape || shape.some((d) => d === null)) return null;
  return (shape as number[]).reduce((a, b) => a * b, 1);
}

/** What to tap for a node, or null when it has no live values to show (constants: see its weights instead). */
export function tapFor(node: ModelNode, graph: ModelGraph): TapRequest | null {
  if (node.category === 'const') return null;
  if (!graph.nodes.includes(node)) return null;
  const n = size(node.outputShape?.map((d, i) => (i === 0 && d === null ? 1 : d)) ?? null);
  const reduction: Reduction = n !== null && n <= FULL_FRAME_VALUES ? 'none' : 'downsample';
  return { nodeId: node.id, reduction };
}

/** Class labels, when known (packs will supply them); numbered otherwise. */
export function labelOf(index: number, labels: readonly string[] | null): string {
  return labels?.[index] ?? t('classN', index);
}

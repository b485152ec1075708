// Which nodes a comparison reads (pure): the model's computing nodes in order (no inputs, no constants, no layers of
// a nested model), at most MAX_COMPARE of them spread evenly, always keeping the last.

import type { ModelGraph } from '../../../model/model-graph';

export const MAX_COMPARE = 120;

export function compareNodes(graph: Pick<ModelGraph, 'nodes' | 'outputs'>, max = MAX_COMPARE): string[] {
  const all = graph.nodes
    .filter((n) => (n.category === 'layer' || n.category === 'op') && n.attrs['nestedIn'] === undefined)
    .sort((a, b) => a.index - b.index)
    .map((n) => n.id);
  if (all.length <= max) return all;
  const out: string[] = [];
  for (let i = 0; i < max; i++) out.push(all[Math.round((i * (all.length - 1)) / (max - 1))]!);
  return [...new Set(out)];
}

// The group ids the diagram draws for a graph (name scopes, numbered blocks, nested models), for resolving a pack's
// diagram anchors against what the reader will see. Computed once per graph.

import type { ModelGraph } from '../../../model/model-graph';
import { groupGraph } from '../diagram/grouping';

const cache = new WeakMap<ModelGraph, ReadonlySet<string>>();

export function diagramGroupIds(graph: ModelGraph): ReadonlySet<string> {
  let ids = cache.get(graph);
  if (!ids) {
    ids = new Set(groupGraph(graph).groups.keys());
    cache.set(graph, ids);
  }
  return ids;
}

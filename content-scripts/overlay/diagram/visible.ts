// The diagram as drawn for one set of expanded groups: which nodes and collapsed groups show, inside which open
// groups, and the edges between them (an edge into or out of a closed group is drawn to the group). Pure.

import type { Shape } from '../../../model/model-graph';
import type { Grouping } from './grouping';

export type ItemKind = 'node' | 'group';

export interface VisibleItem {
  kind: ItemKind;
  /** Node id or group id. */
  id: string;
  /** The open group it is drawn inside (null: top level). */
  parent: string | null;
}

export interface VisibleEdge {
  from: string;
  to: string;
  /** Output shape of the node the edge leaves (the first, when several edges were merged into one). */
  shape: Shape | null;
  /** How many node-to-node edges this drawn edge stands for. */
  count: number;
}

export interface VisibleGraph {
  items: VisibleItem[];
  /** Open groups, drawn as frames around their items. */
  open: { id: string; parent: string | null }[];
  edges: VisibleEdge[];
  /** The drawn item that stands for each node: itself, or its outermost closed group. */
  itemOf: Map<string, string>;
}

/** Drawn items at most when the diagram first opens: groups open widest-first while everything stays under this. */
export const FIRST_VIEW_ITEMS = 40;

export function visibleGraph(grouping: Grouping, expanded: ReadonlySet<string>): VisibleGraph {
  const items: VisibleItem[] = [];
  const open: VisibleGraph['open'] = [];
  const walk = (level: { groups: string[]; nodes: string[] }, parent: string | null) => {
    for (const id of level.nodes) items.push({ kind: 'node', id, parent });
    for (const id of level.groups) {
      const group = grouping.groups.get(id)!;
      if (expanded.has(id)) {
        open.push({ id, parent });
        walk(group, id);
      } else items.push({ kind: 'group', id, parent });
    }
  };
  walk(grouping.top, null);
  const itemOf = new Map<string, string>();
  for (const [id, chain] of grouping.ancestors) {
    const closed = chain.find((g) => !expanded.has(g));
    itemOf.set(id, closed ?? id);
  }
  const edges = new Map<string, VisibleEdge>();
  for (const node of grouping.nodes.values()) {
    const to = itemOf.get(node.id)!;
    for (const input of node.inputs) {
      const from = itemOf.get(input);
      if (from === undefined || from === to) continue;
      const key = `${from}\u0000${to}`;
      const seen = edges.get(key);
      if (seen) seen.count++;
      else edges.set(key, { from, to, shape: grouping.nodes.get(input)!.outputShape, count: 1 });
    }
  }
  return { items, open, edges: [...edges.values()], itemOf };
}

/** The groups open at first: widest first, each only while the drawn items stay within `limit`; repeats closed. */
export function firstExpansion(grouping: Grouping, limit = FIRST_VIEW_ITEMS): Set<string> {
  const expanded = new Set<string>();
  let count = grouping.top.nodes.length + grouping.top.groups.length;
  const queue = [...grouping.top.groups];
  while (queue.length > 0) {
    queue.sort((a, b) => grouping.groups.get(b)!.size - grouping.groups.get(a)!.size);
    const id = queue.shift()!;
    const g = grouping.groups.get(id)!;
    // Repeated blocks stay closed together (13 closed blocks read better than 3 open and 10 closed).
    if (g.repeat) continue;
    const after = count - 1 + g.nodes.length + g.groups.length;
    // A wrapper around nearly everything (a model's outer scope) opens even when what it holds is a little over.
    if (after > limit && !(count <= 3 && after <= 2 * limit)) continue;
    expanded.add(id);
    count = after;
    queue.push(...g.groups);
  }
  return expanded;
}

/** Groups to open so that every node in `ids` is drawn as itself. */
export function expansionFor(
  grouping: Grouping,
  ids: readonly string[],
  expanded: ReadonlySet<string>,
): Set<string> {
  const next = new Set(expanded);
  for (const id of ids) {
    const group = grouping.groups.get(id);
    const chain = group ? ancestorsOfGroup(grouping, id) : grouping.ancestors.get(id);
    for (const g of chain ?? []) next.add(g);
  }
  return next;
}

/** Outermost-first ancestors of a group (not itself). */
export function ancestorsOfGroup(grouping: Grouping, id: string): string[] {
  const chain: string[] = [];
  let parent = grouping.groups.get(id)?.parent ?? null;
  while (parent !== null) {
    chain.unshift(parent);
    parent = grouping.groups.get(parent)?.parent ?? null;
  }
  return chain;
}

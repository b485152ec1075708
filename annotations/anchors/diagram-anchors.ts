// Resolving diagram selectors (one node, a few nodes, or a group of the diagram) against a ModelGraph. The diagram's
// groups are the overlay's to compute: it passes their ids; without them (the CLI) a group must be a name scope some
// node id lies under. Whatever matches nothing is an orphan with the closest names, never a guess.
import type { ModelGraph } from '../../model/model-graph';
import type { DiagramSelector } from '../format/types';
import { closest } from '../format/suggest';

export type DiagramAnchor =
  | {
      status: 'resolved';
      graphId: string;
      /** What to mark and frame: node ids, or the one group id. */
      ids: string[];
      kind: 'node' | 'nodes' | 'group';
      /** Human-readable: "conv1", "3 nodes: conv1, pool1, conv2", "group MobilenetV1/Conv2d_3". */
      description: string;
    }
  | { status: 'orphan'; reason: string };

/** Name scopes of a graph's node ids: every proper prefix ending at a '/' ("a/b/c" → "a", "a/b"). */
export function nameScopes(graph: ModelGraph): Set<string> {
  const scopes = new Set<string>();
  for (const node of graph.nodes) {
    const parts = node.id.split('/');
    for (let i = 1; i < parts.length; i++) scopes.add(parts.slice(0, i).join('/'));
  }
  return scopes;
}

function missingNode(name: string, ids: readonly string[]): string {
  const near = closest(name, ids, 3);
  return `no node named ${name}${near.length > 0 ? `; closest: ${near.join(', ')}` : ''}`;
}

/** Resolves a selector against one graph; `groups` are the diagram's group ids (name scopes when not given). */
export function resolveDiagramSelector(
  selector: DiagramSelector,
  graph: ModelGraph,
  groups?: ReadonlySet<string>,
): DiagramAnchor {
  const ids = graph.nodes.map((n) => n.id);
  const known = new Set(ids);
  if (selector.node !== undefined) {
    if (!known.has(selector.node)) return { status: 'orphan', reason: missingNode(selector.node, ids) };
    return {
      status: 'resolved',
      graphId: graph.id,
      ids: [selector.node],
      kind: 'node',
      description: selector.node,
    };
  }
  if (selector.nodes !== undefined) {
    const missing = selector.nodes.filter((n) => !known.has(n));
    if (missing.length > 0) return { status: 'orphan', reason: missingNode(missing[0]!, ids) };
    const unique = [...new Set(selector.nodes)];
    const shown = unique.slice(0, 3).join(', ') + (unique.length > 3 ? ', …' : '');
    return {
      status: 'resolved',
      graphId: graph.id,
      ids: unique,
      kind: 'nodes',
      description: `${unique.length} nodes: ${shown}`,
    };
  }
  if (selector.group !== undefined) {
    const available = groups ?? nameScopes(graph);
    if (!available.has(selector.group)) {
      const near = closest(selector.group, [...available], 3);
      return {
        status: 'orphan',
        reason: `no group ${selector.group} in the diagram${near.length > 0 ? `; closest: ${near.join(', ')}` : ''}`,
      };
    }
    return {
      status: 'resolved',
      graphId: graph.id,
      ids: [selector.group],
      kind: 'group',
      description: `group ${selector.group}`,
    };
  }
  return { status: 'orphan', reason: 'the selector names no node, nodes or group' };
}

/** Resolves a selector through the pack's aliases, as model selectors do. */
export function resolveDiagramAnchor(
  selector: DiagramSelector,
  graphs: ReadonlyMap<string, ModelGraph>,
  defaultAlias?: string,
  groupsOf?: (graph: ModelGraph) => ReadonlySet<string>,
): DiagramAnchor {
  const alias = selector.model ?? defaultAlias;
  if (alias === undefined)
    return { status: 'orphan', reason: 'the selector names no model and the pack targets several' };
  const graph = graphs.get(alias);
  if (!graph) return { status: 'orphan', reason: `model '${alias}' is not bound to a model on this page` };
  return resolveDiagramSelector(selector, graph, groupsOf?.(graph));
}

// The outline's rows for one model: constants folded into the ops that read them (unless asked for), nesting
// depth, a search over name, op and glossary title, and a page limit for graphs with hundreds of nodes. Pure.

import type { ModelGraph, ModelNode, Shape } from '../../../model/model-graph';
import { lookupOp } from '../glossary/lookup';

export interface OutlineRow {
  node: ModelNode;
  /** Nesting depth (layers inside a nested model are indented under it). */
  depth: number;
  /** Const nodes this node reads, folded into its row while constants are hidden. */
  constants: ModelNode[];
}

export interface OutlineOptions {
  query: string;
  showConstants: boolean;
}

export const PAGE_SIZE = 100;

function depthOf(node: ModelNode, byId: Map<string, ModelNode>): number {
  let depth = 0;
  let parent = node.attrs.nestedIn;
  const seen = new Set<string>();
  while (typeof parent === 'string' && !seen.has(parent) && depth < 16) {
    seen.add(parent);
    depth++;
    parent = byId.get(parent)?.attrs.nestedIn;
  }
  return depth;
}

/** Lower-case search terms; every term must match. */
export function searchTerms(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter(Boolean);
}

export function matches(node: ModelNode, terms: string[], kind: ModelGraph['kind']): boolean {
  if (terms.length === 0) return true;
  const hay = `${node.id} ${node.op} ${lookupOp(node.op, kind)?.title ?? ''}`.toLowerCase();
  return terms.every((t) => hay.includes(t));
}

export function outlineRows(graph: ModelGraph, options: OutlineOptions): OutlineRow[] {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const terms = searchTerms(options.query);
  const rows: OutlineRow[] = [];
  for (const node of graph.nodes) {
    if (node.category === 'const' && !options.showConstants) continue;
    if (!matches(node, terms, graph.kind)) continue;
    const constants = options.showConstants
      ? []
      : node.inputs.map((id) => byId.get(id)).filter((n): n is ModelNode => n?.category === 'const');
    rows.push({ node, depth: depthOf(node, byId), constants });
  }
  return rows;
}

export function constantCount(graph: ModelGraph): number {
  return graph.nodes.reduce((n, node) => n + (node.category === 'const' ? 1 : 0), 0);
}

/** Params a row stands for: its own, plus those of the constants folded into it (graph weights live in Consts). */
export function rowParams(row: OutlineRow): number {
  return row.node.params + row.constants.reduce((n, c) => n + c.params, 0);
}

/** '28 × 28 × 8' for [null, 28, 28, 8]: the free batch dimension is left out; other free ones show as '?'. */
export function formatShape(shape: Shape | null, keepBatch = false): string {
  if (!shape) return '—';
  const dims = !keepBatch && shape.length > 1 && shape[0] === null ? shape.slice(1) : shape;
  if (dims.length === 0) return 'scalar';
  // Narrow no-break spaces keep '28 × 28 × 8' together and compact.
  return dims.map((d) => (d === null ? '?' : String(d))).join('\u202f×\u202f');
}

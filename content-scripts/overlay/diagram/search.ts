// Search over the diagram's nodes: every term must appear in the full name, the human name or the op. Pure.

import type { Grouping } from './grouping';
import { humanName } from './names';

export function searchDiagram(grouping: Grouping, query: string): string[] {
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return [];
  const out: string[] = [];
  for (const node of grouping.nodes.values()) {
    const hay = `${node.id} ${humanName(node.id)} ${node.op}`.toLowerCase();
    if (terms.every((t) => hay.includes(t))) out.push(node.id);
  }
  return out;
}

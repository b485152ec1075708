// What the diagram says in words: each item's accessible name (name, op, shape, parameters, where its edges go),
// group titles, and the text alternative of the whole picture. Pure.

import type { ModelGraph, ModelNode } from '../../../model/model-graph';
import { formatShape } from '../outline/outline-rows';
import type { DiagramGroup, Grouping } from './grouping';
import { humanName } from './names';
import { KINDS, opKind } from './op-kinds';
import type { VisibleGraph } from './visible';

export function formatCount(n: number): string {
  if (n >= 1e6) return `${(n / 1e6).toFixed(n >= 1e7 ? 0 : 1)}M`;
  if (n >= 1e4) return `${Math.round(n / 1e3)}k`;
  return n.toLocaleString('en');
}

export function paramsText(n: number): string {
  return n === 0 ? 'no parameters' : `${formatCount(n)} ${n === 1 ? 'parameter' : 'parameters'}`;
}

export function groupTitle(group: DiagramGroup): string {
  return group.repeat ? `${group.label} (${group.repeat.index} of ${group.repeat.of} alike)` : group.label;
}

/** The readable name of a drawn item: a node's human name, or a group's title. */
export function itemName(grouping: Grouping, id: string): string {
  const group = grouping.groups.get(id);
  if (group) return groupTitle(group);
  return humanName(id);
}

function neighbours(grouping: Grouping, view: VisibleGraph, id: string): string {
  const into = view.edges.filter((e) => e.to === id).map((e) => itemName(grouping, e.from));
  const out = view.edges.filter((e) => e.from === id).map((e) => itemName(grouping, e.to));
  const list = (names: string[]) =>
    names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', ');
  return [into.length ? `from ${list(into)}` : '', out.length ? `to ${list(out)}` : '']
    .filter(Boolean)
    .join('; ');
}

export function nodeLabel(grouping: Grouping, view: VisibleGraph, node: ModelNode): string {
  const kind = KINDS.find((k) => k.kind === opKind(node))!.label;
  const shape = node.outputShape
    ? `output ${formatShape(node.outputShape).replace(/\u202f/g, ' ')}`
    : 'output shape not known yet';
  const parts = [
    humanName(node.id),
    `${node.op} (${kind.toLowerCase()})`,
    shape,
    paramsText(grouping.params.get(node.id) ?? 0),
  ];
  const links = neighbours(grouping, view, node.id);
  if (links) parts.push(links);
  return parts.join(', ');
}

export function groupLabel(grouping: Grouping, view: VisibleGraph, group: DiagramGroup): string {
  const parts = [
    `Group ${groupTitle(group)}`,
    `${group.size} ${group.size === 1 ? 'op' : 'ops'}`,
    paramsText(group.params),
  ];
  const links = neighbours(grouping, view, group.id);
  if (links) parts.push(links);
  return parts.join(', ');
}

/** Accessible names of every drawn item, by id. */
export function describeNodes(grouping: Grouping, view: VisibleGraph): Map<string, string> {
  const out = new Map<string, string>();
  for (const item of view.items) {
    const group = grouping.groups.get(item.id);
    const node = grouping.nodes.get(item.id);
    if (item.kind === 'group' && group) out.set(item.id, groupLabel(grouping, view, group));
    else if (node) out.set(item.id, nodeLabel(grouping, view, node));
  }
  return out;
}

/** The text alternative of the picture: its size, groups, inputs and outputs. */
export function diagramSummary(graph: ModelGraph, grouping: Grouping, view: VisibleGraph): string {
  const closed = view.items.filter((i) => i.kind === 'group').length;
  const nodes = view.items.length - closed;
  const ins = graph.inputs
    .map((t) => `${t.name} (${formatShape(t.shape).replace(/\u202f/g, ' ')})`)
    .join(', ');
  const outs = graph.outputs
    .map((t) => `${t.name} (${formatShape(t.shape).replace(/\u202f/g, ' ')})`)
    .join(', ');
  return [
    `Diagram of ${grouping.nodes.size} ${graph.kind === 'layers' ? 'layers' : 'ops'} (constants folded into the ops that read them)`,
    `${grouping.groups.size} groups by name scope and repeated block; ${nodes} items drawn and ${closed} closed groups`,
    ins ? `inputs: ${ins}` : '',
    outs ? `outputs: ${outs}` : '',
    'Arrow keys follow the edges: down to what an item feeds, up to what feeds it, left and right to its neighbours; Enter opens a layer or a group.',
  ]
    .filter(Boolean)
    .join('. ');
}

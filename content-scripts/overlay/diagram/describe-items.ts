// What the diagram says in words: each item's accessible name (name, op, shape, parameters, where its edges go),
// group titles, and the text alternative of the whole picture. Pure.

import { t, tn } from '../../../extension/ui/i18n';
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
  return n === 0 ? t('dgNoParams') : t(n === 1 ? 'dgParams_one' : 'dgParams_other', formatCount(n));
}

export function groupTitle(group: DiagramGroup): string {
  return group.repeat ? t('dgRepeat', group.label, group.repeat.index, group.repeat.of) : group.label;
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
    names.length > 3 ? t('dgAndMore', names.slice(0, 3).join(', '), names.length - 3) : names.join(', ');
  return [into.length ? t('dgFrom', list(into)) : '', out.length ? t('dgTo', list(out)) : '']
    .filter(Boolean)
    .join('; ');
}

export function nodeLabel(grouping: Grouping, view: VisibleGraph, node: ModelNode): string {
  const kind = t(KINDS.find((k) => k.kind === opKind(node))!.label);
  const shape = node.outputShape
    ? t('dgOutput', formatShape(node.outputShape).replace(/\u202f/g, ' '))
    : t('dgOutputUnknown');
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
  const parts = [t('dgGroup', groupTitle(group)), tn('dgOps', group.size), paramsText(group.params)];
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
    t(graph.kind === 'layers' ? 'dgSummaryLayers' : 'dgSummaryOps', grouping.nodes.size),
    t('dgSummaryGroups', grouping.groups.size, nodes, closed),
    ins ? t('dgInputs', ins) : '',
    outs ? t('dgOutputs', outs) : '',
    t('dgKeys'),
  ]
    .filter(Boolean)
    .join('. ');
}

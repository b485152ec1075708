// Groups a ModelGraph for the diagram: constants folded into the ops that read them, nodes gathered by name scope
// ('MobilenetV1/Conv2d_3_depthwise/…'), numbered blocks ('Conv2d_3_depthwise' + 'Conv2d_3_pointwise' → block
// 'Conv2d_3'; layers 'conv_dw_1', 'conv_pw_1_bn' → block 1), nested models; repeats of one block marked. Pure.

import type { ModelGraph, ModelNode } from '../../../model/model-graph';
import { scopeSegments, splitBlock } from './names';

export interface DiagramGroup {
  /** Stable id: the scope path ('MobilenetV1/Conv2d_3'), the same on every load of the model. */
  id: string;
  label: string;
  parent: string | null;
  groups: string[];
  nodes: string[];
  /** Nodes under it, at any depth. */
  size: number;
  params: number;
  /** Same signature, same structure: repeats of one block. */
  signature: string;
  repeat: { index: number; of: number } | null;
}

export interface Grouping {
  groups: Map<string, DiagramGroup>;
  top: { groups: string[]; nodes: string[] };
  /** Every drawn node (constants are not drawn: they are folded into their readers). */
  nodes: Map<string, ModelNode>;
  /** Ancestor groups of each drawn node, outermost first. */
  ancestors: Map<string, string[]>;
  /** Parameters of a drawn node: its own plus those of the constants it reads. */
  params: Map<string, number>;
}

interface Trie {
  path: string;
  label: string;
  children: Map<string, Trie>;
  nodes: string[];
}

const LAYER_BLOCK = /^(.*?)_(\d+)(?:_.*)?$/;

/** Scope path of a layer: its nested models, then its numbered block when the model repeats one. */
function layerScopes(node: ModelNode, byId: Map<string, ModelNode>, blocks: Set<string>): string[] {
  const scopes: string[] = [];
  let parent = node.attrs.nestedIn;
  const seen = new Set<string>();
  while (typeof parent === 'string' && !seen.has(parent) && scopes.length < 16) {
    seen.add(parent);
    scopes.unshift(parent);
    parent = byId.get(parent)?.attrs.nestedIn;
  }
  const m = LAYER_BLOCK.exec(node.id);
  if (m && blocks.has(blockKey(node, m[2]!))) scopes.push(`block ${m[2]}`);
  return scopes;
}

/** Scope path of a graph op: its name scopes, a numbered scope split into its block and the block's part. */
function graphScopes(node: ModelNode): string[] {
  const scopes: string[] = [];
  for (const segment of scopeSegments(node.id).slice(0, -1))
    scopes.push(...(splitBlock(segment) ?? [segment]));
  return scopes;
}

function blockKey(node: ModelNode, n: string): string {
  return `${typeof node.attrs.nestedIn === 'string' ? node.attrs.nestedIn : ''}#${n}`;
}

/**
 * Numbered layer blocks that repeat: the layers numbered N ('conv_dw_3', 'conv_dw_3_bn', 'conv_pw_3' …) form block N
 * when there are at least three of them and another number has the same names around it (so 'lstm_1' beside
 * 'dense_1' stays apart).
 */
function repeatedLayerBlocks(nodes: ModelNode[]): Set<string> {
  const names = new Map<string, string[]>();
  for (const node of nodes) {
    const m = node.category === 'input' ? null : LAYER_BLOCK.exec(node.id);
    if (!m) continue;
    const key = blockKey(node, m[2]!);
    names.set(key, [...(names.get(key) ?? []), node.id.replace(`_${m[2]}`, '_#')]);
  }
  const shapes = new Map<string, number>();
  const shapeOf = (list: string[]) => [...list].sort().join(',');
  for (const list of names.values()) shapes.set(shapeOf(list), (shapes.get(shapeOf(list)) ?? 0) + 1);
  const out = new Set<string>();
  for (const [key, list] of names)
    if (list.length >= 3 && (shapes.get(shapeOf(list)) ?? 0) >= 2) out.add(key);
  return out;
}

function makeTrie(path: string, label: string): Trie {
  return { path, label, children: new Map(), nodes: [] };
}

export function groupGraph(graph: ModelGraph): Grouping {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const nodes = new Map<string, ModelNode>();
  const params = new Map<string, number>();
  for (const node of graph.nodes) {
    if (node.category === 'const') continue;
    nodes.set(node.id, node);
    let p = node.params;
    for (const id of node.inputs) if (byId.get(id)?.category === 'const') p += byId.get(id)!.params;
    params.set(node.id, p);
  }
  const layered = graph.kind === 'layers' && ![...nodes.keys()].some((id) => id.includes('/'));
  const blocks = layered ? repeatedLayerBlocks([...nodes.values()]) : new Set<string>();
  const root = makeTrie('', '');
  for (const node of nodes.values()) {
    const scopes =
      node.category === 'input' ? [] : layered ? layerScopes(node, byId, blocks) : graphScopes(node);
    let at = root;
    for (const scope of scopes) {
      let next = at.children.get(scope);
      if (!next) at.children.set(scope, (next = makeTrie(at.path ? `${at.path}/${scope}` : scope, scope)));
      at = next;
    }
    at.nodes.push(node.id);
  }
  const groups = new Map<string, DiagramGroup>();
  const ancestors = new Map<string, string[]>();
  const top = place(root, null, [], { groups, ancestors, params, nodes });
  markRepeats(groups, top.groups);
  for (const g of groups.values()) markRepeats(groups, g.groups);
  return { groups, top, nodes, ancestors, params };
}

interface Sink {
  groups: Map<string, DiagramGroup>;
  ancestors: Map<string, string[]>;
  params: Map<string, number>;
  nodes: Map<string, ModelNode>;
}

/** Turns a trie level into groups: one-node scopes dissolve into their parent, one-child chains merge. */
function place(
  trie: Trie,
  parent: string | null,
  chain: string[],
  sink: Sink,
): { groups: string[]; nodes: string[] } {
  const out = { groups: [] as string[], nodes: [...trie.nodes] };
  for (const node of trie.nodes) sink.ancestors.set(node, chain);
  for (let child of trie.children.values()) {
    let label = child.label;
    while (child.nodes.length === 0 && child.children.size === 1) {
      child = [...child.children.values()][0]!;
      label = `${label} · ${child.label}`;
    }
    if (child.nodes.length + child.children.size <= 1 && countNodes(child) <= 1) {
      const inner = place(child, parent, chain, sink);
      out.nodes.push(...inner.nodes);
      out.groups.push(...inner.groups);
      continue;
    }
    const group: DiagramGroup = {
      id: child.path,
      label,
      parent,
      groups: [],
      nodes: [],
      size: 0,
      params: 0,
      signature: '',
      repeat: null,
    };
    sink.groups.set(group.id, group);
    const inner = place(child, group.id, [...chain, group.id], sink);
    group.groups = inner.groups;
    group.nodes = inner.nodes;
    group.size = inner.nodes.length + inner.groups.reduce((n, g) => n + sink.groups.get(g)!.size, 0);
    group.params =
      inner.nodes.reduce((n, id) => n + (sink.params.get(id) ?? 0), 0) +
      inner.groups.reduce((n, g) => n + sink.groups.get(g)!.params, 0);
    const ops = inner.nodes.map((id) => sink.nodes.get(id)!.op).sort();
    const subs = inner.groups.map((g) => sink.groups.get(g)!.signature).sort();
    group.signature = `${ops.join(',')}[${subs.join(';')}]`;
    out.groups.push(group.id);
  }
  return out;
}

function countNodes(trie: Trie): number {
  let n = trie.nodes.length;
  for (const child of trie.children.values()) n += countNodes(child);
  return n;
}

/** Sibling groups of one structure are repeats: 'block 3 of 13'. */
function markRepeats(groups: Map<string, DiagramGroup>, siblings: string[]): void {
  const bySignature = new Map<string, DiagramGroup[]>();
  for (const id of siblings) {
    const g = groups.get(id)!;
    bySignature.set(g.signature, [...(bySignature.get(g.signature) ?? []), g]);
  }
  for (const same of bySignature.values()) {
    if (same.length < 2) continue;
    same.forEach((g, i) => (g.repeat = { index: i + 1, of: same.length }));
  }
}

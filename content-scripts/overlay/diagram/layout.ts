// Places the drawn diagram with dagre (a maintained layered-graph layout), one open group at a time: each group's
// own items (nodes, closed groups, open groups already placed inside) are laid out by dagre as a small flat graph,
// then the group's box takes part in its parent's layout. dagre's own compound layout takes seconds on MobileNet.
// Edges inside one level follow dagre's routes; edges that cross a group's frame are drawn as curves. Pure.

import dagre from '@dagrejs/dagre';
import type { VisibleGraph } from './visible';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedEdge {
  from: string;
  to: string;
  /** A polyline (dagre's route) or, for an edge that crosses a frame, its two ends (drawn as a curve). */
  points: { x: number; y: number }[];
  curved: boolean;
  /** Where the shape label goes (its left middle), when the edge has one. */
  label: { x: number; y: number } | null;
}

export interface DiagramLayout {
  /** Top-left boxes of drawn items (nodes and closed groups) by id. */
  items: Map<string, Box>;
  /** Frames of open groups by id. */
  frames: Map<string, Box>;
  edges: PlacedEdge[];
  width: number;
  height: number;
}

export const SIZES = {
  node: { width: 176, height: 64 },
  group: { width: 188, height: 56 },
  label: { width: 76, height: 14 },
  /** Room inside a frame: around its content, and above it for the title. */
  pad: 10,
  title: 26,
  margin: 16,
} as const;

interface Level {
  width: number;
  height: number;
  /** Positions of the level's children relative to the level's top-left. */
  boxes: Map<string, Box>;
  edges: {
    from: string;
    to: string;
    points: { x: number; y: number }[];
    label: { x: number; y: number } | null;
  }[];
}

export function layoutDiagram(view: VisibleGraph): DiagramLayout {
  const children = new Map<string | null, { id: string; open: boolean }[]>();
  const add = (parent: string | null, id: string, open: boolean) =>
    children.set(parent, [...(children.get(parent) ?? []), { id, open }]);
  for (const item of view.items) add(item.parent, item.id, false);
  const parentOf = new Map<string, string | null>();
  for (const frame of view.open) {
    add(frame.parent, frame.id, true);
    parentOf.set(frame.id, frame.parent);
  }
  for (const item of view.items) parentOf.set(item.id, item.parent);
  const chain = (id: string): string[] => {
    const out = [id];
    let p = parentOf.get(id) ?? null;
    while (p !== null) {
      out.unshift(p);
      p = parentOf.get(p) ?? null;
    }
    return out;
  };
  // Each edge is laid out at the level where its two ends' frames part.
  const levelEdges = new Map<string | null, Map<string, { from: string; to: string; label: boolean }>>();
  const direct = new Set<string>();
  for (const edge of view.edges) {
    const a = chain(edge.from);
    const b = chain(edge.to);
    let k = 0;
    while (k < a.length - 1 && k < b.length - 1 && a[k] === b[k]) k++;
    const level = k === 0 ? null : a[k - 1]!;
    const from = a[k]!;
    const to = b[k]!;
    if (from === to) continue;
    const isDirect = from === edge.from && to === edge.to;
    if (isDirect) direct.add(`${from}\u0000${to}`);
    const map = levelEdges.get(level) ?? new Map();
    levelEdges.set(level, map);
    const key = `${from}\u0000${to}`;
    map.set(key, { from, to, label: (map.get(key)?.label ?? false) || (isDirect && edge.shape !== null) });
  }
  const kindOf = new Map(view.items.map((i) => [i.id, i.kind]));
  const levels = new Map<string | null, Level>();
  const place = (parent: string | null): Level => {
    const g = new dagre.graphlib.Graph();
    g.setGraph({ rankdir: 'TB', nodesep: 18, ranksep: 24, edgesep: 8, marginx: 0, marginy: 0 });
    g.setDefaultEdgeLabel(() => ({}));
    for (const child of children.get(parent) ?? []) {
      if (child.open) {
        const inner = place(child.id);
        g.setNode(child.id, {
          width: inner.width + 2 * SIZES.pad,
          height: inner.height + SIZES.pad + SIZES.title,
        });
      } else g.setNode(child.id, { ...(kindOf.get(child.id) === 'group' ? SIZES.group : SIZES.node) });
    }
    for (const e of levelEdges.get(parent)?.values() ?? [])
      g.setEdge(e.from, e.to, e.label ? { ...SIZES.label, labelpos: 'r', labeloffset: 4 } : {});
    dagre.layout(g);
    const boxes = new Map<string, Box>();
    for (const id of g.nodes()) {
      const n = g.node(id);
      boxes.set(id, {
        x: (n.x ?? 0) - n.width / 2,
        y: (n.y ?? 0) - n.height / 2,
        width: n.width,
        height: n.height,
      });
    }
    const edges = [...(levelEdges.get(parent)?.values() ?? [])].map((e) => {
      const label = g.edge(e.from, e.to);
      return {
        from: e.from,
        to: e.to,
        points: ((label?.points ?? []) as { x: number; y: number }[]).map((p) => ({ x: p.x, y: p.y })),
        label:
          e.label && label && typeof label.x === 'number'
            ? { x: label.x - SIZES.label.width / 2, y: label.y ?? 0 }
            : null,
      };
    });
    const level = normalized(boxes, edges);
    levels.set(parent, level);
    return level;
  };
  const root = place(null);
  return assemble(view, levels, children, direct, root);
}

/** Shifts a level so that its boxes, routes and labels start at 0, 0, and measures it. */
function normalized(boxes: Map<string, Box>, edges: Level['edges']): Level {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  const grow = (x: number, y: number, w = 0, h = 0) => {
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x + w);
    y1 = Math.max(y1, y + h);
  };
  for (const b of boxes.values()) grow(b.x, b.y, b.width, b.height);
  for (const e of edges) {
    for (const p of e.points) grow(p.x, p.y);
    if (e.label) grow(e.label.x, e.label.y - SIZES.label.height / 2, SIZES.label.width, SIZES.label.height);
  }
  if (x0 === Infinity) return { width: 0, height: 0, boxes, edges };
  for (const b of boxes.values()) {
    b.x -= x0;
    b.y -= y0;
  }
  for (const e of edges) {
    for (const p of e.points) {
      p.x -= x0;
      p.y -= y0;
    }
    if (e.label) e.label = { x: e.label.x - x0, y: e.label.y - y0 };
  }
  return { width: x1 - x0, height: y1 - y0, boxes, edges };
}

function assemble(
  view: VisibleGraph,
  levels: Map<string | null, Level>,
  children: Map<string | null, { id: string; open: boolean }[]>,
  direct: Set<string>,
  root: Level,
): DiagramLayout {
  const items = new Map<string, Box>();
  const frames = new Map<string, Box>();
  const edges: PlacedEdge[] = [];
  const offset = (parent: string | null, dx: number, dy: number) => {
    const level = levels.get(parent)!;
    for (const child of children.get(parent) ?? []) {
      const b = level.boxes.get(child.id)!;
      const box = { x: b.x + dx, y: b.y + dy, width: b.width, height: b.height };
      if (child.open) {
        frames.set(child.id, box);
        offset(child.id, box.x + SIZES.pad, box.y + SIZES.title);
      } else items.set(child.id, box);
    }
    for (const e of level.edges) {
      if (!direct.has(`${e.from}\u0000${e.to}`)) continue;
      edges.push({
        from: e.from,
        to: e.to,
        curved: false,
        points: e.points.map((p) => ({ x: p.x + dx, y: p.y + dy })),
        label: e.label ? { x: e.label.x + dx, y: e.label.y + dy } : null,
      });
    }
  };
  offset(null, SIZES.margin, SIZES.margin);
  for (const edge of view.edges) {
    if (direct.has(`${edge.from}\u0000${edge.to}`)) continue;
    const a = items.get(edge.from);
    const b = items.get(edge.to);
    if (!a || !b) continue;
    edges.push({
      from: edge.from,
      to: edge.to,
      curved: true,
      points: [
        { x: a.x + a.width / 2, y: a.y + a.height },
        { x: b.x + b.width / 2, y: b.y },
      ],
      label: null,
    });
  }
  return {
    items,
    frames,
    edges,
    width: root.width + 2 * SIZES.margin,
    height: root.height + 2 * SIZES.margin,
  };
}

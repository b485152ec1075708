// The diagram's drawing layer (SVG, hidden from screen readers: the item list says the same in words): open groups'
// frames, edges with arrowheads, the output shape on each edge, and the path to the chosen node lit.

import type { Grouping } from './grouping';
import type { DiagramLayout, PlacedEdge } from './layout';
import type { VisibleGraph } from './visible';
import { formatShape } from '../outline/outline-rows';

export interface EdgesProps {
  layout: DiagramLayout;
  view: VisibleGraph;
  grouping: Grouping;
  /** Items on the path from the inputs to the chosen node (empty: nothing lit). */
  path: ReadonlySet<string>;
  markerId: string;
}

function pathData(edge: PlacedEdge): string {
  const [first, ...rest] = edge.points;
  if (!first) return '';
  if (edge.curved && rest.length === 1) {
    const end = rest[0]!;
    const bend = Math.max(24, Math.abs(end.y - first.y) / 2);
    return `M${first.x},${first.y} C${first.x},${first.y + bend} ${end.x},${end.y - bend} ${end.x},${end.y}`;
  }
  return `M${first.x},${first.y}` + rest.map((p) => ` L${p.x},${p.y}`).join('');
}

export function DiagramEdges({ layout, view, grouping, path, markerId }: EdgesProps) {
  const shapes = new Map(view.edges.map((e) => [`${e.from}\u0000${e.to}`, e]));
  return (
    <svg
      class="dg-svg"
      width={layout.width}
      height={layout.height}
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      aria-hidden="true"
      focusable="false"
    >
      <defs>
        <marker
          id={markerId}
          viewBox="0 0 8 8"
          refX="7"
          refY="4"
          markerWidth="7"
          markerHeight="7"
          orient="auto"
        >
          <path d="M0,0 L8,4 L0,8 z" class="dg-arrow" />
        </marker>
      </defs>
      {[...layout.frames].map(([id, box]) => (
        <rect
          key={id}
          class="dg-frame"
          data-group-id={id}
          x={box.x}
          y={box.y}
          width={box.width}
          height={box.height}
          rx="10"
          data-repeat={grouping.groups.get(id)?.repeat ? 'yes' : undefined}
        />
      ))}
      {layout.edges.map((edge) => {
        const info = shapes.get(`${edge.from}\u0000${edge.to}`);
        const lit = path.size > 0 && path.has(edge.from) && path.has(edge.to);
        return (
          <g key={`${edge.from}\u0000${edge.to}`} class={lit ? 'dg-edge lit' : 'dg-edge'}>
            <path d={pathData(edge)} marker-end={`url(#${markerId})`} />
            {edge.label && info?.shape ? (
              <text x={edge.label.x} y={edge.label.y} dominant-baseline="middle" class="dg-shape">
                {formatShape(info.shape)}
                {info.count > 1 ? ` ×${info.count}` : ''}
              </text>
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}

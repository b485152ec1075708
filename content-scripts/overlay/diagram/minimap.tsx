// The minimap for big diagrams: every drawn item as a dot-sized box, the part in view as a frame; a click or drag
// there moves the view. A pointer aid only (hidden from screen readers: the keys reach every item).

import type { DiagramLayout } from './layout';
import type { Transform } from './view-box';

export interface MinimapProps {
  layout: DiagramLayout;
  transform: Transform;
  viewport: { width: number; height: number };
  onCenter(x: number, y: number): void;
}

export const MINIMAP = { width: 150, height: 110 } as const;

export function Minimap({ layout, transform, viewport, onCenter }: MinimapProps) {
  const scale = Math.min(
    MINIMAP.width / Math.max(1, layout.width),
    MINIMAP.height / Math.max(1, layout.height),
  );
  const move = (e: PointerEvent) => {
    const rect = (e.currentTarget as SVGElement).getBoundingClientRect();
    onCenter((e.clientX - rect.left) / scale, (e.clientY - rect.top) / scale);
  };
  return (
    <svg
      class="dg-minimap"
      width={layout.width * scale}
      height={layout.height * scale}
      aria-hidden="true"
      onPointerDown={(e) => {
        (e.currentTarget as SVGElement).setPointerCapture?.(e.pointerId);
        move(e);
      }}
      onPointerMove={(e) => {
        if (e.buttons & 1) move(e);
      }}
    >
      {[...layout.frames.values()].map((b, i) => (
        <rect
          key={`f${i}`}
          class="mm-frame"
          x={b.x * scale}
          y={b.y * scale}
          width={b.width * scale}
          height={b.height * scale}
        />
      ))}
      {[...layout.items.values()].map((b, i) => (
        <rect
          key={i}
          class="mm-item"
          x={b.x * scale}
          y={b.y * scale}
          width={Math.max(1, b.width * scale)}
          height={Math.max(1, b.height * scale)}
        />
      ))}
      <rect
        class="mm-view"
        x={(-transform.x / transform.k) * scale}
        y={(-transform.y / transform.k) * scale}
        width={(viewport.width / transform.k) * scale}
        height={(viewport.height / transform.k) * scale}
      />
    </svg>
  );
}

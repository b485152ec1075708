// The diagram viewport's own input, as native listeners (the wheel must be able to cancel the panel's scroll):
// keys from the items inside, drag on the background to pan, wheel to pan, Ctrl/⌘ + wheel (or a pinch) to zoom.

import { useEffect } from 'preact/hooks';
import { zoomAt, type Transform } from './view-box';

export interface ViewportInput {
  onKeyDown(e: KeyboardEvent): void;
  t: Transform;
  setTransform(t: Transform): void;
}

export function useViewportInput(
  viewport: { current: HTMLElement | null },
  input: { current: ViewportInput },
): void {
  useEffect(() => {
    const el = viewport.current;
    if (!el) return;
    let drag: { x: number; y: number; t: Transform } | null = null;
    const keydown = (e: KeyboardEvent) => input.current.onKeyDown(e);
    const wheel = (e: WheelEvent) => {
      e.preventDefault();
      const { t, setTransform } = input.current;
      const rect = el.getBoundingClientRect();
      if (e.ctrlKey || e.metaKey)
        setTransform(zoomAt(t, Math.exp(-e.deltaY / 300), e.clientX - rect.left, e.clientY - rect.top));
      else setTransform({ ...t, x: t.x - e.deltaX, y: t.y - e.deltaY });
    };
    const down = (e: PointerEvent) => {
      if ((e.target as Element).closest('button, input')) return;
      drag = { x: e.clientX, y: e.clientY, t: input.current.t };
      el.setPointerCapture?.(e.pointerId);
    };
    const move = (e: PointerEvent) => {
      if (drag)
        input.current.setTransform({
          ...drag.t,
          x: drag.t.x + e.clientX - drag.x,
          y: drag.t.y + e.clientY - drag.y,
        });
    };
    const up = () => (drag = null);
    el.addEventListener('keydown', keydown);
    el.addEventListener('wheel', wheel, { passive: false });
    el.addEventListener('pointerdown', down);
    el.addEventListener('pointermove', move);
    el.addEventListener('pointerup', up);
    el.addEventListener('pointercancel', up);
    return () => {
      el.removeEventListener('keydown', keydown);
      el.removeEventListener('wheel', wheel);
      el.removeEventListener('pointerdown', down);
      el.removeEventListener('pointermove', move);
      el.removeEventListener('pointerup', up);
      el.removeEventListener('pointercancel', up);
    };
  }, []);
}

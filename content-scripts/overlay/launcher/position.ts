// Where the launcher sits: offsets from the viewport's right and bottom edges (so the default corner survives
// resizes), kept inside the viewport. Pure; the launcher and its store apply and persist it.

export interface LauncherPosition {
  /** Distance from the viewport's right edge to the button's right edge, in CSS px. */
  right: number;
  /** Distance from the viewport's bottom edge to the button's bottom edge, in CSS px. */
  bottom: number;
}

export interface Size {
  width: number;
  height: number;
}

export const DEFAULT_POSITION: LauncherPosition = { right: 20, bottom: 20 };
/** The button never goes closer than this to an edge, so it can always be seen and grabbed. */
export const EDGE_MARGIN = 8;
export const KEY_STEP = 16;
export const KEY_STEP_LARGE = 64;

export function clampPosition(p: LauncherPosition, viewport: Size, button: Size): LauncherPosition {
  const maxRight = Math.max(EDGE_MARGIN, viewport.width - button.width - EDGE_MARGIN);
  const maxBottom = Math.max(EDGE_MARGIN, viewport.height - button.height - EDGE_MARGIN);
  const clamp = (v: number, max: number) => Math.round(Math.min(max, Math.max(EDGE_MARGIN, v)));
  return { right: clamp(p.right, maxRight), bottom: clamp(p.bottom, maxBottom) };
}

/** The position after dragging by (dx, dy) pixels (screen directions: +x right, +y down). */
export function dragBy(
  start: LauncherPosition,
  dx: number,
  dy: number,
  viewport: Size,
  button: Size,
): LauncherPosition {
  return clampPosition({ right: start.right - dx, bottom: start.bottom - dy }, viewport, button);
}

/** The move for an arrow key, or null for other keys. Shift moves further. */
export function keyMove(key: string, shift: boolean): { dx: number; dy: number } | null {
  const step = shift ? KEY_STEP_LARGE : KEY_STEP;
  switch (key) {
    case 'ArrowLeft':
      return { dx: -step, dy: 0 };
    case 'ArrowRight':
      return { dx: step, dy: 0 };
    case 'ArrowUp':
      return { dx: 0, dy: -step };
    case 'ArrowDown':
      return { dx: 0, dy: step };
    default:
      return null;
  }
}

/** A pointer that moved less than this between down and up was a click, not a drag. */
export const DRAG_THRESHOLD = 4;

export function isDrag(dx: number, dy: number): boolean {
  return Math.hypot(dx, dy) >= DRAG_THRESHOLD;
}

/** Reads a stored position; anything malformed (storage is shared with other code) gives null. */
export function parsePosition(v: unknown): LauncherPosition | null {
  if (typeof v !== 'object' || v === null) return null;
  const { right, bottom } = v as Record<string, unknown>;
  const ok = (n: unknown): n is number =>
    typeof n === 'number' && Number.isFinite(n) && n >= 0 && n < 100_000;
  return ok(right) && ok(bottom) ? { right, bottom } : null;
}

// Pan and zoom as plain numbers: the transform that fits a layout or frames a box in a viewport, zoom about a
// point, the smallest pan that brings a box into view, and which boxes are on screen. Pure.

import type { Box } from './layout';

export interface Transform {
  x: number;
  y: number;
  k: number;
}

export const ZOOM = { min: 0.1, max: 2.5, step: 1.25 } as const;

const clampK = (k: number) => Math.min(ZOOM.max, Math.max(ZOOM.min, k));

/** Shows `box` (layout coordinates) centred in a viewport of vw × vh, no larger than `maxK`. */
export function frameBox(box: Box, vw: number, vh: number, maxK = 1, pad = 16): Transform {
  const k = clampK(
    Math.min(maxK, (vw - 2 * pad) / Math.max(1, box.width), (vh - 2 * pad) / Math.max(1, box.height)),
  );
  return { k, x: vw / 2 - (box.x + box.width / 2) * k, y: vh / 2 - (box.y + box.height / 2) * k };
}

/** The whole layout, or its top when fitting it would make it unreadably small (then it is framed at `minReadable`). */
export function fitLayout(
  width: number,
  height: number,
  vw: number,
  vh: number,
  minReadable = 0.8,
): Transform {
  const whole = frameBox({ x: 0, y: 0, width, height }, vw, vh, 1, 8);
  if (whole.k >= minReadable) return whole;
  const k = clampK(Math.max(whole.k, Math.min(minReadable, vw / Math.max(1, width))));
  return { k, x: (vw - width * k) / 2, y: 8 };
}

export function zoomAt(t: Transform, factor: number, px: number, py: number): Transform {
  const k = clampK(t.k * factor);
  const f = k / t.k;
  return { k, x: px - (px - t.x) * f, y: py - (py - t.y) * f };
}

/** The least pan that shows `box` whole (with a margin); unchanged when it already shows. */
export function revealBox(t: Transform, box: Box, vw: number, vh: number, margin = 12): Transform {
  const left = box.x * t.k + t.x;
  const top = box.y * t.k + t.y;
  const right = left + box.width * t.k;
  const bottom = top + box.height * t.k;
  let x = t.x;
  let y = t.y;
  if (right > vw - margin) x -= right - (vw - margin);
  if (left + (x - t.x) < margin) x += margin - (left + (x - t.x));
  if (bottom > vh - margin) y -= bottom - (vh - margin);
  if (top + (y - t.y) < margin) y += margin - (top + (y - t.y));
  return x === t.x && y === t.y ? t : { ...t, x, y };
}

/** Ids of boxes that intersect the viewport, nearest its centre first. */
export function onScreen(boxes: ReadonlyMap<string, Box>, t: Transform, vw: number, vh: number): string[] {
  const cx = (vw / 2 - t.x) / t.k;
  const cy = (vh / 2 - t.y) / t.k;
  const x0 = -t.x / t.k;
  const y0 = -t.y / t.k;
  const x1 = x0 + vw / t.k;
  const y1 = y0 + vh / t.k;
  const hits: [string, number][] = [];
  for (const [id, b] of boxes) {
    if (b.x + b.width < x0 || b.x > x1 || b.y + b.height < y0 || b.y > y1) continue;
    hits.push([id, Math.hypot(b.x + b.width / 2 - cx, b.y + b.height / 2 - cy)]);
  }
  return hits.sort((a, b) => a[1] - b[1]).map(([id]) => id);
}

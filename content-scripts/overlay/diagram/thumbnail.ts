// A node's live values as a thumbnail: for feature maps the mean over channels of the first example, for vectors
// the units wrapped into a square; painted in viridis (d3-scale-chromatic) from the frame's own min to max. Pure.

import { interpolateViridis } from 'd3-scale-chromatic';
import type { DataLayout } from '../../../model/model-graph';

export interface Thumbnail {
  width: number;
  height: number;
  /** RGBA, width × height × 4. */
  pixels: Uint8ClampedArray;
  min: number;
  max: number;
}

/** Most pixels a side of a thumbnail has (more values are sampled down by stride). */
export const THUMB_SIDE = 48;

let lut: Uint8ClampedArray | null = null;
function viridis(): Uint8ClampedArray {
  if (lut) return lut;
  lut = new Uint8ClampedArray(256 * 3);
  for (let i = 0; i < 256; i++) {
    const m = /#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})|rgb\((\d+),\s*(\d+),\s*(\d+)\)/i.exec(
      interpolateViridis(i / 255),
    );
    const rgb = m?.[1]
      ? [1, 2, 3].map((k) => parseInt(m[k]!, 16))
      : [4, 5, 6].map((k) => Number(m?.[k] ?? 0));
    lut.set(rgb, i * 3);
  }
  return lut;
}

/** The values as a 2-D grid: [H, W] for a map (mean over channels), or a near-square wrap of a vector. */
export function gridOf(
  shape: readonly number[],
  values: ArrayLike<number>,
  layout: DataLayout = 'channels-last',
): { h: number; w: number; at(y: number, x: number): number } {
  if (shape.length === 4 && layout === 'channels-first') {
    const [, c, h, w] = shape as [number, number, number, number];
    const plane = h * w;
    return {
      h,
      w,
      at(y, x) {
        let sum = 0;
        for (let k = 0; k < c; k++) sum += values[k * plane + y * w + x]!;
        return c > 0 ? sum / c : 0;
      },
    };
  }
  if (shape.length >= 3) {
    const c = shape[shape.length - 1]!;
    const w = shape[shape.length - 2]!;
    const h = shape.length >= 4 ? shape[shape.length - 3]! : shape[0]!;
    return {
      h,
      w,
      at(y, x) {
        let sum = 0;
        const base = (y * w + x) * c;
        for (let k = 0; k < c; k++) sum += values[base + k]!;
        return c > 0 ? sum / c : 0;
      },
    };
  }
  const n = shape.length === 2 ? shape[1]! : values.length;
  const w = Math.max(1, Math.ceil(Math.sqrt(n)));
  const h = Math.max(1, Math.ceil(n / w));
  return { h, w, at: (y, x) => (y * w + x < n ? values[y * w + x]! : NaN) };
}

export function paintThumbnail(
  shape: readonly number[],
  values: ArrayLike<number>,
  side = THUMB_SIDE,
  layout: DataLayout = 'channels-last',
): Thumbnail | null {
  if (values.length === 0 || shape.some((d) => !(d > 0))) return null;
  const grid = gridOf(shape, values, layout);
  const stride = Math.max(1, Math.ceil(Math.max(grid.h, grid.w) / side));
  const height = Math.ceil(grid.h / stride);
  const width = Math.ceil(grid.w / stride);
  const cells = new Float32Array(width * height);
  let min = Infinity;
  let max = -Infinity;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const v = grid.at(y * stride, x * stride);
      cells[y * width + x] = v;
      if (Number.isFinite(v)) {
        if (v < min) min = v;
        if (v > max) max = v;
      }
    }
  if (min === Infinity) return null;
  const span = max > min ? max - min : 1;
  const table = viridis();
  const pixels = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < cells.length; i++) {
    const v = cells[i]!;
    if (!Number.isFinite(v)) continue;
    const t = Math.round(((v - min) / span) * 255) * 3;
    pixels[i * 4] = table[t]!;
    pixels[i * 4 + 1] = table[t + 1]!;
    pixels[i * 4 + 2] = table[t + 2]!;
    pixels[i * 4 + 3] = 255;
  }
  return { width, height, pixels, min, max };
}

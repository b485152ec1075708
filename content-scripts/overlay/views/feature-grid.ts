// Lays out a stack of 2-D maps (conv feature maps, or one heat map of a sequence) as a grid of tiles and paints
// them into an RGBA buffer, one pixel per value, with a 1 px gap. Pure: the view puts the buffer on a canvas.

import { chwToHwc } from '../../../model/data-layout';
import type { DataLayout } from '../../../model/model-graph';
import { colorOf, scaleFor, type Scale } from './colormap';

export interface Maps {
  height: number;
  width: number;
  channels: number;
  /** Values in HWC order (channels last), as tf.js lays out NHWC tensors; channels-first frames are transposed. */
  values: Float32Array;
}

/**
 * Reads a tap frame's values as maps: [N, H, W, C] (or, channels first, [N, C, H, W]) → the first example's C maps
 * of H×W; [N, T, F] → the first example as one T×F heat map (time down, features across). Null for vectors and
 * other ranks.
 */
export function asMaps(
  shape: number[],
  values: Float32Array,
  layout: DataLayout = 'channels-last',
): Maps | null {
  if (shape.some((d) => d <= 0)) return null;
  if (shape.length === 4) {
    const first = layout === 'channels-first';
    const [, a, b, d] = shape as [number, number, number, number];
    const [h, w, c] = first ? [b, d, a] : [a, b, d];
    if (values.length < h * w * c) return null;
    const example = values.subarray(0, h * w * c);
    return { height: h, width: w, channels: c, values: first ? chwToHwc(example, c, h, w) : example };
  }
  if (shape.length === 3) {
    const [, t, f] = shape as [number, number, number];
    if (values.length < t * f) return null;
    return { height: t, width: f, channels: 1, values: values.subarray(0, t * f) };
  }
  return null;
}

export interface GridLayout {
  columns: number;
  rows: number;
  /** Channels drawn (at most `maxTiles`). */
  tiles: number;
  /** Size of the painted buffer, in pixels. */
  width: number;
  height: number;
}

export const GAP = 1;

/** A near-square grid that fits `maxWidthPx` at the given scale, up to `maxTiles` channels. */
export function gridLayout(
  maps: Pick<Maps, 'height' | 'width' | 'channels'>,
  maxWidthPx: number,
  scale: number,
  maxTiles = 64,
): GridLayout {
  const tiles = Math.max(1, Math.min(maps.channels, maxTiles));
  const tileW = maps.width * scale + GAP;
  const fit = Math.max(1, Math.floor((maxWidthPx + GAP) / tileW));
  const columns = Math.max(1, Math.min(tiles, fit, Math.ceil(Math.sqrt(tiles * 1.6))));
  const rows = Math.ceil(tiles / columns);
  return {
    columns,
    rows,
    tiles,
    width: columns * (maps.width + GAP) - GAP,
    height: rows * (maps.height + GAP) - GAP,
  };
}

/** An integer upscale so that small maps (7×7) are still visible, and large ones (112×112) are not enlarged. */
export function tileScale(mapWidth: number): number {
  return Math.max(1, Math.min(8, Math.floor(48 / Math.max(1, mapWidth))));
}

/** Paints the maps into RGBA pixels (`layout.width` × `layout.height`), gaps transparent. */
export function paintGrid(
  maps: Maps,
  layout: GridLayout,
  scale: Scale = rangeScale(maps.values),
): Uint8ClampedArray {
  const out = new Uint8ClampedArray(layout.width * layout.height * 4);
  const { height: h, width: w, channels: c, values } = maps;
  for (let t = 0; t < layout.tiles; t++) {
    const ox = (t % layout.columns) * (w + GAP);
    const oy = Math.floor(t / layout.columns) * (h + GAP);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const v = values[(y * w + x) * c + t] ?? 0;
        const [r, g, b] = colorOf(v, scale);
        const p = ((oy + y) * layout.width + ox + x) * 4;
        out[p] = r;
        out[p + 1] = g;
        out[p + 2] = b;
        out[p + 3] = 255;
      }
    }
  }
  return out;
}

export function rangeScale(values: Float32Array): Scale {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return min <= max ? scaleFor(min, max) : scaleFor(0, 1);
}

/** Per-channel means of HWC maps: the strength of each feature, for bars beside the grid. */
export function channelMeans(maps: Maps): Float32Array {
  const out = new Float32Array(maps.channels);
  const n = maps.height * maps.width;
  for (let i = 0; i < n * maps.channels; i++) out[i % maps.channels]! += maps.values[i] ?? 0;
  for (let k = 0; k < out.length; k++) out[k]! /= n || 1;
  return out;
}

// Occlusion sensitivity (pure): where to put the grey patch, and what each placement did to the chosen class's score
// — the drop from the unoccluded score, so red means "covering this lowered the score", blue "raised it".

import { t } from '../../../extension/ui/i18n';
import type { RgbaImage } from '../../../annotations/checks/types';
import { fillPatch, type Patch } from './image-edits';

export interface OcclusionGrid {
  /** Patch side and stride, in picture pixels. */
  size: number;
  stride: number;
  cols: number;
  rows: number;
  /** Top-left corners, row-major. */
  positions: { x: number; y: number }[];
}

/** Most placements one map may take (each is one run of the model). */
export const MAX_PLACEMENTS = 1024;

/**
 * The placements of a `size` patch every `stride` pixels over a w × h picture, covering the right and bottom edges
 * (the last placement is flush with them). A reason when there would be none or too many.
 */
export function occlusionGrid(w: number, h: number, size: number, stride: number): OcclusionGrid | string {
  if (!(size >= 1) || !(stride >= 1)) return t('occStride');
  if (size > Math.min(w, h)) return t('occNoFit', String(size), String(w), String(h));
  const axis = (side: number): number[] => {
    const out: number[] = [];
    for (let p = 0; p + size <= side; p += stride) out.push(p);
    if (out[out.length - 1]! + size < side) out.push(side - size);
    return out;
  };
  const xs = axis(w);
  const ys = axis(h);
  if (xs.length * ys.length > MAX_PLACEMENTS)
    return t('occTooMany', String(xs.length * ys.length), String(MAX_PLACEMENTS));
  const positions: { x: number; y: number }[] = [];
  for (const y of ys) for (const x of xs) positions.push({ x, y });
  return { size, stride, cols: xs.length, rows: ys.length, positions };
}

/** The picture with the i-th placement covered. */
export function occluded(image: RgbaImage, grid: OcclusionGrid, i: number, fill = 128): RgbaImage {
  const rgba = new Uint8ClampedArray(image.rgba);
  const at = grid.positions[i]!;
  const patch: Patch = { x: at.x, y: at.y, size: grid.size, fill };
  fillPatch(rgba, image.width, image.height, patch);
  return { width: image.width, height: image.height, rgba };
}

export interface SensitivityMap {
  width: number;
  height: number;
  /** Per picture pixel: the mean score drop over the placements that cover it (NaN where none has run yet). */
  drop: Float32Array;
  /** Largest |drop| seen: the scale is symmetric, −extent … +extent. */
  extent: number;
}

/** Spreads each placement's score drop over the pixels it covers and averages (placements not run yet: skipped). */
export function sensitivityMap(
  w: number,
  h: number,
  grid: OcclusionGrid,
  base: number,
  scores: readonly (number | undefined)[],
): SensitivityMap {
  const sum = new Float32Array(w * h);
  const count = new Uint16Array(w * h);
  grid.positions.forEach((p, i) => {
    const s = scores[i];
    if (s === undefined || !Number.isFinite(s)) return;
    const d = base - s;
    for (let y = p.y; y < Math.min(h, p.y + grid.size); y++)
      for (let x = p.x; x < Math.min(w, p.x + grid.size); x++) {
        sum[y * w + x] = sum[y * w + x]! + d;
        count[y * w + x] = count[y * w + x]! + 1;
      }
  });
  const drop = new Float32Array(w * h);
  let extent = 0;
  for (let i = 0; i < drop.length; i++) {
    drop[i] = count[i] ? sum[i]! / count[i]! : NaN;
    if (count[i]) extent = Math.max(extent, Math.abs(drop[i]!));
  }
  return { width: w, height: h, drop, extent };
}

/**
 * A sensible default patch and stride for a picture: about an eighth of the shorter side, half-overlapping, so
 * a picture gets about 15 × 15 placements.
 */
export function defaultOcclusion(w: number, h: number): { size: number; stride: number } {
  const size = Math.max(1, Math.round(Math.min(w, h) / 8));
  return { size, stride: Math.max(1, Math.round(size / 2)) };
}

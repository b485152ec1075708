// Gradient sensitivity (pure): the page's per-pixel gradient map (model input size) laid over the reader's picture at
// the picture's own size, its colour scale, its pixels, and where it is strongest (the map's text alternative).

import type { GradientMap } from '../../../protocol/bridge';
import { colorOf, positionOf, type Scale } from '../views/colormap';

/** |gradient| (how much a small change of the pixel moves the score) or gradient × input (signed). */
export type GradientShow = 'magnitude' | 'gradTimesInput';

export interface PictureGradient {
  width: number;
  height: number;
  /** One value per picture pixel, row-major. */
  values: Float32Array;
  /** Largest |value|. */
  extent: number;
  scale: Scale;
}

export function valuesOf(map: GradientMap, show: GradientShow): Float32Array {
  return new Float32Array(show === 'magnitude' ? map.magnitude : map.gradTimesInput);
}

/**
 * The map stretched over a `width` × `height` picture, nearest pixel (the probe stretched the picture to the model's
 * input the same way, without cropping). Magnitudes on a 0…max scale, gradient × input on a symmetric ±max one.
 */
export function gradientOnPicture(
  map: GradientMap,
  show: GradientShow,
  width: number,
  height: number,
): PictureGradient {
  const src = valuesOf(map, show);
  const values = new Float32Array(width * height);
  let extent = 0;
  for (const v of src) if (Number.isFinite(v)) extent = Math.max(extent, Math.abs(v));
  for (let y = 0; y < height; y++) {
    const sy = Math.min(map.height - 1, Math.floor(((y + 0.5) * map.height) / height));
    for (let x = 0; x < width; x++) {
      const sx = Math.min(map.width - 1, Math.floor(((x + 0.5) * map.width) / width));
      values[y * width + x] = src[sy * map.width + sx]!;
    }
  }
  const e = Math.max(extent, 1e-12);
  const scale: Scale =
    show === 'magnitude' ? { lo: 0, hi: e, diverging: false } : { lo: -e, hi: e, diverging: true };
  return { width, height, values, extent, scale };
}

/** Translucent RGBA over the picture: the stronger the value, the more opaque, so weak pixels show the picture. */
export function gradientPixels(g: PictureGradient, minAlpha = 40, maxAlpha = 220): Uint8ClampedArray {
  const out = new Uint8ClampedArray(g.width * g.height * 4);
  const e = g.extent > 0 ? g.extent : 1;
  for (let i = 0; i < g.values.length; i++) {
    const v = g.values[i]!;
    if (!Number.isFinite(v)) continue;
    const [r, gr, b] = colorOf(v, g.scale);
    const strength = g.scale.diverging ? Math.abs(v) / e : positionOf(v, g.scale);
    out[i * 4] = r;
    out[i * 4 + 1] = gr;
    out[i * 4 + 2] = b;
    out[i * 4 + 3] = Math.round(minAlpha + (maxAlpha - minAlpha) * Math.min(1, strength));
  }
  return out;
}

/** The picture's ninths, row-major: 0 top left … 4 centre … 8 bottom right. */
export type Ninth = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

/** Which ninth of the picture holds most of the map's |values|, and what share of the total (0–1; 0 when flat). */
export function strongestNinth(map: GradientMap, show: GradientShow): { ninth: Ninth; share: number } {
  const src = valuesOf(map, show);
  const sums = new Array<number>(9).fill(0);
  let total = 0;
  for (let y = 0; y < map.height; y++)
    for (let x = 0; x < map.width; x++) {
      const v = Math.abs(src[y * map.width + x]!);
      if (!Number.isFinite(v)) continue;
      const cell =
        Math.min(2, Math.floor((3 * y) / map.height)) * 3 + Math.min(2, Math.floor((3 * x) / map.width));
      sums[cell] = sums[cell]! + v;
      total += v;
    }
  let best = 4;
  for (let i = 0; i < 9; i++) if (sums[i]! > sums[best]!) best = i;
  return { ninth: best as Ninth, share: total > 0 ? sums[best]! / total : 0 };
}

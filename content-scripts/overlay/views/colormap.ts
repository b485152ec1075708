// Colour scales for value images, from d3-scale-chromatic: viridis (perceptual, readable in light and dark) for
// values of one sign, RdBu (blue below zero, white at zero, red above) centred on 0 when values take both signs.
// Each map is sampled once into a lookup table, so painting a pixel allocates nothing. Pure; returns 0–255 RGB.

import { t } from '../../../extension/ui/i18n';
import { interpolateRdBu, interpolateViridis } from 'd3-scale-chromatic';

export type Rgb = readonly [number, number, number];

/** An odd number of entries, so that t = 0.5 (zero on a diverging scale) has an entry of its own. */
const LUT_SIZE = 257;

/** d3's interpolators return "#rrggbb" or "rgb(r, g, b)". */
export function parseColor(css: string): Rgb {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(css.trim());
  if (hex) return [parseInt(hex[1]!, 16), parseInt(hex[2]!, 16), parseInt(hex[3]!, 16)];
  const rgb = /^rgb\(\s*(\d+),\s*(\d+),\s*(\d+)\s*\)$/.exec(css.trim());
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  return [0, 0, 0];
}

function sample(interpolate: (t: number) => string): Rgb[] {
  return Array.from({ length: LUT_SIZE }, (_, i) => parseColor(interpolate(i / (LUT_SIZE - 1))));
}

export type ColorMapName = 'viridis' | 'RdBu';

/** RdBu runs red → blue; reversed here so that negative is blue and positive is red. */
const TABLES: Record<ColorMapName, () => Rgb[]> = {
  viridis: lazy(() => sample(interpolateViridis)),
  RdBu: lazy(() => sample((t) => interpolateRdBu(1 - t))),
};

function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

export interface Scale {
  lo: number;
  hi: number;
  diverging: boolean;
}

/** The scale for a range: symmetric around zero and diverging when the values take both signs. */
export function scaleFor(min: number, max: number): Scale {
  if (min < 0 && max > 0) {
    const m = Math.max(-min, max);
    return { lo: -m, hi: m, diverging: true };
  }
  return { lo: min, hi: max === min ? min + 1 : max, diverging: false };
}

/** Which colour map a scale uses: diverging for signed values, viridis for magnitudes. */
export function colorMapOf(scale: Scale): ColorMapName {
  return scale.diverging ? 'RdBu' : 'viridis';
}

/** Where a value sits on the scale, 0–1 (clamped: ±Infinity at the ends; NaN at 0). */
export function positionOf(v: number, scale: Scale): number {
  const t = (v - scale.lo) / (scale.hi - scale.lo);
  return Number.isNaN(t) ? 0 : Math.min(1, Math.max(0, t));
}

export function colorOf(v: number, scale: Scale): Rgb {
  const table = TABLES[colorMapOf(scale)]();
  return table[Math.round(positionOf(v, scale) * (LUT_SIZE - 1))]!;
}

/** `n` evenly spaced CSS colours along the scale, low to high, for a colour bar's gradient. */
export function gradientStops(scale: Scale, n = 9): string[] {
  const table = TABLES[colorMapOf(scale)]();
  return Array.from({ length: Math.max(2, n) }, (_, i) => {
    const [r, g, b] = table[Math.round((i / (Math.max(2, n) - 1)) * (LUT_SIZE - 1))]!;
    return `rgb(${r} ${g} ${b})`;
  });
}

/** What the colours mean, in words, for a legend and a text alternative. */
export function legendText(scale: Scale): string {
  return scale.diverging ? t('colormapDiverging') : t('colormapSequential');
}

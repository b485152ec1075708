// Text alternatives for the pictures: the numbers a sighted reader takes from a view (shape, min, max, mean and the
// largest entries) in one sentence a screen reader can read. Pure.

import { channelMeans, type Maps } from './feature-grid';
import { formatPercent, formatValue, type Histogram, type Stats } from './stats';
import { topK } from './vector';

export function shapeText(shape: readonly number[]): string {
  return shape.length ? shape.join(' × ') : 'scalar';
}

export function statsText(stats: Pick<Stats, 'min' | 'max' | 'mean'> & Partial<Stats>): string {
  const parts = [
    `min ${formatValue(stats.min)}`,
    `max ${formatValue(stats.max)}`,
    `mean ${formatValue(stats.mean)}`,
  ];
  if (stats.std !== undefined) parts.push(`std ${formatValue(stats.std)}`);
  if (stats.sparsity !== undefined) parts.push(`zeros ${formatPercent(stats.sparsity)}`);
  return parts.join(', ');
}

/** Feature maps: shape, statistics, and the channels with the strongest mean activation. */
export function mapsText(
  subject: string,
  shape: readonly number[],
  maps: Maps,
  shownTiles: number,
  stats: Stats,
  top = 3,
): string {
  const what =
    maps.channels === 1
      ? `Heat map of ${subject}, ${maps.height} × ${maps.width}`
      : `${shownTiles} of ${maps.channels} feature maps of ${subject}, each ${maps.height} × ${maps.width}`;
  let text = `${what}; shape ${shapeText(shape)}; ${statsText(stats)}.`;
  if (maps.channels > 1) {
    const strongest = topK(channelMeans(maps), Math.min(top, maps.channels));
    text += ` Strongest channels by mean: ${strongest.map((r) => `${r.index} (${formatValue(r.value)})`).join(', ')}.`;
  }
  return text;
}

/** A vector of values: count, statistics and the largest entries by name. */
export function vectorText(
  subject: string,
  shape: readonly number[],
  values: ArrayLike<number>,
  stats: Stats,
  nameOf: (index: number) => string = (i) => `unit ${i}`,
  top = 5,
): string {
  const largest = topK(values, Math.min(top, values.length));
  return (
    `${subject}: ${values.length} values; shape ${shapeText(shape)}; ${statsText(stats)}.` +
    (largest.length
      ? ` Largest: ${largest.map((r) => `${nameOf(r.index)} ${formatValue(r.value)}`).join(', ')}.`
      : '')
  );
}

/** A weight histogram: range, statistics, and the fullest bin. */
export function histogramText(
  subject: string,
  shape: readonly number[],
  hist: Histogram,
  stats: Stats,
): string {
  let fullest = 0;
  hist.counts.forEach((c, i) => {
    if (c > (hist.counts[fullest] ?? 0)) fullest = i;
  });
  const width = (hist.hi - hist.lo) / hist.counts.length;
  const from = hist.lo + fullest * width;
  return (
    `Histogram of ${subject}, shape ${shapeText(shape)}, ${hist.counts.length} bins from ${formatValue(hist.lo)} ` +
    `to ${formatValue(hist.hi)}; ${statsText(stats)}. Fullest bin: ${formatValue(from)} to ` +
    `${formatValue(from + width)} (${(hist.counts[fullest] ?? 0).toLocaleString('en-US')} values).`
  );
}

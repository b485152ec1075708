// Text alternatives for the pictures: the numbers a sighted reader takes from a view (shape, min, max, mean and the
// largest entries) in one sentence a screen reader can read. Pure.

import { channelMeans, type Maps } from './feature-grid';
import { formatPercent, formatValue, type Histogram, type Stats } from './stats';
import { topK } from './vector';
import { t } from '../../../extension/ui/i18n';

export function shapeText(shape: readonly number[]): string {
  return shape.length ? shape.join(' × ') : t('detailScalar');
}

export function statsText(stats: Pick<Stats, 'min' | 'max' | 'mean'> & Partial<Stats>): string {
  const parts = [
    `${t('statMin')} ${formatValue(stats.min)}`,
    `${t('statMax')} ${formatValue(stats.max)}`,
    `${t('statMean')} ${formatValue(stats.mean)}`,
  ];
  if (stats.std !== undefined) parts.push(`${t('statStd')} ${formatValue(stats.std)}`);
  if (stats.sparsity !== undefined) parts.push(`${t('statZeros')} ${formatPercent(stats.sparsity)}`);
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
      ? t('mapsHeat', subject, maps.height, maps.width)
      : t('altFeature', shownTiles, maps.channels, subject, maps.height, maps.width);
  let text = t('altShapeStats', what, shapeText(shape), statsText(stats));
  if (maps.channels > 1) {
    const strongest = topK(channelMeans(maps), Math.min(top, maps.channels));
    text += t('altStrongest', strongest.map((r) => `${r.index} (${formatValue(r.value)})`).join(', '));
  }
  return text;
}

/** A vector of values: count, statistics and the largest entries by name. */
export function vectorText(
  subject: string,
  shape: readonly number[],
  values: ArrayLike<number>,
  stats: Stats,
  nameOf: (index: number) => string = (i) => t('unitN', i),
  top = 5,
): string {
  const largest = topK(values, Math.min(top, values.length));
  return (
    t('altVector', subject, values.length, shapeText(shape), statsText(stats)) +
    (largest.length
      ? t('altLargest', largest.map((r) => `${nameOf(r.index)} ${formatValue(r.value)}`).join(', '))
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
  return t(
    'altHistogram',
    subject,
    shapeText(shape),
    hist.counts.length,
    formatValue(hist.lo),
    formatValue(hist.hi),
    statsText(stats),
    formatValue(from),
    formatValue(from + width),
    hist.counts[fullest] ?? 0,
  );
}

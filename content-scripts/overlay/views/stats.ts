// Summary statistics and histograms of a block of values (live activations or weights). Pure but for the
// reader's number notation.

import { formatNumber } from '../../../extension/ui/i18n';

export interface Stats {
  count: number;
  min: number;
  max: number;
  mean: number;
  std: number;
  /** Fraction of values that are exactly zero (dead ReLU units, pruned weights). */
  sparsity: number;
  /** Values that were NaN or infinite, left out of the rest. */
  nonFinite: number;
}

export function summarize(values: ArrayLike<number>): Stats {
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  let sumSq = 0;
  let zeros = 0;
  let n = 0;
  let bad = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) {
      bad++;
      continue;
    }
    n++;
    if (v < min) min = v;
    if (v > max) max = v;
    sum += v;
    sumSq += v * v;
    if (v === 0) zeros++;
  }
  if (n === 0) return { count: 0, min: 0, max: 0, mean: 0, std: 0, sparsity: 0, nonFinite: bad };
  const mean = sum / n;
  return {
    count: n,
    min,
    max,
    mean,
    std: Math.sqrt(Math.max(0, sumSq / n - mean * mean)),
    sparsity: zeros / n,
    nonFinite: bad,
  };
}

export interface Histogram {
  lo: number;
  hi: number;
  counts: number[];
}

/** Counts of finite values in `bins` equal bins over [lo, hi] (the data's range by default). */
export function histogram(
  values: ArrayLike<number>,
  bins: number,
  range?: { lo: number; hi: number },
): Histogram {
  const s = range ?? summarize(values);
  const lo = 'lo' in s ? s.lo : s.min;
  const hi = 'hi' in s ? s.hi : s.max;
  const counts = new Array<number>(Math.max(1, bins)).fill(0);
  const span = hi - lo;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v) || v < lo || v > hi) continue;
    const b = span > 0 ? Math.min(counts.length - 1, Math.floor(((v - lo) / span) * counts.length)) : 0;
    counts[b]!++;
  }
  return { lo, hi, counts };
}

/** A short, readable number: 3 significant digits, exponent form for very large or small magnitudes. */
/** A value to three significant digits in the reader's notation (0.123 / 0,123; 1.23e-4 / 1,23e-4), no grouping. */
export function formatValue(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e5 || a < 1e-3) {
    const [mantissa, exponent] = v.toExponential(2).split('e');
    return `${formatNumber(Number(mantissa), { minimumFractionDigits: 2 })}e${Number(exponent)}`;
  }
  return formatNumber(Number(v.toPrecision(3)), { maximumFractionDigits: 20, useGrouping: false });
}

export function formatPercent(f: number): string {
  if (f > 0 && f < 0.001) return `<${formatNumber(0.001, { style: 'percent', minimumFractionDigits: 1 })}`;
  const digits = f >= 0.1 ? 0 : 1;
  return formatNumber(f, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits });
}

// Axis ticks a reader can read: round steps (1, 2, 5 × 10ⁿ) inside a range, zero always among them when the range
// crosses it, and each tick's place along the axis. Pure.

import { formatValue } from './stats';

export interface Tick {
  value: number;
  /** 0–1 along the axis from `lo` to `hi`. */
  at: number;
  label: string;
}

/** A round step that gives at most `maxCount` intervals over `span`. */
export function niceStep(span: number, maxCount: number): number {
  if (!(span > 0) || !Number.isFinite(span)) return 1;
  const raw = span / Math.max(1, maxCount);
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * power >= raw) return m * power;
  return 10 * power;
}

/**
 * Ticks at multiples of a round step within [lo, hi] (so zero is one when the range crosses it); an empty or
 * degenerate range gets a single tick. Values are rounded to the step, so 0.1 + 0.2 reads as 0.3.
 */
export function niceTicks(lo: number, hi: number, maxCount = 5): Tick[] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [];
  if (hi <= lo) return [{ value: lo, at: 0.5, label: formatValue(lo) }];
  const step = niceStep(hi - lo, maxCount);
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  const out: Tick[] = [];
  for (let k = Math.ceil(lo / step - 1e-9); k * step <= hi + step * 1e-9; k++) {
    const value = Number((k * step).toFixed(Math.min(20, decimals))) || 0;
    out.push({ value, at: (value - lo) / (hi - lo), label: formatValue(value) });
  }
  return out;
}

/** The range's ends and zero (when inside), each once: what a weight histogram must always show. */
export function rangeTicks(lo: number, hi: number): Tick[] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [];
  if (hi <= lo) return [{ value: lo, at: 0.5, label: formatValue(lo) }];
  const ticks: Tick[] = [{ value: lo, at: 0, label: formatValue(lo) }];
  if (lo < 0 && hi > 0) ticks.push({ value: 0, at: -lo / (hi - lo), label: '0' });
  ticks.push({ value: hi, at: 1, label: formatValue(hi) });
  return ticks;
}

/**
 * A histogram's range: the data's, stretched to take in zero when zero lies within one span of it (so small
 * weights show where zero is); far-off zero (all values near 1, say) is left out rather than squeeze the bins.
 */
export function withZero(lo: number, hi: number): { lo: number; hi: number } {
  const span = hi - lo;
  if (lo > 0 && lo <= span) return { lo: 0, hi };
  if (hi < 0 && -hi <= span) return { lo, hi: 0 };
  return { lo, hi };
}

/** The first and last index along a bar chart's bottom (one tick when there is one bar). */
export function indexTicks(count: number): Tick[] {
  if (count <= 0) return [];
  if (count === 1) return [{ value: 0, at: 0.5, label: '0' }];
  // Centred under the first and last bars.
  return [
    { value: 0, at: 0.5 / count, label: '0' },
    { value: count - 1, at: 1 - 0.5 / count, label: String(count - 1) },
  ];
}

/** Round ticks plus the range's ends where no round tick is near them: a colour bar names the values at its ends. */
export function scaleTicks(lo: number, hi: number, maxCount = 4, near = 0.08): Tick[] {
  const ticks = niceTicks(lo, hi, maxCount);
  if (hi <= lo || ticks.length === 0) return ticks;
  const out = [...ticks];
  if (ticks[0]!.at > near) out.unshift({ value: lo, at: 0, label: formatValue(lo) });
  if (ticks[ticks.length - 1]!.at < 1 - near) out.push({ value: hi, at: 1, label: formatValue(hi) });
  return out;
}

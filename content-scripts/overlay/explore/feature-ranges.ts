// The range of each slider of a vector input (pure): from what an annotator declared, else from the values the
// page fed the model (every row it was seen with, widened a little), else a neutral −1…1; and where to start.

export interface FeatureRange {
  min: number;
  max: number;
  /** Where the slider starts (the page's last value, or the middle). */
  value: number;
  step: number;
  /** Where the range came from, in words. */
  source: 'declared' | 'observed' | 'default';
}

export interface Observed {
  /** Per feature, the smallest and largest value seen. */
  min: number[];
  max: number[];
  /** The page's last row. */
  last: number[];
}

/** Folds rows of a [rows, features] input into per-feature min/max (with `last` the final row). */
export function observe(
  values: ArrayLike<number>,
  features: number,
  prior: Observed | null = null,
): Observed {
  const rows = Math.floor(values.length / features);
  const min = prior ? [...prior.min] : new Array<number>(features).fill(Infinity);
  const max = prior ? [...prior.max] : new Array<number>(features).fill(-Infinity);
  const last = prior ? [...prior.last] : new Array<number>(features).fill(0);
  for (let r = 0; r < rows; r++)
    for (let f = 0; f < features; f++) {
      const v = values[r * features + f]!;
      if (!Number.isFinite(v)) continue;
      if (v < min[f]!) min[f] = v;
      if (v > max[f]!) max[f] = v;
      if (r === rows - 1) last[f] = v;
    }
  return { min, max, last };
}

/** A step of about 1/100 of the span, rounded to 1, 2 or 5 × a power of ten. */
export function niceStep(span: number): number {
  if (!(span > 0)) return 0.01;
  const raw = span / 100;
  const p = 10 ** Math.floor(Math.log10(raw));
  const m = raw / p;
  return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * p;
}

export function featureRanges(
  features: number,
  declared: readonly ({ min: number; max: number } | null | undefined)[] | null,
  observed: Observed | null,
): FeatureRange[] {
  const out: FeatureRange[] = [];
  for (let f = 0; f < features; f++) {
    const d = declared?.[f];
    const seenMin = observed?.min[f];
    const seenMax = observed?.max[f];
    const last = observed?.last[f];
    let min: number;
    let max: number;
    let source: FeatureRange['source'];
    if (d && Number.isFinite(d.min) && Number.isFinite(d.max) && d.max > d.min) {
      [min, max, source] = [d.min, d.max, 'declared'];
    } else if (
      seenMin !== undefined &&
      seenMax !== undefined &&
      Number.isFinite(seenMin) &&
      Number.isFinite(seenMax)
    ) {
      // A single value seen gives no span: open ±1 around it; else widen by a tenth on each side.
      const span = seenMax - seenMin;
      const pad = span > 0 ? span * 0.1 : 1;
      [min, max, source] = [seenMin - pad, seenMax + pad, 'observed'];
    } else {
      [min, max, source] = [-1, 1, 'default'];
    }
    const step = niceStep(max - min);
    const start = last !== undefined && Number.isFinite(last) ? last : (min + max) / 2;
    out.push({ min, max, step, value: Math.min(max, Math.max(min, start)), source });
  }
  return out;
}

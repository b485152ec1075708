// Vectors of values (a dense layer's units, a softmax's probabilities): the first example of a frame, bar geometry,
// and the top-k entries. Pure.

/** The first example of a [N, …] frame as a flat vector; a rank-1 frame as is. */
export function firstExample(shape: number[], values: Float32Array): Float32Array {
  if (shape.length <= 1) return values;
  const per = shape.slice(1).reduce((a, b) => a * b, 1);
  return values.subarray(0, per);
}

export interface Bar {
  index: number;
  x: number;
  y: number;
  width: number;
  height: number;
  negative: boolean;
}

/**
 * Bars for up to `maxBars` values in a `width` × `height` box: a zero line in the middle when values take both
 * signs, at the bottom otherwise. Values beyond maxBars are left out (the caller says so).
 */
export function barGeometry(
  values: ArrayLike<number>,
  width: number,
  height: number,
  maxBars = 256,
): { bars: Bar[]; zeroY: number } {
  const n = Math.min(values.length, maxBars);
  let min = 0;
  let max = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const span = max - min || 1;
  const zeroY = Math.round((max / span) * height);
  const slot = width / Math.max(1, n);
  const gap = slot >= 4 ? 1 : 0;
  const bars: Bar[] = [];
  for (let i = 0; i < n; i++) {
    const v = Number.isFinite(values[i]!) ? values[i]! : 0;
    const h = (Math.abs(v) / span) * height;
    bars.push({
      index: i,
      x: i * slot,
      y: v >= 0 ? zeroY - h : zeroY,
      width: Math.max(0.5, slot - gap),
      height: h,
      negative: v < 0,
    });
  }
  return { bars, zeroY };
}

export interface Ranked {
  index: number;
  value: number;
}

/** The k largest finite values with their indices, largest first (ties by lower index). */
export function topK(values: ArrayLike<number>, k: number): Ranked[] {
  const out: Ranked[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) continue;
    if (out.length < k) {
      out.push({ index: i, value: v });
      out.sort((a, b) => b.value - a.value || a.index - b.index);
    } else if (v > out[out.length - 1]!.value) {
      out[out.length - 1] = { index: i, value: v };
      out.sort((a, b) => b.value - a.value || a.index - b.index);
    }
  }
  return out;
}

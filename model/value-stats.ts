// The four numbers every weight and value summary shows (tf.js weights in the hook, ONNX initializers in the relay).

export interface ValueStats {
  min: number;
  max: number;
  mean: number;
  /** Population standard deviation. */
  std: number;
}

/** Minimum, maximum, mean and population standard deviation; non-finite results (NaN, ±Infinity) as 0. */
export function valueStats(values: ArrayLike<number>): ValueStats {
  const n = values.length;
  if (n === 0) return { min: 0, max: 0, mean: 0, std: 0 };
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
    sum += v;
  }
  const mean = sum / n;
  let sq = 0;
  for (let i = 0; i < n; i++) sq += (values[i]! - mean) ** 2;
  const finite = (x: number): number => (Number.isFinite(x) ? x : 0);
  return { min: finite(min), max: finite(max), mean: finite(mean), std: finite(Math.sqrt(sq / n)) };
}

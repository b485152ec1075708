// Reduces an input gradient [1, H, W, C] to two per-pixel maps the overlay draws: the largest |gradient| over the
// channels (where a small change moves the score most) and gradient × input summed over the channels (signed).

import { pageGlobals } from '../page-globals';

export interface PixelMaps {
  magnitude: Float32Array;
  gradTimesInput: Float32Array;
}

/** `grad` and `input` hold H × W × C values, channels last. Non-finite gradients count as 0. */
export function pixelMaps(
  grad: ArrayLike<number>,
  input: ArrayLike<number>,
  height: number,
  width: number,
  channels: number,
): PixelMaps {
  const n = height * width;
  if (grad.length !== n * channels || input.length !== n * channels)
    throw new Error('gradients: the gradient does not have the input’s shape');
  const magnitude = new pageGlobals.Float32Array(n);
  const gradTimesInput = new pageGlobals.Float32Array(n);
  for (let p = 0; p < n; p++) {
    let most = 0;
    let sum = 0;
    for (let c = 0; c < channels; c++) {
      const g = grad[p * channels + c]!;
      if (!Number.isFinite(g)) continue;
      most = Math.max(most, Math.abs(g));
      sum += g * input[p * channels + c]!;
    }
    magnitude[p] = most;
    gradTimesInput[p] = Number.isFinite(sum) ? sum : 0;
  }
  return { magnitude, gradTimesInput };
}

/** The reader-facing reason behind a tf.js error in a gradient run, or null when it is not about gradients. */
export function unsupportedReason(message: string): string | null {
  const op = /gradient function not found for ([\w./-]+?)\.?$/m.exec(message);
  if (op) return `gradients: op ${op[1]} has no gradient in this tf.js`;
  const fused = /Cannot compute gradient for fused activation (\w+)/.exec(message);
  if (fused) return `gradients: the fused activation ${fused[1]} has no gradient in this tf.js`;
  if (/Cannot compute gradient of y=f\(x\)/.test(message))
    return 'gradients: the output does not depend on the input through ops tf.js can differentiate';
  if (/executeAsync/.test(message))
    return 'gradients: this model runs only with executeAsync (control flow or dynamic ops); a gradient needs one synchronous run';
  return null;
}

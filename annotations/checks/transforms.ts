// The input transforms of invariance checks (shift, brightness, flip) on NHWC (or HWC) values, in the model's
// input scale: shift pads with the value of a black pixel, brightness adds and clamps to the pixel range.
import type { InputNormalize, Transform } from '../format/types';

export interface InputScale {
  normalize: InputNormalize;
  /** int32 inputs take raw 0…255 pixels. */
  dtype: 'float32' | 'int32';
}

export const DEFAULT_NORMALIZE: InputNormalize = { mean: [0], std: [1] };

/** The [low, high] range of channel c: where a black (0) and a white (255) pixel land. */
export function channelRange(scale: InputScale, c: number): [number, number] {
  if (scale.dtype === 'int32') return [0, 255];
  const { mean, std } = scale.normalize;
  const m = mean.length === 1 ? (mean[0] ?? 0) : (mean[c] ?? 0);
  const s = std.length === 1 ? (std[0] ?? 1) : (std[c] ?? 1);
  const a = (0 - m) / s;
  const b = (1 - m) / s;
  return a <= b ? [a, b] : [b, a];
}

/** The value a black pixel takes in channel c. */
function black(scale: InputScale, c: number): number {
  if (scale.dtype === 'int32') return 0;
  const { mean, std } = scale.normalize;
  const m = mean.length === 1 ? (mean[0] ?? 0) : (mean[c] ?? 0);
  const s = std.length === 1 ? (std[0] ?? 1) : (std[c] ?? 1);
  return (0 - m) / s;
}

/** [N, H, W, C] of an image-shaped tensor, or a reason why it is not one. */
export function imageDims(shape: readonly number[]): [number, number, number, number] | string {
  if (shape.length === 4) return shape as [number, number, number, number];
  if (shape.length === 3) return [1, shape[0] ?? 0, shape[1] ?? 0, shape[2] ?? 0];
  return `transforms need a picture-shaped input ([batch, height, width, channels]); this one is [${shape.join(', ')}]`;
}

/** Applies a transform; returns new values (the input is not changed) or a reason it cannot. */
export function applyTransform(
  values: Float32Array,
  shape: readonly number[],
  transform: Transform,
  scale: InputScale,
): Float32Array | string {
  const dims = imageDims(shape);
  if (typeof dims === 'string') return dims;
  const [n, h, w, c] = dims;
  if (n * h * w * c !== values.length)
    return `shape [${shape.join(', ')}] does not fit ${values.length} values`;
  const out = new Float32Array(values.length);
  const at = (b: number, y: number, x: number, ch: number): number => ((b * h + y) * w + x) * c + ch;
  switch (transform.type) {
    case 'brightness': {
      const amount = scale.dtype === 'int32' ? transform.amount * 255 : transform.amount;
      for (let i = 0; i < values.length; i++) {
        const [low, high] = channelRange(scale, i % c);
        out[i] = Math.min(high, Math.max(low, (values[i] ?? 0) + amount));
      }
      return out;
    }
    case 'shift': {
      for (let b = 0; b < n; b++)
        for (let y = 0; y < h; y++)
          for (let x = 0; x < w; x++) {
            const sy = y - transform.dy;
            const sx = x - transform.dx;
            const inside = sy >= 0 && sy < h && sx >= 0 && sx < w;
            for (let ch = 0; ch < c; ch++)
              out[at(b, y, x, ch)] = inside ? (values[at(b, sy, sx, ch)] ?? 0) : black(scale, ch);
          }
      return out;
    }
    case 'flip': {
      const horizontal = transform.axis === 'horizontal';
      for (let b = 0; b < n; b++)
        for (let y = 0; y < h; y++)
          for (let x = 0; x < w; x++) {
            const sy = horizontal ? y : h - 1 - y;
            const sx = horizontal ? w - 1 - x : x;
            for (let ch = 0; ch < c; ch++) out[at(b, y, x, ch)] = values[at(b, sy, sx, ch)] ?? 0;
          }
      return out;
    }
  }
}

/** "shift by (2, 0) px", "brightness −0.2", "horizontal flip". */
export function describeTransform(transform: Transform): string {
  switch (transform.type) {
    case 'shift':
      return `shift by (${transform.dx}, ${transform.dy}) px`;
    case 'brightness':
      return `brightness ${transform.amount >= 0 ? '+' : ''}${transform.amount}`;
    case 'flip':
      return `${transform.axis} flip`;
  }
}

// Turns an RGBA image into a model's input values: bilinear resize to the input size, then the caller's
// normalisation ((pixel / 255 − mean) / std per channel, default [0, 1]) or raw 0…255 integers for int32 inputs.
// Values come out channels last ([1, H, W, C]); a channels-first model (ONNX) takes them through hwcToChw.

import type { DataLayout } from './model-graph';

export interface InputSpec {
  height: number;
  width: number;
  /** 1 (luminance), 3 (RGB) or 4 (RGBA). */
  channels: number;
  dtype: 'float32' | 'int32';
}

export interface Normalize {
  mean: number[];
  std: number[];
}

/** Largest side we resize to when the model leaves its input size free. */
export const MAX_FREE_SIDE = 1024;

/**
 * The input size for an image, from a model input shape [batch, H, W, C] (or, channels first, [batch, C, H, W];
 * free dims null or -1). Null when the model does not take images (rank ≠ 4 or an odd channel count).
 */
export function imageInputSpec(
  shape: readonly (number | null)[] | null,
  dtype: string | null,
  image: { width: number; height: number },
  layout: DataLayout = 'channels-last',
): InputSpec | null {
  if (!shape || shape.length !== 4) return null;
  const free = (d: number | null | undefined): boolean => d === null || d === undefined || d < 1;
  const [h, w, c] =
    layout === 'channels-first' ? [shape[2], shape[3], shape[1]] : [shape[1], shape[2], shape[3]];
  const channels = free(c) ? 3 : (c as number);
  if (channels !== 1 && channels !== 3 && channels !== 4) return null;
  const scale = Math.min(1, MAX_FREE_SIDE / Math.max(image.width, image.height));
  const height = free(h) ? Math.max(1, Math.round(image.height * scale)) : (h as number);
  const width = free(w) ? Math.max(1, Math.round(image.width * scale)) : (w as number);
  if (height > 4096 || width > 4096) return null;
  return { height, width, channels, dtype: dtype === 'int32' ? 'int32' : 'float32' };
}

/** Values for a [1, H, W, C] tensor. */
export function imageToValues(
  rgba: Uint8Array | Uint8ClampedArray,
  srcWidth: number,
  srcHeight: number,
  spec: InputSpec,
  normalize: Normalize = { mean: [0], std: [1] },
): Float32Array | Int32Array {
  const { width, height, channels } = spec;
  const out =
    spec.dtype === 'int32'
      ? new Int32Array(width * height * channels)
      : new Float32Array(width * height * channels);
  const sx = srcWidth / width;
  const sy = srcHeight / height;
  const pixel = [0, 0, 0, 0];
  let o = 0;
  for (let y = 0; y < height; y++) {
    const fy = Math.min(srcHeight - 1, Math.max(0, (y + 0.5) * sy - 0.5));
    const y0 = Math.floor(fy);
    const y1 = Math.min(srcHeight - 1, y0 + 1);
    const wy = fy - y0;
    for (let x = 0; x < width; x++) {
      const fx = Math.min(srcWidth - 1, Math.max(0, (x + 0.5) * sx - 0.5));
      const x0 = Math.floor(fx);
      const x1 = Math.min(srcWidth - 1, x0 + 1);
      const wx = fx - x0;
      for (let c = 0; c < 4; c++) {
        const a = rgba[(y0 * srcWidth + x0) * 4 + c]!;
        const b = rgba[(y0 * srcWidth + x1) * 4 + c]!;
        const d = rgba[(y1 * srcWidth + x0) * 4 + c]!;
        const e = rgba[(y1 * srcWidth + x1) * 4 + c]!;
        pixel[c] = (a * (1 - wx) + b * wx) * (1 - wy) + (d * (1 - wx) + e * wx) * wy;
      }
      if (channels === 1) {
        out[o++] = value(0.299 * pixel[0]! + 0.587 * pixel[1]! + 0.114 * pixel[2]!, 0, spec.dtype, normalize);
      } else {
        for (let c = 0; c < channels; c++) out[o++] = value(pixel[c]!, c, spec.dtype, normalize);
      }
    }
  }
  return out;
}

function value(p: number, c: number, dtype: 'float32' | 'int32', n: Normalize): number {
  if (dtype === 'int32') return Math.round(p);
  const mean = n.mean.length === 1 ? n.mean[0]! : (n.mean[c] ?? 0);
  const std = n.std.length === 1 ? n.std[0]! : (n.std[c] ?? 1);
  return (p / 255 - mean) / std;
}

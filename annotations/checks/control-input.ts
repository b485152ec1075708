// What a pack control does to its example's input, in the model's input scale: set one element of a vector
// (feature), add brightness, shift along an axis, or lay a black square patch at a position (occlusion).
import type { ControlParam } from '../format/types';
import { applyTransform, imageDims, type InputScale } from './transforms';

/** The value a black pixel takes in channel c (the low end of its range, or the high end for inverted scales). */
function blackValue(scale: InputScale, c: number): number {
  if (scale.dtype === 'int32') return 0;
  const { mean, std } = scale.normalize;
  const m = mean.length === 1 ? (mean[0] ?? 0) : (mean[c] ?? 0);
  const s = std.length === 1 ? (std[0] ?? 1) : (std[c] ?? 1);
  return (0 - m) / s;
}

/** Applies `param` at `value` to the input; returns new values (the input is not changed) or a reason it cannot. */
export function applyControlParam(
  values: Float32Array,
  shape: readonly number[],
  scale: InputScale,
  param: ControlParam,
  value: number,
): Float32Array | string {
  if (!Number.isFinite(value)) return `the setting ${value} is not a number`;
  switch (param.type) {
    case 'feature': {
      if (param.index >= values.length)
        return `input index ${param.index} is out of range: the input has ${values.length} values`;
      const out = values.slice();
      out[param.index] = value;
      return out;
    }
    case 'brightness':
      return applyTransform(
        values,
        shape,
        { type: 'brightness', amount: Math.max(-1, Math.min(1, value)) },
        scale,
      );
    case 'shift': {
      const d = Math.round(value);
      return applyTransform(
        values,
        shape,
        { type: 'shift', dx: param.axis === 'x' ? d : 0, dy: param.axis === 'y' ? d : 0 },
        scale,
      );
    }
    case 'patch': {
      const dims = imageDims(shape);
      if (typeof dims === 'string') return dims;
      const [n, h, w, c] = dims;
      if (n * h * w * c !== values.length)
        return `shape [${shape.join(', ')}] does not fit ${values.length} values`;
      const x0 = param.axis === 'x' ? Math.round(value) : param.at;
      const y0 = param.axis === 'y' ? Math.round(value) : param.at;
      const out = values.slice();
      for (let b = 0; b < n; b++)
        for (let y = Math.max(0, y0); y < Math.min(h, y0 + param.size); y++)
          for (let x = Math.max(0, x0); x < Math.min(w, x0 + param.size); x++)
            for (let ch = 0; ch < c; ch++) out[((b * h + y) * w + x) * c + ch] = blackValue(scale, ch);
      return out;
    }
  }
}

/** "brightness +0.2", "patch at x = 12", "feature 3 = 0.5": a setting in words. */
export function describeSetting(param: ControlParam, value: number): string {
  const v = Number(value.toPrecision(4));
  switch (param.type) {
    case 'feature':
      return `input ${param.index} = ${v}`;
    case 'brightness':
      return `brightness ${v > 0 ? '+' : ''}${v}`;
    case 'shift':
      return `shift ${Math.round(v)} px along ${param.axis}`;
    case 'patch':
      return `${param.size} px patch at ${param.axis} = ${Math.round(v)}`;
  }
}

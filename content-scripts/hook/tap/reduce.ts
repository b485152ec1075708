// Reductions of a watched tensor before it is read back, so that only what a view shows crosses the GPU bus:
// one value per channel (mean or max over every position), or a strided spatial downsample.

import type { Reduction } from '../../../protocol/bridge';
import { BRIDGE_LIMITS } from '../../../protocol/bridge';
import * as ops from '../tensor-ops';
import type { Engine, Tensor } from '../tensor-ops';

/** Most values a 'downsample' keeps (256 KiB of float32). */
export const DOWNSAMPLE_MAX_VALUES = 65_536;
/** Most values any frame may carry (the bridge's limit). */
export const MAX_FRAME_VALUES = BRIDGE_LIMITS.maxTapBytes / 4;

export type Plan =
  | { op: 'copy'; reduction: Reduction; shape: number[] }
  | { op: 'mean' | 'max'; reduction: Reduction; axes: number[]; shape: number[] }
  | { op: 'strided'; reduction: Reduction; end: number[]; strides: number[]; shape: number[] };

/**
 * What a reduction does to a tensor of `shape`, decided before any op runs. Channel reductions keep the batch axis
 * and the last (channel) axis of rank ≥ 3 tensors: [N, H, W, C] → [N, C]; lower ranks are already one value per
 * channel and are sent as they are. A tensor too big for one frame is downsampled whatever was asked.
 */
export function planReduction(shape: readonly number[], reduction: Reduction): Plan {
  const rank = shape.length;
  if ((reduction === 'channel-mean' || reduction === 'channel-max') && rank >= 3) {
    const axes: number[] = [];
    for (let i = 1; i < rank - 1; i++) axes.push(i);
    return {
      op: reduction === 'channel-mean' ? 'mean' : 'max',
      reduction,
      axes,
      shape: [shape[0]!, shape[rank - 1]!],
    };
  }
  const limit = reduction === 'downsample' ? DOWNSAMPLE_MAX_VALUES : MAX_FRAME_VALUES;
  if (ops.sizeOf(shape) <= limit)
    return {
      op: 'copy',
      reduction: reduction === 'downsample' ? 'downsample' : reduction,
      shape: [...shape],
    };
  const strides = downsampleStrides(shape, limit);
  const end = [...shape];
  return {
    op: 'strided',
    reduction: 'downsample',
    end,
    strides,
    shape: shape.map((d, i) => Math.ceil(d / strides[i]!)),
  };
}

/**
 * Strides that bring a tensor under `limit` values: the spatial axes first (all alike, so images keep their aspect),
 * then the channel axis, then the batch axis. Bounded: each axis' stride is at most its size.
 */
export function downsampleStrides(shape: readonly number[], limit: number): number[] {
  const rank = shape.length;
  const strides = shape.map(() => 1);
  const size = (): number => shape.reduce((n, d, i) => n * Math.ceil(d / strides[i]!), 1);
  const spatial: number[] = [];
  if (rank >= 3) for (let i = 1; i < rank - 1; i++) spatial.push(i);
  const groups: number[][] = [];
  if (spatial.length > 0) groups.push(spatial);
  if (rank >= 1) groups.push([rank - 1]);
  if (rank >= 2) groups.push([0]);
  for (const axes of groups) {
    if (size() <= limit) break;
    const biggest = Math.max(...axes.map((a) => shape[a]!));
    // Smallest common stride for these axes that fits, found by doubling then bisecting (at most ~64 steps).
    let lo = 1;
    let hi = 1;
    const fits = (s: number): boolean => {
      for (const a of axes) strides[a] = Math.min(s, Math.max(1, shape[a]!));
      return size() <= limit;
    };
    while (hi < biggest && !fits(hi)) hi *= 2;
    if (!fits(hi)) continue;
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      if (fits(mid)) hi = mid;
      else lo = mid + 1;
    }
    fits(hi);
  }
  return strides;
}

/**
 * Makes the tensor a plan asks for, kept out of every enclosing scope, for the caller to read then dispose. Our ops
 * run in our own tidy, so nothing but the result stays; `copy` is a clone (the same data, no GPU work).
 */
export function applyPlan(engine: Engine, t: Tensor, plan: Plan): Tensor {
  const result = ops.tidy(engine, () => {
    if (plan.op === 'copy') return ops.clone(t);
    const dtype = ops.dtypeOf(t);
    const x = dtype === 'bool' ? ops.cast(engine, t, 'int32') : t;
    if (plan.op === 'mean') {
      return ops.mean(engine, dtype === 'float32' ? x : ops.cast(engine, x, 'float32'), plan.axes);
    }
    if (plan.op === 'max') return ops.max(engine, x, plan.axes);
    if (plan.op === 'strided') return ops.stridedSlice(engine, x, plan.end, plan.strides);
    return ops.clone(t);
  });
  return ops.keep(engine, result);
}

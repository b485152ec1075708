import { describe, expect, it } from 'vitest';
import { DOWNSAMPLE_MAX_VALUES, MAX_FRAME_VALUES, downsampleStrides, planReduction } from './reduce';

const size = (s: number[]): number => s.reduce((a, b) => a * b, 1);

describe('planReduction', () => {
  it('reduces rank ≥ 3 to one value per channel and batch item', () => {
    expect(planReduction([2, 8, 8, 3], 'channel-mean')).toMatchObject({
      op: 'mean',
      axes: [1, 2],
      shape: [2, 3],
    });
    expect(planReduction([1, 5, 7], 'channel-max')).toMatchObject({ op: 'max', axes: [1], shape: [1, 7] });
  });

  it('sends rank ≤ 2 and small tensors as they are', () => {
    expect(planReduction([4, 10], 'channel-mean')).toMatchObject({ op: 'copy', shape: [4, 10] });
    expect(planReduction([1, 8, 8, 4], 'downsample')).toMatchObject({ op: 'copy', shape: [1, 8, 8, 4] });
    expect(planReduction([], 'none')).toMatchObject({ op: 'copy', shape: [] });
  });

  it('downsamples spatial axes alike, keeping channels, under the limit', () => {
    const plan = planReduction([1, 112, 112, 64], 'downsample');
    expect(plan.op).toBe('strided');
    if (plan.op !== 'strided') return;
    expect(plan.strides[1]).toBe(plan.strides[2]);
    expect(plan.strides[3]).toBe(1);
    expect(size(plan.shape)).toBeLessThanOrEqual(DOWNSAMPLE_MAX_VALUES);
    expect(plan.shape).toEqual([1, 28, 28, 64]);
  });

  it('downsamples a tensor too big for one frame even when none was asked, and says so', () => {
    const plan = planReduction([1, 2048, 2048, 3], 'none');
    expect(plan.reduction).toBe('downsample');
    expect(size(plan.shape)).toBeLessThanOrEqual(MAX_FRAME_VALUES);
  });

  it('finds strides under any limit for any shape (bounded)', () => {
    for (const shape of [[1e6], [3, 1e6], [1, 1, 1, 5e5], [64, 7, 7, 1024], [2, 3, 4, 5, 6, 7]]) {
      for (const limit of [1, 10, 1000]) {
        const strides = downsampleStrides(shape, limit);
        expect(size(shape.map((d, i) => Math.ceil(d / strides[i]!)))).toBeLessThanOrEqual(limit);
      }
    }
  });
});

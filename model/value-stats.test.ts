import { describe, expect, it } from 'vitest';
import { valueStats } from './value-stats';

describe('valueStats', () => {
  it('gives min, max, mean and population std', () => {
    expect(valueStats([1, 2, 3, 4])).toEqual({ min: 1, max: 4, mean: 2.5, std: Math.sqrt(1.25) });
    expect(valueStats(new Float32Array([-2, 2]))).toEqual({ min: -2, max: 2, mean: 0, std: 2 });
  });
  it('reads an empty list and non-finite results as zeros', () => {
    expect(valueStats([])).toEqual({ min: 0, max: 0, mean: 0, std: 0 });
    expect(valueStats([NaN]).mean).toBe(0);
    expect(valueStats([1, Infinity])).toEqual({ min: 1, max: 0, mean: 0, std: 0 });
  });
});

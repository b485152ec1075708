import { describe, expect, it } from 'vitest';
import { formatPercent, formatValue, histogram, summarize } from './stats';

describe('summarize', () => {
  it('gives min, max, mean, std and the share of zeros', () => {
    const s = summarize(Float32Array.from([0, 0, 1, 3]));
    expect(s).toMatchObject({ count: 4, min: 0, max: 3, mean: 1, sparsity: 0.5, nonFinite: 0 });
    expect(s.std).toBeCloseTo(Math.sqrt(1.5));
  });

  it('leaves out NaN and infinities, and copes with nothing', () => {
    expect(summarize([NaN, Infinity, 2])).toMatchObject({ count: 1, min: 2, max: 2, nonFinite: 2 });
    expect(summarize([])).toMatchObject({ count: 0, min: 0, max: 0, mean: 0 });
  });
});

describe('histogram', () => {
  it('bins values over their range, the maximum in the last bin', () => {
    expect(histogram([0, 0.1, 0.5, 0.9, 1], 2).counts).toEqual([2, 3]);
    expect(histogram([-1, 1], 4).counts).toEqual([1, 0, 0, 1]);
  });

  it('uses a given range and skips what falls outside', () => {
    expect(histogram([-5, 0, 0.5, 5], 2, { lo: 0, hi: 1 }).counts).toEqual([1, 1]);
  });

  it('puts everything in one bin when all values are equal', () => {
    expect(histogram([2, 2, 2], 3).counts).toEqual([3, 0, 0]);
  });
});

describe('formatting', () => {
  it('reads well', () => {
    expect(formatValue(0.123456)).toBe('0.123');
    expect(formatValue(1234.5)).toBe('1230');
    expect(formatValue(0.00001234)).toBe('1.23e-5');
    expect(formatValue(0)).toBe('0');
    expect(formatPercent(0.5)).toBe('50%');
    expect(formatPercent(0.0123)).toBe('1.2%');
    expect(formatPercent(0.0001)).toBe('<0.1%');
  });
});

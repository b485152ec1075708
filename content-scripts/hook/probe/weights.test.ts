import { describe, expect, it } from 'vitest';
import { leadingBlock } from './weights';

describe('leadingBlock', () => {
  it('keeps whole filters of a conv kernel first', () => {
    expect(leadingBlock([3, 3, 3, 32], 3 * 3 * 3 * 8)).toEqual([3, 3, 3, 8]);
    expect(leadingBlock([3, 3, 3, 32], 1e9)).toEqual([3, 3, 3, 32]);
  });

  it('cuts earlier axes when one filter alone is too big, never below one', () => {
    expect(leadingBlock([1000, 1000], 500)).toEqual([500, 1]);
    expect(leadingBlock([7], 1)).toEqual([1]);
    const b = leadingBlock([5, 6, 7, 8], 20);
    expect(b.reduce((x, y) => x * y, 1)).toBeLessThanOrEqual(20);
  });
});

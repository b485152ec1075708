import { describe, expect, it } from 'vitest';
import { barGeometry, firstExample, topK } from './vector';
import { colorOf, scaleFor } from './colormap';

describe('vectors', () => {
  it('takes the first example of a batch', () => {
    expect(Array.from(firstExample([2, 3], Float32Array.from([1, 2, 3, 4, 5, 6])))).toEqual([1, 2, 3]);
    expect(Array.from(firstExample([3], Float32Array.from([1, 2, 3])))).toEqual([1, 2, 3]);
  });

  it('draws bars from the bottom for positive values', () => {
    const { bars, zeroY } = barGeometry([1, 2], 100, 50);
    expect(zeroY).toBe(50);
    expect(bars[1]).toMatchObject({ x: 50, y: 0, height: 50, negative: false });
    expect(bars[0]!.height).toBe(25);
  });

  it('draws negative bars down from a zero line', () => {
    const { bars, zeroY } = barGeometry([-1, 1], 100, 40);
    expect(zeroY).toBe(20);
    expect(bars[0]).toMatchObject({ y: 20, height: 20, negative: true });
    expect(bars[1]).toMatchObject({ y: 0, height: 20 });
  });

  it('caps the number of bars', () => {
    expect(barGeometry(new Float32Array(1000), 100, 10, 50).bars).toHaveLength(50);
  });

  it('ranks the top k', () => {
    expect(topK([0.1, 0.7, NaN, 0.15, 0.05], 2)).toEqual([
      { index: 1, value: 0.7 },
      { index: 3, value: 0.15 },
    ]);
    expect(topK([1, 1, 1], 2).map((r) => r.index)).toEqual([0, 1]);
  });
});

describe('colour scales', () => {
  it('diverges around zero when values take both signs', () => {
    const s = scaleFor(-1, 3);
    expect(s).toEqual({ lo: -3, hi: 3, diverging: true });
    expect(Math.min(...colorOf(0, s))).toBeGreaterThan(230);
    expect(colorOf(-3, s)[2]).toBeGreaterThan(colorOf(3, s)[2]);
  });

  it('is sequential otherwise, and copes with a flat range', () => {
    expect(scaleFor(0, 5).diverging).toBe(false);
    expect(scaleFor(2, 2)).toEqual({ lo: 2, hi: 3, diverging: false });
    // viridis's first colour (#440154): non-finite values sit at the low end.
    expect(colorOf(Number.NaN, scaleFor(0, 1))).toEqual([68, 1, 84]);
  });
});

import { describe, expect, it } from 'vitest';
import { gridPoints, hexToRgb } from './plane.js';
import { regionOf, regionPoints } from './regions.js';
import { spiralPoints } from './spiral.js';

describe('gridPoints', () => {
  it('lists cell centres row by row from the top left', () => {
    expect(Array.from(gridPoints(2))).toEqual([-0.5, 0.5, 0.5, 0.5, -0.5, -0.5, 0.5, -0.5]);
    expect(gridPoints(64)).toHaveLength(64 * 64 * 2);
  });
});

describe('hexToRgb', () => {
  it('parses CSS hex colours', () => {
    expect(hexToRgb('#3d5a80')).toEqual([0x3d, 0x5a, 0x80]);
  });
});

describe('2-D datasets', () => {
  it('regions: a core disc and three arms, all represented', () => {
    expect(regionOf(0, 0)).toBe(0);
    const { labels } = regionPoints(2000, 1);
    const counts = [0, 0, 0, 0];
    labels.forEach((l) => counts[l]!++);
    expect(counts.every((c) => c > 100)).toBe(true);
  });

  it('spirals: a prefix of a seeded set is the smaller set with the same seed', () => {
    const big = spiralPoints(300, 7);
    const small = spiralPoints(30, 7);
    expect(Array.from(big.points.subarray(0, 60))).toEqual(Array.from(small.points));
    expect(Array.from(small.labels.subarray(0, 6))).toEqual([0, 1, 2, 0, 1, 2]);
  });
});

import { describe, expect, it } from 'vitest';
import { indexTicks, niceStep, niceTicks, rangeTicks, scaleTicks, withZero } from './ticks';

describe('ticks', () => {
  it('steps by 1, 2 or 5 times a power of ten', () => {
    expect(niceStep(10, 5)).toBe(2);
    expect(niceStep(1, 4)).toBe(0.5);
    expect(niceStep(0.03, 3)).toBeCloseTo(0.01);
    expect(niceStep(700, 5)).toBe(200);
    expect(niceStep(0, 5)).toBe(1);
  });

  it('puts round values inside the range, zero among them when it is crossed', () => {
    expect(niceTicks(-0.73, 2.1, 4).map((t) => t.value)).toEqual([0, 1, 2]);
    const ticks = niceTicks(-0.73, 2.1, 6);
    expect(ticks.map((t) => t.value)).toEqual([-0.5, 0, 0.5, 1, 1.5, 2]);
    expect(ticks.every((t) => t.at >= 0 && t.at <= 1)).toBe(true);
    expect(ticks.find((t) => t.value === 0)!.at).toBeCloseTo(0.73 / 2.83);
    expect(ticks.map((t) => t.label)).toContain('1.5');
  });

  it('rounds away floating-point noise and copes with flat or broken ranges', () => {
    expect(niceTicks(0.1, 0.35, 5).map((t) => t.value)).toEqual([0.1, 0.15, 0.2, 0.25, 0.3, 0.35]);
    expect(niceTicks(3, 3)).toEqual([{ value: 3, at: 0.5, label: '3' }]);
    expect(niceTicks(Number.NaN, 1)).toEqual([]);
  });

  it('shows a histogram’s ends and zero', () => {
    expect(rangeTicks(-0.4, 0.6).map((t) => [t.label, t.at])).toEqual([
      ['-0.4', 0],
      ['0', 0.4],
      ['0.6', 1],
    ]);
    expect(rangeTicks(1, 2).map((t) => t.value)).toEqual([1, 2]);
  });

  it('stretches a histogram to zero only when zero is near', () => {
    expect(withZero(0.2, 0.9)).toEqual({ lo: 0, hi: 0.9 });
    expect(withZero(-0.9, -0.3)).toEqual({ lo: -0.9, hi: 0 });
    expect(withZero(0.95, 1.05)).toEqual({ lo: 0.95, hi: 1.05 });
    expect(withZero(-1, 1)).toEqual({ lo: -1, hi: 1 });
  });

  it('labels the first and last bar under their centres', () => {
    expect(indexTicks(10).map((t) => [t.label, t.at])).toEqual([
      ['0', 0.05],
      ['9', 0.95],
    ]);
    expect(indexTicks(1)).toHaveLength(1);
    expect(indexTicks(0)).toEqual([]);
  });

  it('names a colour bar’s ends when no round tick is near them', () => {
    expect(scaleTicks(0, 1.65).map((t) => t.label)).toEqual(['0', '0.5', '1', '1.5', '1.65']);
    expect(scaleTicks(-0.97, 0.97).map((t) => t.label)).toEqual(['-0.97', '-0.5', '0', '0.5', '0.97']);
    expect(scaleTicks(0, 2).map((t) => t.label)).toEqual(['0', '0.5', '1', '1.5', '2']);
  });
});

import { describe, expect, it } from 'vitest';
import { colorMapOf, colorOf, gradientStops, legendText, parseColor, positionOf, scaleFor } from './colormap';

/** Relative luminance (sRGB), to check that a map runs dark to light. */
function luminance([r, g, b]: readonly number[]): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
}

describe('colour map choice', () => {
  it('uses viridis for magnitudes and RdBu centred on zero for signed values', () => {
    expect(colorMapOf(scaleFor(0, 4))).toBe('viridis');
    expect(colorMapOf(scaleFor(-0.5, 0.25))).toBe('RdBu');
    expect(scaleFor(-0.5, 0.25)).toEqual({ lo: -0.5, hi: 0.5, diverging: true });
    expect(legendText(scaleFor(-1, 1))).toMatch(/centred on 0/);
    expect(legendText(scaleFor(0, 1))).toMatch(/viridis/);
  });

  it('samples d3’s viridis: its ends, and brightness rising monotonically', () => {
    const s = scaleFor(0, 1);
    expect(colorOf(0, s)).toEqual([68, 1, 84]); // #440154
    expect(colorOf(1, s)).toEqual([253, 231, 37]); // #fde725
    let last = -1;
    for (let v = 0; v <= 1; v += 0.05) {
      const l = luminance(colorOf(v, s));
      expect(l).toBeGreaterThan(last);
      last = l;
    }
  });

  it('puts zero at RdBu’s near-white, blue below and red above, symmetric in brightness', () => {
    const s = scaleFor(-2, 2);
    // d3's RdBu is a B-spline through ColorBrewer's stops: near-white (not exactly #f7f7f7) at its centre.
    expect(Math.min(...colorOf(0, s))).toBeGreaterThan(230);
    const neg = colorOf(-2, s);
    const pos = colorOf(2, s);
    expect(neg[2]).toBeGreaterThan(neg[0]);
    expect(pos[0]).toBeGreaterThan(pos[2]);
    expect(Math.abs(luminance(colorOf(-1, s)) - luminance(colorOf(1, s)))).toBeLessThan(0.12);
  });

  it('clamps out-of-range and non-finite values', () => {
    const s = scaleFor(0, 1);
    expect(positionOf(5, s)).toBe(1);
    expect(positionOf(-5, s)).toBe(0);
    expect(positionOf(Number.POSITIVE_INFINITY, s)).toBe(1);
    expect(positionOf(Number.NaN, s)).toBe(0);
  });

  it('gives a colour bar’s stops low to high, and parses both of d3’s colour forms', () => {
    const stops = gradientStops(scaleFor(0, 1), 5);
    expect(stops).toHaveLength(5);
    expect(stops[0]).toBe('rgb(68 1 84)');
    expect(stops[4]).toBe('rgb(253 231 37)');
    expect(parseColor('#0a0B0c')).toEqual([10, 11, 12]);
    expect(parseColor('rgb(1, 22, 255)')).toEqual([1, 22, 255]);
    expect(parseColor('nonsense')).toEqual([0, 0, 0]);
  });
});

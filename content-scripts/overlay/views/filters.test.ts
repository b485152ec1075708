import { describe, expect, it } from 'vitest';
import { isImageKernel, paintFilters } from './filters';

describe('first-layer filters', () => {
  it('recognizes kernels that read an image', () => {
    expect(isImageKernel([5, 5, 1, 8])).toBe(true);
    expect(isImageKernel([3, 3, 3, 16])).toBe(true);
    expect(isImageKernel([3, 3, 8, 16])).toBe(false);
    expect(isImageKernel([1, 1, 3, 16])).toBe(false);
    expect(paintFilters([3, 3, 8, 16], new Float32Array(3 * 3 * 8 * 16))).toBeNull();
  });

  it('paints grey filters around mid-grey, each scaled by its own extreme', () => {
    // 2×2 kernel, 1 input channel, 2 filters: filter 0 = [1, -1, 0, 0], filter 1 = [0, 0, 0, 10].
    const values = Float32Array.from([1, 0, -1, 0, 0, 0, 0, 10]);
    const img = paintFilters([2, 2, 1, 2], values)!;
    expect(img).toMatchObject({ tiles: 2, columns: 2, width: 5, height: 2 });
    const px = (x: number, y: number) => img.pixels[(y * img.width + x) * 4]!;
    expect(px(0, 0)).toBe(255); // +max → white
    expect(px(1, 0)).toBe(1); // −max → black
    expect(px(0, 1)).toBe(128); // zero → grey
    expect(px(4, 1)).toBe(255); // filter 1's max, scaled on its own
    expect(img.pixels[(0 * img.width + 2) * 4 + 3]).toBe(0); // the gap
  });

  it('paints RGB kernels in colour', () => {
    const values = new Float32Array(2 * 2 * 3 * 1);
    values[0] = 1; // y0 x0 red channel
    const img = paintFilters([2, 2, 3, 1], values)!;
    expect(Array.from(img.pixels.slice(0, 3))).toEqual([255, 128, 128]);
  });
});

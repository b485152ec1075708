import { describe, expect, it } from 'vitest';
import { asMaps, channelMeans, gridLayout, paintGrid, tileScale } from './feature-grid';
import { scaleFor } from './colormap';

describe('asMaps', () => {
  it('reads NHWC frames as the first example’s maps', () => {
    const values = Float32Array.from({ length: 2 * 2 * 2 * 3 }, (_, i) => i);
    const maps = asMaps([2, 2, 2, 3], values)!;
    expect(maps).toMatchObject({ height: 2, width: 2, channels: 3 });
    expect(maps.values.length).toBe(12);
  });

  it('reads NCHW frames (ONNX) as C maps of H×W, channel c at row y and column x', () => {
    // [1, 3, 2, 4]: value = 100 c + 10 y + x, stored channels first.
    const values = Float32Array.from({ length: 3 * 2 * 4 }, (_, i) => {
      const c = Math.floor(i / 8);
      return 100 * c + 10 * Math.floor((i % 8) / 4) + (i % 4);
    });
    const maps = asMaps([1, 3, 2, 4], values, 'channels-first')!;
    expect(maps).toMatchObject({ height: 2, width: 4, channels: 3 });
    expect(maps.values[(1 * 4 + 3) * 3 + 2]).toBe(213);
    expect([...channelMeans(maps)]).toEqual([6.5, 106.5, 206.5]);
    // The same buffer read channels last would be 2 maps of 3 × 2: what the views drew before.
    expect(asMaps([1, 3, 2, 4], values)).toMatchObject({ height: 3, width: 2, channels: 4 });
  });

  it('reads a sequence as one heat map, and refuses vectors or short buffers', () => {
    expect(asMaps([1, 5, 4], new Float32Array(20))).toMatchObject({ height: 5, width: 4, channels: 1 });
    expect(asMaps([1, 10], new Float32Array(10))).toBeNull();
    expect(asMaps([1, 4, 4, 2], new Float32Array(3))).toBeNull();
  });
});

describe('grid layout and painting', () => {
  it('makes a near-square grid within the width, capped in tiles', () => {
    const layout = gridLayout({ height: 8, width: 8, channels: 16 }, 400, 4);
    expect(layout.columns * layout.rows).toBeGreaterThanOrEqual(16);
    expect(layout.columns).toBeLessThanOrEqual(Math.floor(401 / 33));
    expect(layout.width).toBe(layout.columns * 9 - 1);
    expect(gridLayout({ height: 2, width: 2, channels: 500 }, 400, 1).tiles).toBe(64);
  });

  it('enlarges small maps more than large ones', () => {
    expect(tileScale(7)).toBeGreaterThan(tileScale(56));
    expect(tileScale(224)).toBe(1);
  });

  it('paints each channel into its own tile, with transparent gaps', () => {
    // 1×1 maps, 2 channels: channel 0 low, channel 1 high.
    const maps = { height: 1, width: 1, channels: 2, values: Float32Array.from([0, 1]) };
    const layout = gridLayout(maps, 100, 1);
    expect(layout).toMatchObject({ columns: 2, rows: 1, width: 3, height: 1 });
    const px = paintGrid(maps, layout, scaleFor(0, 1));
    expect(px[3]).toBe(255); // tile 0 opaque
    expect(px[7]).toBe(0); // the gap
    expect(px[11]).toBe(255); // tile 1 opaque
    expect(px[8]! + px[9]! + px[10]!).toBeGreaterThan(px[0]! + px[1]! + px[2]!); // high is brighter
  });

  it('averages each channel', () => {
    const maps = { height: 1, width: 2, channels: 2, values: Float32Array.from([1, 10, 3, 20]) };
    expect(Array.from(channelMeans(maps))).toEqual([2, 15]);
  });
});

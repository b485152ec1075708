import { describe, expect, it } from 'vitest';
import { gridLayout, type Maps } from './feature-grid';
import {
  describeBin,
  describeGridCell,
  gridCellAt,
  gridCellBox,
  gridValue,
  indexAt,
  moveGridCell,
  moveIndex,
  tileOrigins,
} from './readout';

/** 3 channels of 2 × 4 maps, value = 100·channel + 10·row + col, laid out 2 tiles a row. */
function maps(): Maps {
  const h = 2;
  const w = 4;
  const c = 3;
  const values = new Float32Array(h * w * c);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++)
      for (let k = 0; k < c; k++) values[(y * w + x) * c + k] = 100 * k + 10 * y + x;
  return { height: h, width: w, channels: c, values };
}
const m = maps();
const layout = { ...gridLayout(m, 1000, 1), columns: 2, rows: 2, width: 9, height: 5 };

describe('the value under a pointer in a feature-map grid', () => {
  it('finds channel, row and column from fractions of the picture', () => {
    // Second tile (channel 1) starts at x = 5; its second row at y = 1.
    const cell = gridCellAt(m, layout, 6.5 / 9, 1.5 / 5)!;
    expect(cell).toEqual({ channel: 1, row: 1, col: 1 });
    expect(gridValue(m, cell)).toBe(111);
    expect(gridCellAt(m, layout, 0.5 / 9, 3.5 / 5)).toEqual({ channel: 2, row: 0, col: 0 });
  });

  it('finds nothing over gaps, empty tiles or outside', () => {
    expect(gridCellAt(m, layout, 4.5 / 9, 0.1)).toBeNull(); // the gap column
    expect(gridCellAt(m, layout, 0.1, 2.5 / 5)).toBeNull(); // the gap row
    expect(gridCellAt(m, layout, 6.5 / 9, 3.5 / 5)).toBeNull(); // channel 3 does not exist
    expect(gridCellAt(m, layout, 1.2, 0.5)).toBeNull();
  });

  it('places the marker on the cell', () => {
    expect(gridCellBox(m, layout, { channel: 1, row: 1, col: 2 })).toEqual({
      left: 7 / 9,
      top: 1 / 5,
      width: 1 / 9,
      height: 1 / 5,
    });
    expect(tileOrigins(m, layout).map((t) => [t.channel, t.left, t.top])).toEqual([
      [0, 0, 0],
      [1, 5 / 9, 0],
      [2, 0, 3 / 5],
    ]);
  });
});

describe('moving the cursor with keys', () => {
  it('moves one value, crossing into the neighbouring tile at an edge', () => {
    expect(moveGridCell({ channel: 0, row: 0, col: 3 }, 'ArrowRight', m, layout)).toEqual({
      channel: 1,
      row: 0,
      col: 0,
    });
    expect(moveGridCell({ channel: 1, row: 0, col: 0 }, 'ArrowLeft', m, layout)).toEqual({
      channel: 0,
      row: 0,
      col: 3,
    });
    expect(moveGridCell({ channel: 0, row: 1, col: 2 }, 'ArrowDown', m, layout)).toEqual({
      channel: 2,
      row: 0,
      col: 2,
    });
    expect(moveGridCell({ channel: 2, row: 0, col: 2 }, 'ArrowUp', m, layout)).toEqual({
      channel: 0,
      row: 1,
      col: 2,
    });
  });

  it('stays put at the edges of the grid, jumps channels and ends, and ignores other keys', () => {
    const first = { channel: 0, row: 0, col: 0 };
    expect(moveGridCell(first, 'ArrowLeft', m, layout)).toEqual(first);
    expect(moveGridCell(first, 'ArrowUp', m, layout)).toEqual(first);
    expect(moveGridCell(first, 'PageDown', m, layout)).toEqual({ channel: 1, row: 0, col: 0 });
    expect(moveGridCell(first, 'End', m, layout)).toEqual({ channel: 2, row: 1, col: 3 });
    expect(moveGridCell({ channel: 2, row: 1, col: 3 }, 'Home', m, layout)).toEqual(first);
    expect(moveGridCell(first, 'a', m, layout)).toBeNull();
  });

  it('moves along bars by one and by ten, clamped', () => {
    expect(moveIndex(0, 'ArrowLeft', 5)).toBe(0);
    expect(moveIndex(3, 'ArrowRight', 5)).toBe(4);
    expect(moveIndex(4, 'ArrowRight', 5)).toBe(4);
    expect(moveIndex(2, 'PageUp', 50)).toBe(12);
    expect(moveIndex(2, 'End', 50)).toBe(49);
    expect(moveIndex(2, 'Enter', 50)).toBeNull();
    expect(indexAt(10, 0.95)).toBe(9);
    expect(indexAt(10, 1)).toBeNull();
  });
});

describe('reading out', () => {
  it('names the channel, row, column and value', () => {
    expect(describeGridCell({ channel: 1, row: 1, col: 1 }, 111, m)).toBe('channel 1, row 1, column 1: 111');
    expect(describeGridCell({ channel: 0, row: 2, col: 3 }, -0.01234, { ...m, channels: 1 })).toBe(
      'row 2, column 3: -0.0123',
    );
  });

  it('reads a histogram bin as its range and count', () => {
    const hist = { lo: -1, hi: 1, counts: [3, 1, 0, 7] };
    expect(describeBin(hist, 0)).toBe('-1 to -0.5: 3 values');
    expect(describeBin(hist, 1)).toBe('-0.5 to 0: 1 value');
    expect(describeBin(hist, 3)).toBe('0.5 to 1: 7 values');
  });
});

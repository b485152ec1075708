import { describe, expect, it } from 'vitest';
import { clampPosition, dragBy, EDGE_MARGIN, isDrag, keyMove, parsePosition } from './position';

const viewport = { width: 1000, height: 600 };
const button = { width: 120, height: 40 };

describe('launcher position', () => {
  it('keeps the button inside the viewport with a margin', () => {
    expect(clampPosition({ right: -50, bottom: 9999 }, viewport, button)).toEqual({
      right: EDGE_MARGIN,
      bottom: 600 - 40 - EDGE_MARGIN,
    });
    expect(clampPosition({ right: 100, bottom: 100 }, viewport, button)).toEqual({ right: 100, bottom: 100 });
  });

  it('keeps a margin even in a viewport smaller than the button', () => {
    expect(clampPosition({ right: 50, bottom: 50 }, { width: 60, height: 30 }, button)).toEqual({
      right: EDGE_MARGIN,
      bottom: EDGE_MARGIN,
    });
  });

  it('moves with the pointer: right and down shrink the offsets', () => {
    expect(dragBy({ right: 100, bottom: 100 }, 30, 20, viewport, button)).toEqual({ right: 70, bottom: 80 });
    expect(dragBy({ right: 100, bottom: 100 }, -30, -20, viewport, button)).toEqual({
      right: 130,
      bottom: 120,
    });
  });

  it('maps arrow keys to moves, Shift for bigger steps', () => {
    expect(keyMove('ArrowLeft', false)).toEqual({ dx: -16, dy: 0 });
    expect(keyMove('ArrowDown', true)).toEqual({ dx: 0, dy: 64 });
    expect(keyMove('Enter', false)).toBeNull();
  });

  it('tells a click from a drag', () => {
    expect(isDrag(1, 2)).toBe(false);
    expect(isDrag(5, 0)).toBe(true);
  });

  it('parses only well-formed stored positions', () => {
    expect(parsePosition({ right: 10, bottom: 20 })).toEqual({ right: 10, bottom: 20 });
    expect(parsePosition({ right: '10', bottom: 20 })).toBeNull();
    expect(parsePosition({ right: NaN, bottom: 20 })).toBeNull();
    expect(parsePosition(null)).toBeNull();
  });
});

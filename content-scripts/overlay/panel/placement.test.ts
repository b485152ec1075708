import { describe, expect, it } from 'vitest';
import {
  clampWidth,
  DEFAULT_WIDTH,
  MAX_WIDTH,
  MIN_WIDTH,
  MIN_HEIGHT,
  panelHeight,
  parsePanelPrefs,
  placePanel,
  resizeBy,
  sideBySide,
} from './placement';

describe('panel placement', () => {
  it('defaults to the right at the default width when the content is unknown', () => {
    expect(placePanel(1280, null, null)).toEqual({ side: 'right', width: DEFAULT_WIDTH });
  });

  it('fills the free room beside centred content so it covers none of it', () => {
    // 1600 wide, content 300..1100: 500 free on the right.
    expect(placePanel(1600, { left: 300, right: 1100 }, null)).toEqual({ side: 'right', width: 500 });
  });

  it('goes left when there is clearly more room there', () => {
    expect(placePanel(1400, { left: 700, right: 1350 }, null)).toEqual({ side: 'left', width: 540 });
  });

  it('uses the default width when no side has enough room', () => {
    expect(placePanel(1000, { left: 20, right: 980 }, null)).toEqual({ side: 'right', width: DEFAULT_WIDTH });
  });

  it('takes the minimum width when the room is a little short of it, covering only a margin', () => {
    expect(placePanel(1280, { left: 300, right: 980 }, null)).toEqual({ side: 'right', width: MIN_WIDTH });
  });

  it('keeps a saved choice, clamped to the viewport', () => {
    expect(placePanel(1280, { left: 0, right: 100 }, { side: 'left', width: 5000 })).toEqual({
      side: 'left',
      width: MAX_WIDTH,
    });
    expect(clampWidth(10, 1280)).toBe(MIN_WIDTH);
    expect(clampWidth(700, 500)).toBe(450);
    expect(clampWidth(700, 300)).toBe(MIN_WIDTH);
  });

  it('resizes from the inner edge: dragging left widens a right-hand panel', () => {
    expect(resizeBy({ side: 'right', width: 400 }, -50, 1280)).toEqual({ side: 'right', width: 450 });
    expect(resizeBy({ side: 'left', width: 400 }, -50, 1280)).toEqual({ side: 'left', width: 350 });
  });

  it('makes the page reflow beside a side panel only where it is wide enough (never docked at the bottom)', () => {
    expect(sideBySide({ side: 'right', width: 420 }, 1280)).toBe(true);
    expect(sideBySide({ side: 'left', width: 420 }, 1280)).toBe(true);
    expect(sideBySide({ side: 'right', width: 420 }, 1024)).toBe(false);
    expect(sideBySide({ side: 'right', width: 700 }, 1280)).toBe(false);
    expect(sideBySide({ side: 'bottom', width: 420 }, 1920)).toBe(false);
  });

  it('docks at the bottom with a height of its own: a share of the viewport, resized from its top edge', () => {
    expect(panelHeight({ side: 'bottom', width: 420 }, 800)).toBe(320);
    expect(panelHeight({ side: 'bottom', width: 420, height: 50 }, 800)).toBe(MIN_HEIGHT);
    expect(panelHeight({ side: 'bottom', width: 420, height: 5000 }, 800)).toBe(560);
    // Dragging the top edge up (negative dy) makes it taller; the width is kept for when it docks at a side again.
    expect(resizeBy({ side: 'bottom', width: 420, height: 300 }, 0, 1280, -40, 800)).toEqual({
      side: 'bottom',
      width: 420,
      height: 340,
    });
    expect(placePanel(1280, null, { side: 'bottom', width: 420, height: 300 })).toEqual({
      side: 'bottom',
      width: 420,
      height: 300,
    });
  });

  it('parses only well-formed prefs', () => {
    expect(parsePanelPrefs({ side: 'bottom', width: 400, height: 250 })).toEqual({
      side: 'bottom',
      width: 400,
      height: 250,
    });
    expect(parsePanelPrefs({ side: 'bottom', width: 400, height: 'tall' })).toBeNull();
    expect(parsePanelPrefs({ side: 'left', width: 400 })).toEqual({ side: 'left', width: 400 });
    expect(parsePanelPrefs({ side: 'top', width: 400 })).toBeNull();
    expect(parsePanelPrefs({ side: 'left', width: -1 })).toBeNull();
    expect(parsePanelPrefs(undefined)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { COLUMN_GAP, NOTE_MAX_WIDTH, notesColumn, panelSideForNotes } from './margin';

describe('notesColumn', () => {
  it('puts the column in the right margin of a centred page, hugging the content', () => {
    const column = notesColumn({ viewportWidth: 1600, content: { left: 400, right: 1200 }, panel: null });
    expect(column).toEqual({ mode: 'margin', side: 'right', left: 1200 + COLUMN_GAP, width: NOTE_MAX_WIDTH });
  });

  it('takes the other margin when the panel covers one', () => {
    const column = notesColumn({
      viewportWidth: 1600,
      content: { left: 400, right: 1200 },
      panel: { side: 'right', width: 420 },
    });
    expect(column).toEqual({ mode: 'margin', side: 'left', left: 400 - COLUMN_GAP - 300, width: 300 });
  });

  it('shrinks the column to the room there is, down to a readable width', () => {
    const column = notesColumn({ viewportWidth: 1500, content: { left: 0, right: 1260 }, panel: null });
    expect(column).toEqual({ mode: 'margin', side: 'right', left: 1276, width: 240 - 2 * COLUMN_GAP });
  });

  it('collapses to markers on a narrow viewport, a full-width page or an unknown layout', () => {
    expect(notesColumn({ viewportWidth: 800, content: { left: 40, right: 760 }, panel: null })).toEqual({
      mode: 'markers',
    });
    expect(notesColumn({ viewportWidth: 1600, content: { left: 0, right: 1600 }, panel: null }).mode).toBe(
      'markers',
    );
    expect(notesColumn({ viewportWidth: 1600, content: null, panel: null }).mode).toBe('markers');
  });

  it('never places the column under the panel, even when the panel covers content', () => {
    const column = notesColumn({
      viewportWidth: 1400,
      content: { left: 100, right: 900 },
      panel: { side: 'right', width: 460 },
    });
    expect(column.mode).toBe('markers'); // 900 → 940 is all there is on the right, 100 on the left
  });
});

describe('panelSideForNotes', () => {
  it('sends the panel to the side that leaves the notes a column', () => {
    // Content hugs the left (a full-width header paragraph), room on the right only if the panel goes left.
    expect(panelSideForNotes(1920, { left: 28, right: 1480 }, 440)).toBe('left');
    expect(panelSideForNotes(1920, { left: 440, right: 1880 }, 400)).toBe('right');
  });

  it('has no opinion when neither side or both sides leave the same room', () => {
    expect(panelSideForNotes(1000, { left: 0, right: 1000 }, 400)).toBeNull();
    expect(panelSideForNotes(2000, { left: 700, right: 1300 }, 320)).toBeNull();
  });
});

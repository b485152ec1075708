import { describe, expect, it } from 'vitest';
import { layoutPageNotes, MARKER_SIZE, MAX_DISPLACEMENT, PINNED, type AnchorBox } from './layout';
import { overlapsNone } from './stack';

const box = (
  id: string,
  left: number,
  top: number,
  right: number,
  bottom: number,
  noteHeight = 80,
): AnchorBox => ({
  id,
  rect: { left, top, right, bottom },
  noteHeight,
});

describe('layoutPageNotes', () => {
  it('puts each note in the margin beside its anchor, level with it when there is room', () => {
    const out = layoutPageNotes({
      viewportWidth: 1600,
      documentTop: 0,
      content: { left: 400, right: 1200 },
      panel: null,
      anchors: [box('a', 420, 100, 800, 140), box('b', 420, 600, 1100, 700)],
    });
    expect(out.column).toMatchObject({ mode: 'margin', side: 'right' });
    const a = out.notes.get('a')!;
    expect(a).toMatchObject({ y: 100, hidden: false });
    expect(a.x).toBeGreaterThan(1200);
    expect(out.notes.get('b')!.y).toBe(600);
  });

  it('stacks notes whose anchors share a row, without overlap', () => {
    const anchors = [
      box('a', 420, 300, 600, 320, 120),
      box('b', 700, 300, 900, 320, 120),
      box('c', 420, 330, 500, 350, 60),
    ];
    const out = layoutPageNotes({
      viewportWidth: 1600,
      documentTop: -1000,
      content: { left: 400, right: 1200 },
      panel: null,
      anchors,
    });
    const boxes = anchors.map((a) => ({ top: out.notes.get(a.id)!.y, height: a.noteHeight }));
    expect(overlapsNone(boxes, 10)).toBe(true);
  });

  it('widens the content by the anchors, and so goes to markers when a wide anchor leaves no margin', () => {
    const out = layoutPageNotes({
      viewportWidth: 1280,
      documentTop: 0,
      content: { left: 120, right: 1160 },
      panel: null,
      anchors: [box('header', 28, 40, 788, 90)],
    });
    expect(out.column.mode).toBe('markers');
    expect(out.notes.size).toBe(0);
  });

  it('ignores full-width bands when it looks for the margin', () => {
    const out = layoutPageNotes({
      viewportWidth: 1600,
      documentTop: 0,
      content: { left: 400, right: 1200 },
      panel: null,
      anchors: [box('banner', 0, 0, 1600, 60)],
    });
    expect(out.column.mode).toBe('margin');
  });

  it('hides the note and marker of an anchor that is not rendered', () => {
    const out = layoutPageNotes({
      viewportWidth: 1600,
      documentTop: 0,
      content: { left: 400, right: 1200 },
      panel: null,
      anchors: [{ id: 'gone', rect: null, noteHeight: 50 }, box('here', 420, 10, 500, 30)],
    });
    expect(out.notes.get('gone')!.hidden).toBe(true);
    expect(out.markers.get('gone')!.hidden).toBe(true);
    expect(out.notes.get('here')!.hidden).toBe(false);
  });

  it('puts markers on the anchor’s top-right corner, stepping aside so that none collide', () => {
    const out = layoutPageNotes({
      viewportWidth: 800,
      documentTop: 0,
      content: { left: 0, right: 800 },
      panel: null,
      anchors: [box('a', 100, 100, 300, 140), box('b', 100, 100, 300, 140), box('c', 500, 400, 790, 420)],
    });
    const a = out.markers.get('a')!;
    const b = out.markers.get('b')!;
    expect(a).toEqual({ x: 300 - MARKER_SIZE / 2, y: 100 - MARKER_SIZE / 2, hidden: false });
    expect(Math.abs(a.x - b.x)).toBeGreaterThanOrEqual(MARKER_SIZE);
    // Kept inside the viewport.
    expect(out.markers.get('c')!.x + MARKER_SIZE).toBeLessThanOrEqual(800);
  });

  it('folds notes of a crowd that cannot sit near their anchors into their markers, keeping pinned ones', () => {
    const anchors = Array.from({ length: 6 }, (_, i) => ({
      ...box(`n${i}`, 420, 200 + i * 5, 600, 230, 100),
      priority: i === 5 ? PINNED : 1,
    }));
    const out = layoutPageNotes({
      viewportWidth: 1600,
      documentTop: -500,
      content: { left: 400, right: 1200 },
      panel: null,
      anchors,
    });
    const shown = anchors.filter((a) => !out.notes.get(a.id)!.folded);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(6);
    expect(out.notes.get('n5')!.folded).toBe(false); // the tour's note stays
    for (const a of shown) {
      const note = out.notes.get(a.id)!;
      expect(note.hidden).toBe(false);
      expect(Math.abs(note.y - a.rect!.top)).toBeLessThanOrEqual(MAX_DISPLACEMENT);
    }
    expect(
      overlapsNone(
        shown.map((a) => ({ top: out.notes.get(a.id)!.y, height: 100 })),
        10,
      ),
    ).toBe(true);
  });

  it('a crowd near the top does not fold the notes further down that have room beside their anchors', () => {
    const crowd = Array.from({ length: 4 }, (_, i) => box(`c${i}`, 420, 200 + i * 10, 600, 230, 100));
    const below = [box('b1', 420, 600, 600, 620, 100), box('b2', 700, 610, 900, 630, 100)];
    const out = layoutPageNotes({
      viewportWidth: 1600,
      documentTop: 0,
      content: { left: 400, right: 1200 },
      panel: null,
      anchors: [...crowd, ...below],
    });
    expect(out.notes.get('c0')!.folded).toBe(false);
    expect(crowd.some((a) => out.notes.get(a.id)!.folded)).toBe(true);
    for (const a of below) {
      expect(out.notes.get(a.id)!.folded).toBe(false);
      expect(Math.abs(out.notes.get(a.id)!.y - a.rect!.top)).toBeLessThanOrEqual(MAX_DISPLACEMENT);
    }
  });

  it('puts a quote’s marker after its last word, like a footnote mark', () => {
    const out = layoutPageNotes({
      viewportWidth: 1600,
      documentTop: 0,
      content: { left: 400, right: 1200 },
      panel: null,
      anchors: [{ ...box('q', 420, 100, 900, 140), end: { x: 610, y: 122 } }],
    });
    expect(out.markers.get('q')).toEqual({ x: 611, y: 122 - 1 - MARKER_SIZE / 2, hidden: false });
  });
});

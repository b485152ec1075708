// One frame of page-note layout from measured boxes: the notes column (or markers mode), each note's place in the
// margin beside its anchor, stacked without overlap, and each numbered marker at its anchor's corner. Pure: the
// positioner reads every box first, calls this, then writes every style (no layout thrash).

import { notesColumn, type NotesColumn, type Side, type Span } from './margin';
import { stackNotes } from './stack';

export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface AnchorBox {
  id: string;
  /** The anchor's box in viewport coordinates, or null when it is not rendered (display: none, detached). */
  rect: Rect | null;
  /** Measured height of the note in the margin (its width is the column's). */
  noteHeight: number;
}

export interface LayoutInput {
  viewportWidth: number;
  /** Top of the document in viewport coordinates (-scrollY): no note goes above it. */
  documentTop: number;
  /** The page's content, as measured (anchors are added to it here). */
  content: Span | null;
  panel: { side: Side; width: number } | null;
  anchors: AnchorBox[];
}

export interface Placed {
  x: number;
  y: number;
  hidden: boolean;
}

export interface LayoutOutput {
  column: NotesColumn;
  notes: Map<string, Placed & { width: number }>;
  markers: Map<string, Placed>;
}

export const NOTE_GAP = 10;
export const MARKER_SIZE = 18;

/** Anchors narrower than this share of the viewport widen the content box (full-width bands do not). */
const BAND = 0.8;

/** The content's horizontal extent widened by the anchors in it (not by full-width bands or off-screen ones). */
export function contentWithAnchors(
  content: Span | null,
  rects: readonly (Rect | null)[],
  viewportWidth: number,
): Span | null {
  let span = content ? { ...content } : null;
  for (const rect of rects) {
    if (!rect || rect.right - rect.left >= viewportWidth * BAND) continue;
    if (rect.right <= 0 || rect.left >= viewportWidth) continue;
    span = span
      ? { left: Math.min(span.left, rect.left), right: Math.max(span.right, rect.right) }
      : { left: rect.left, right: rect.right };
  }
  return span;
}

/** Markers sit on their anchor's top-right corner; markers that would collide step left of each other. */
function placeMarkers(input: LayoutInput): Map<string, Placed> {
  const half = MARKER_SIZE / 2;
  const out = new Map<string, Placed>();
  const taken: { x: number; y: number }[] = [];
  const visible = input.anchors
    .filter((a) => a.rect)
    .sort((a, b) => a.rect!.top - b.rect!.top || a.rect!.right - b.rect!.right);
  for (const anchor of input.anchors) if (!anchor.rect) out.set(anchor.id, { x: 0, y: 0, hidden: true });
  for (const anchor of visible) {
    const rect = anchor.rect!;
    let x = Math.min(input.viewportWidth - MARKER_SIZE - 2, Math.max(2, rect.right - half));
    const y = rect.top - half;
    while (taken.some((t) => Math.abs(t.x - x) < MARKER_SIZE + 2 && Math.abs(t.y - y) < MARKER_SIZE + 2))
      x -= MARKER_SIZE + 4;
    taken.push({ x, y });
    out.set(anchor.id, { x, y, hidden: false });
  }
  return out;
}

export function layoutPageNotes(input: LayoutInput): LayoutOutput {
  const column = notesColumn({
    viewportWidth: input.viewportWidth,
    content: contentWithAnchors(
      input.content,
      input.anchors.map((a) => a.rect),
      input.viewportWidth,
    ),
    panel: input.panel,
  });
  const notes = new Map<string, Placed & { width: number }>();
  if (column.mode === 'margin') {
    const shown = input.anchors.filter((a) => a.rect);
    const tops = stackNotes(
      shown.map((a) => ({ id: a.id, want: a.rect!.top, height: a.noteHeight })),
      { gap: NOTE_GAP, min: input.documentTop + 8 },
    );
    for (const anchor of input.anchors) {
      const y = tops.get(anchor.id);
      notes.set(anchor.id, {
        x: column.left,
        y: y ?? 0,
        width: column.width,
        hidden: y === undefined,
      });
    }
  }
  return { column, notes, markers: placeMarkers(input) };
}

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
  /** For text anchors: the end of the quoted text, where its marker goes (like a footnote mark). */
  end?: { x: number; y: number } | null;
  /** Which notes stay in the margin when a crowd does not fit: higher first (a tour step's, an opened one). */
  priority?: number;
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
  /** Margin mode: each note's place; a folded note (hidden) did not fit near its anchor and opens from its marker. */
  notes: Map<string, Placed & { width: number; folded: boolean }>;
  markers: Map<string, Placed>;
}

export const NOTE_GAP = 10;
export const MARKER_SIZE = 18;
/** A note further than this from its anchor's top is not "beside" it any more: it folds into its marker. */
export const MAX_DISPLACEMENT = 120;
/** Notes of at least this priority never fold. */
export const PINNED = 3;

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
    // On an element's top-right corner; after a quote's last word, raised like a footnote mark.
    const at = anchor.end
      ? { x: anchor.end.x + 1 + half, y: anchor.end.y - 1 }
      : { x: rect.right, y: rect.top };
    let x = Math.min(input.viewportWidth - MARKER_SIZE - 2, Math.max(2, at.x - half));
    const y = at.y - half;
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
  const notes = new Map<string, Placed & { width: number; folded: boolean }>();
  if (column.mode === 'margin') {
    // Greedy, in order of importance then from the top of the page: a note joins the margin if, with it, every
    // note already there still sits within MAX_DISPLACEMENT of its anchor; else it folds into its marker.
    const candidates = input.anchors
      .filter((a) => a.rect)
      .sort((p, q) => (q.priority ?? 0) - (p.priority ?? 0) || p.rect!.top - q.rect!.top);
    const stack = (list: AnchorBox[]) =>
      stackNotes(
        list.map((a) => ({ id: a.id, want: a.rect!.top, height: a.noteHeight })),
        { gap: NOTE_GAP, min: input.documentTop + 8 },
      );
    const near = (list: AnchorBox[], at: Map<string, number>) =>
      list.every(
        (a) => (a.priority ?? 0) >= PINNED || Math.abs(at.get(a.id)! - a.rect!.top) <= MAX_DISPLACEMENT,
      );
    let shown: AnchorBox[] = [];
    const folded = new Set<string>();
    let tops = new Map<string, number>();
    for (const candidate of candidates) {
      const trial = [...shown, candidate];
      const at = stack(trial);
      if (near(trial, at) || (candidate.priority ?? 0) >= PINNED) {
        shown = trial;
        tops = at;
      } else folded.add(candidate.id);
    }
    for (const anchor of input.anchors) {
      const y = tops.get(anchor.id);
      notes.set(anchor.id, {
        x: column.left,
        y: y ?? 0,
        width: column.width,
        hidden: y === undefined,
        folded: folded.has(anchor.id),
      });
    }
  }
  return { column, notes, markers: placeMarkers(input) };
}

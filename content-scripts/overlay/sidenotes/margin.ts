// Where the margin notes go: a column in the free margin beside the page's content (left or right of it, never
// under the panel), or, when no margin is wide enough to read a note in, numbered markers beside each anchor. Pure.

export type Side = 'left' | 'right';

export interface Span {
  left: number;
  right: number;
}

export interface MarginInput {
  viewportWidth: number;
  /** Horizontal extent of the page's content, anchored elements included; null when unknown. */
  content: Span | null;
  /** The side panel, when open. */
  panel: { side: Side; width: number } | null;
}

export type NotesColumn = { mode: 'margin'; side: Side; left: number; width: number } | { mode: 'markers' };

/** Narrower than this, a note is too cramped to read: markers instead. */
export const NOTE_MIN_WIDTH = 200;
export const NOTE_MAX_WIDTH = 300;
/** Space between the column and the content, and between the column and the viewport's edge or the panel. */
export const COLUMN_GAP = 16;

function regions(input: MarginInput): Record<Side, Span> | null {
  const { viewportWidth: vw, content, panel } = input;
  if (!content || !(content.right > content.left)) return null;
  const leftEdge = panel?.side === 'left' ? panel.width : 0;
  const rightEdge = panel?.side === 'right' ? vw - panel.width : vw;
  return {
    left: { left: leftEdge, right: Math.min(content.left, rightEdge) },
    right: { left: Math.max(content.right, leftEdge), right: rightEdge },
  };
}

const room = (span: Span): number => span.right - span.left - 2 * COLUMN_GAP;

/** The notes column for this layout. The wider margin wins; on a tie, the right one (where readers expect notes). */
export function notesColumn(input: MarginInput): NotesColumn {
  const spans = regions(input);
  if (!spans) return { mode: 'markers' };
  const side: Side = room(spans.left) > room(spans.right) ? 'left' : 'right';
  const span = spans[side];
  const available = room(span);
  if (available < NOTE_MIN_WIDTH) return { mode: 'markers' };
  const width = Math.floor(Math.min(NOTE_MAX_WIDTH, available));
  // The column hugs the content, so each note stays as close to its anchor as the margin allows.
  const left = side === 'right' ? span.left + COLUMN_GAP : span.right - COLUMN_GAP - width;
  return { mode: 'margin', side, left: Math.round(left), width };
}

/**
 * The side for a panel of `width` that leaves the widest notes column (null when neither leaves room for one, or
 * both leave the same: the caller keeps its own choice then).
 */
export function panelSideForNotes(viewportWidth: number, content: Span | null, width: number): Side | null {
  const widthWith = (side: Side): number => {
    const column = notesColumn({ viewportWidth, content, panel: { side, width } });
    return column.mode === 'margin' ? column.width : 0;
  };
  const left = widthWith('left');
  const right = widthWith('right');
  if (left === right) return null;
  return left > right ? 'left' : 'right';
}

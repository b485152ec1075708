// Where the side panel goes and how wide it is: on the side with more free room beside the page's content, as wide
// as that room allows within limits, or as the reader chose. Pure.

export type Side = 'left' | 'right';

export interface PanelPrefs {
  side: Side;
  width: number;
}

export const MIN_WIDTH = 320;
export const MAX_WIDTH = 720;
export const DEFAULT_WIDTH = 420;
export const RESIZE_STEP = 24;

/** The horizontal extent of the page's main content, as measured in the page (null when unknown). */
export interface ContentBox {
  left: number;
  right: number;
}

export function clampWidth(width: number, viewportWidth: number): number {
  const max = Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, Math.floor(viewportWidth * 0.9)));
  return Math.round(Math.min(max, Math.max(MIN_WIDTH, width)));
}

/**
 * Picks the side and width. With a content box, the panel goes on the side with more free room; its width fills that
 * room when the room is nearly MIN_WIDTH or more (so it covers at most a margin), else DEFAULT_WIDTH. Saved prefs win.
 */
export function placePanel(
  viewportWidth: number,
  content: ContentBox | null,
  saved: PanelPrefs | null,
): PanelPrefs {
  if (saved) return { side: saved.side, width: clampWidth(saved.width, viewportWidth) };
  if (!content) return { side: 'right', width: clampWidth(DEFAULT_WIDTH, viewportWidth) };
  const freeLeft = Math.max(0, content.left);
  const freeRight = Math.max(0, viewportWidth - content.right);
  const side: Side = freeLeft > freeRight + 40 ? 'left' : 'right';
  const free = side === 'left' ? freeLeft : freeRight;
  // Enough room (or nearly: covering a margin is fine): fill it. Otherwise the content is wide and gets covered anyway.
  const width =
    free >= MIN_WIDTH - 60 ? Math.max(MIN_WIDTH, Math.min(free, DEFAULT_WIDTH + 120)) : DEFAULT_WIDTH;
  return { side, width: clampWidth(width, viewportWidth) };
}

/** New width while dragging the inner edge by dx px (screen direction). */
export function resizeBy(prefs: PanelPrefs, dx: number, viewportWidth: number): PanelPrefs {
  const width = prefs.side === 'right' ? prefs.width - dx : prefs.width + dx;
  return { side: prefs.side, width: clampWidth(width, viewportWidth) };
}

export function parsePanelPrefs(v: unknown): PanelPrefs | null {
  if (typeof v !== 'object' || v === null) return null;
  const { side, width } = v as Record<string, unknown>;
  if (side !== 'left' && side !== 'right') return null;
  if (typeof width !== 'number' || !Number.isFinite(width) || width <= 0 || width > 10_000) return null;
  return { side, width };
}

// Where the panel goes and how big it is: on the side with more free room beside the page's content, as wide as
// that room allows within limits, or docked where the reader chose (left, right or bottom); and whether the page is
// wide enough to reflow beside it (side by side) rather than be covered. Pure.

export type Side = 'left' | 'right';
export type Dock = Side | 'bottom';

export interface PanelPrefs {
  side: Dock;
  width: number;
  /** Height when docked at the bottom (absent: DEFAULT_HEIGHT_SHARE of the viewport). */
  height?: number;
}

export const MIN_WIDTH = 320;
export const MAX_WIDTH = 720;
export const DEFAULT_WIDTH = 420;
export const RESIZE_STEP = 24;
export const MIN_HEIGHT = 200;
export const DEFAULT_HEIGHT_SHARE = 0.4;
/** Side by side from this viewport width on (Hypothesis's side-by-side mode), when the page keeps MIN_PAGE_WIDTH. */
export const SIDE_BY_SIDE_MIN_VIEWPORT = 1100;
export const MIN_PAGE_WIDTH = 640;

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
  if (saved) return { ...saved, width: clampWidth(saved.width, viewportWidth) };
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

export function clampHeight(height: number, viewportHeight: number): number {
  const max = Math.max(MIN_HEIGHT, Math.floor(viewportHeight * 0.7));
  return Math.round(Math.min(max, Math.max(MIN_HEIGHT, height)));
}

/** The bottom panel's height: the reader's, else a share of the viewport, within limits. */
export function panelHeight(prefs: PanelPrefs, viewportHeight: number): number {
  return clampHeight(prefs.height ?? viewportHeight * DEFAULT_HEIGHT_SHARE, viewportHeight);
}

/** New size while dragging the inner edge by dx, dy px (screen direction). */
export function resizeBy(
  prefs: PanelPrefs,
  dx: number,
  viewportWidth: number,
  dy = 0,
  viewportHeight = 0,
): PanelPrefs {
  if (prefs.side === 'bottom')
    return { ...prefs, height: clampHeight(panelHeight(prefs, viewportHeight) - dy, viewportHeight) };
  const width = prefs.side === 'right' ? prefs.width - dx : prefs.width + dx;
  return { ...prefs, width: clampWidth(width, viewportWidth) };
}

/**
 * Whether the page should make room for the panel (reflow beside it) rather than be covered: a side panel on a
 * viewport at least SIDE_BY_SIDE_MIN_VIEWPORT wide that leaves the page MIN_PAGE_WIDTH. Docked at the bottom, the
 * page makes room below its end instead (see page-shift.ts).
 */
export function sideBySide(prefs: PanelPrefs, viewportWidth: number): boolean {
  return (
    prefs.side !== 'bottom' &&
    viewportWidth >= SIDE_BY_SIDE_MIN_VIEWPORT &&
    viewportWidth - prefs.width >= MIN_PAGE_WIDTH
  );
}

export function parsePanelPrefs(v: unknown): PanelPrefs | null {
  if (typeof v !== 'object' || v === null) return null;
  const { side, width, height } = v as Record<string, unknown>;
  if (side !== 'left' && side !== 'right' && side !== 'bottom') return null;
  if (typeof width !== 'number' || !Number.isFinite(width) || width <= 0 || width > 10_000) return null;
  if (height === undefined) return { side, width };
  if (typeof height !== 'number' || !Number.isFinite(height) || height <= 0 || height > 10_000) return null;
  return { side, width, height };
}

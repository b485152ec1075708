// Keeps page notes, markers and highlight rings beside their anchors as the page scrolls, resizes and shifts:
// floating-ui's autoUpdate watches each anchor; every change only schedules one layout per animation frame, which
// reads every box, computes (layout.ts), then writes every style.

import { autoUpdate } from '@floating-ui/dom';
import { measureContent } from '../panel/measure-content';
import type { Side } from './margin';
import { layoutPageNotes, MARKER_SIZE, type AnchorBox, type LayoutOutput, type Rect } from './layout';

/** What a page anchor gives the positioner: its element, and its text range for quotes. */
export interface AnchorLike {
  element: Element;
  range: Range;
  match: 'element' | 'exact' | 'fuzzy' | 'position';
}

export interface NoteTarget {
  id: string;
  anchor: AnchorLike;
  note: HTMLElement | null;
  marker: HTMLElement | null;
}

export interface PositionerOptions {
  panel(): { side: Side; width: number } | null;
  /** The note open as a popover (markers mode, or a folded note in margin mode); null for none. */
  openNote(): string | null;
  /** How much a note should stay in the margin when a crowd does not fit (see layout.ts PINNED). */
  priority(id: string): number;
  onLayout?(out: LayoutOutput): void;
}

const MAX_RING_RECTS = 12;

/** A range's box (null where ranges have no geometry, as in jsdom). */
export function rangeRect(range: Range): DOMRect | null {
  return typeof range.getBoundingClientRect === 'function' ? range.getBoundingClientRect() : null;
}

function rangeRects(range: Range): DOMRect[] {
  return typeof range.getClientRects === 'function' ? [...range.getClientRects()] : [];
}

function anchorRect(anchor: AnchorLike): Rect | null {
  if (!anchor.element.isConnected) return null;
  const r = anchor.match === 'element' ? anchor.element.getBoundingClientRect() : rangeRect(anchor.range);
  if (!r || (r.width === 0 && r.height === 0)) return null;
  return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
}

/** Where a quote ends (right of its last line box), for its footnote-like marker. */
function anchorEnd(anchor: AnchorLike): { x: number; y: number } | null {
  if (anchor.match === 'element' || !anchor.element.isConnected) return null;
  // The last line's box: the lowest, and on it the rightmost (rect order is not line order).
  let last: DOMRect | null = null;
  for (const r of rangeRects(anchor.range)) {
    if (r.width === 0) continue;
    if (!last || r.top > last.top + 1 || (Math.abs(r.top - last.top) <= 1 && r.right > last.right)) last = r;
  }
  return last ? { x: last.right, y: last.top } : null;
}

function ringRects(anchor: AnchorLike): Rect[] {
  if (!anchor.element.isConnected) return [];
  const rects =
    anchor.match === 'element'
      ? [anchor.element.getBoundingClientRect()]
      : rangeRects(anchor.range).slice(0, MAX_RING_RECTS);
  // DOMRect fields are prototype getters: copy them out (spreading would give {}).
  return rects
    .filter((r) => r.width > 0 || r.height > 0)
    .map((r) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom }));
}

const px = (n: number) => `${Math.round(n)}px`;

export class NotesPositioner {
  private targets: NoteTarget[] = [];
  private rings: AnchorLike[] = [];
  private cleanups: (() => void)[] = [];
  private frame = 0;
  private disposed = false;
  /** Notes change height when their width, text or live values change: lay out again then. */
  private readonly resized =
    typeof ResizeObserver === 'function' ? new ResizeObserver(() => this.schedule()) : null;

  constructor(
    private readonly ringLayer: HTMLElement,
    private readonly options: PositionerOptions,
  ) {
    window.addEventListener('resize', this.schedule, { passive: true });
  }

  setTargets(targets: NoteTarget[]): void {
    for (const stop of this.cleanups) stop();
    this.cleanups = [];
    this.resized?.disconnect();
    this.targets = targets;
    for (const target of targets) {
      if (target.note) this.resized?.observe(target.note);
      const floating = target.note ?? target.marker;
      if (!floating) continue;
      const reference =
        target.anchor.match === 'element'
          ? target.anchor.element
          : {
              getBoundingClientRect: () => rangeRect(target.anchor.range) ?? new DOMRect(),
              contextElement: target.anchor.element,
            };
      // Each anchor's scroll ancestors, size and layout shifts: all land in one scheduled frame.
      this.cleanups.push(autoUpdate(reference, floating, this.schedule, { animationFrame: false }));
    }
    this.layoutNow();
  }

  setRings(anchors: AnchorLike[]): void {
    this.rings = anchors;
    this.schedule();
  }

  readonly schedule = (): void => {
    if (this.frame || this.disposed) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.layout();
    });
  };

  dispose(): void {
    this.disposed = true;
    this.resized?.disconnect();
    for (const stop of this.cleanups) stop();
    this.cleanups = [];
    if (this.frame) cancelAnimationFrame(this.frame);
    window.removeEventListener('resize', this.schedule);
  }

  /** Lays out now (when notes were just rendered: they are placed before the next paint). */
  layoutNow(): void {
    if (this.disposed) return;
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.layout();
  }

  /**
   * Reads, computes, writes. Heights depend on the column's width: when the width changes (first layout, window
   * resized, panel moved) it is written first and heights are read after it — the only extra layout, never on scroll.
   */
  private layout(): void {
    // Read.
    const viewportWidth = document.documentElement.clientWidth || window.innerWidth;
    const viewportHeight = window.innerHeight;
    const rects = this.targets.map((t) => anchorRect(t.anchor));
    const content = measureContent();
    const panel = this.options.panel();
    const column = layoutPageNotes({
      viewportWidth,
      documentTop: 0,
      content,
      panel,
      anchors: this.targets.map((t, i) => ({ id: t.id, rect: rects[i]!, noteHeight: 0 })),
    }).column;
    if (column.mode === 'margin') {
      const width = px(column.width);
      for (const t of this.targets) if (t.note && t.note.style.width !== width) t.note.style.width = width;
    }
    const anchors: AnchorBox[] = this.targets.map((t, i) => ({
      id: t.id,
      rect: rects[i]!,
      noteHeight: t.note?.offsetHeight ?? 0,
      end: anchorEnd(t.anchor),
      priority: this.options.priority(t.id),
    }));
    const rings = this.rings.flatMap(ringRects);
    const clamped = this.targets.map((t) => {
      const body = t.note?.querySelector<HTMLElement>('.sidenote-body');
      return !!body && body.scrollHeight > body.clientHeight + 1;
    });
    const open = this.options.openNote();
    const openHeight = this.targets.find((t) => t.id === open)?.note?.offsetHeight ?? 0;
    const out = layoutPageNotes({ viewportWidth, documentTop: -window.scrollY, content, panel, anchors });

    // Write.
    this.targets.forEach((target, i) => target.note?.setAttribute('data-clamped', String(clamped[i])));
    for (const target of this.targets) {
      const marker = out.markers.get(target.id);
      if (target.marker && marker) {
        target.marker.style.transform = `translate(${px(marker.x)}, ${px(marker.y)})`;
        target.marker.hidden = marker.hidden;
      }
      const note = target.note;
      if (!note) continue;
      const placed = out.notes.get(target.id);
      // Notes are never display: none (only invisible), so their heights stay measurable: a folded note keeps
      // the column's width and its true height, and the next layout cannot mistake it for an empty one.
      let shown = false;
      if (placed) note.style.width = px(placed.width);
      if (placed && !placed.folded && !placed.hidden) {
        note.style.transform = `translate(${px(placed.x)}, ${px(placed.y)})`;
        shown = true;
      } else if (target.id === open && marker && !marker.hidden) {
        // A popover under its marker (above it when there is no room below), inside the viewport.
        const width = placed?.width ?? Math.min(320, viewportWidth - 16);
        const x = Math.min(viewportWidth - width - 8, Math.max(8, marker.x - 12));
        let y = marker.y + MARKER_SIZE + 6;
        if (y + openHeight > viewportHeight - 8 && marker.y - openHeight - 6 > 8)
          y = marker.y - openHeight - 6;
        note.style.width = px(width);
        note.style.transform = `translate(${px(x)}, ${px(y)})`;
        shown = true;
      }
      note.setAttribute('data-shown', String(shown));
    }
    this.drawRings(rings);
    this.options.onLayout?.(out);
  }

  private drawRings(rects: Rect[]): void {
    const layer = this.ringLayer;
    while (layer.childElementCount > rects.length) layer.lastElementChild!.remove();
    while (layer.childElementCount < rects.length) {
      const ring = document.createElement('div');
      ring.className = 'ring';
      layer.append(ring);
    }
    rects.forEach((r, i) => {
      const ring = layer.children[i] as HTMLElement;
      ring.style.transform = `translate(${px(r.left - 4)}, ${px(r.top - 3)})`;
      ring.style.width = px(r.right - r.left + 8);
      ring.style.height = px(r.bottom - r.top + 6);
    });
  }
}

// Side by side: while the panel is open on a wide page, the page makes room for it (as Hypothesis's side-by-side
// mode does) — a margin on the root element on the panel's side, as much as it takes for the page's content to
// clear the panel (not more: the other margin stays for the notes), so the page's own layout reflows into what is
// left — and gets exactly its own inline style back when the panel closes or moves. Content positioned `absolute`
// against the viewport does not move with a margin: then the root is made its containing block (position: relative)
// as well. Docked at the bottom, the margin goes below the page's end so that its last content can still be scrolled
// above the panel. Set through the CSSOM (a page's CSP that forbids inline <style> does not stop it); elements the
// page positions `fixed` keep their place (moving them would change how they scroll).

import type { ContentBox, Dock, Side } from './placement';

const PROPERTY: Record<Dock, string> = {
  left: 'margin-left',
  right: 'margin-right',
  bottom: 'margin-bottom',
};

interface Applied {
  /** Our declarations, property → value (all !important). */
  values: Map<string, string>;
  /** The page's own inline declarations of those properties. */
  before: Map<string, { value: string; priority: string }>;
  /** The style attribute before and just after our change (null: there was none). */
  text: string | null;
  ours: string | null;
}

export class PageShift {
  private applied: Applied | null = null;

  constructor(private readonly root: HTMLElement = document.documentElement) {}

  /**
   * Makes `px` of room on `dock` (replacing what it made before), the root positioned when `positioned`; 0 or null
   * gives the page its space back.
   */
  set(dock: Dock | null, px: number, positioned = false): void {
    const values = new Map<string, string>();
    if (dock && px > 0) {
      values.set(PROPERTY[dock], `${Math.round(px)}px`);
      if (positioned) values.set('position', 'relative');
    }
    const now = this.applied?.values;
    if (now && now.size === values.size && [...values].every(([k, v]) => now.get(k) === v)) return;
    this.restore();
    if (values.size === 0) return;
    const style = this.root.style;
    const text = this.root.getAttribute('style');
    const before = new Map<string, { value: string; priority: string }>();
    for (const [property, value] of values) {
      before.set(property, {
        value: style.getPropertyValue(property),
        priority: style.getPropertyPriority(property),
      });
      style.setProperty(property, value, 'important');
    }
    this.applied = { values, before, text, ours: this.root.getAttribute('style') };
  }

  /**
   * Makes the least room on `side` (at most `width`) with which the content `measure` finds no longer reaches under
   * a panel `width` wide at that edge of a `viewportWidth` viewport. A centred column moves by half the margin, a
   * fluid one by all of it: each try measures how far the last one moved it (a few layouts, only when the panel
   * opens, moves or resizes). Content that a margin does not move (absolutely positioned against the viewport) gets
   * the root as its containing block, and the fit is tried again. Returns the margin made.
   */
  fit(side: Side, width: number, viewportWidth: number, measure: () => ContentBox | null): number {
    const overOf = (box: ContentBox) =>
      side === 'right' ? box.right - (viewportWidth - width) : width - box.left;
    let margin = this.fitWith(side, width, overOf, measure, false);
    const box = measure();
    const staticRoot = getComputedStyle(this.root).position === 'static';
    if (box && overOf(box) > 0.5 && staticRoot) margin = this.fitWith(side, width, overOf, measure, true);
    return margin;
  }

  private fitWith(
    side: Side,
    width: number,
    overOf: (box: ContentBox) => number,
    measure: () => ContentBox | null,
    positioned: boolean,
  ): number {
    let margin = 0;
    let last: { over: number; step: number } | null = null;
    for (let i = 0; i < 6; i++) {
      this.set(side, margin, positioned);
      const box = measure();
      // Nothing measurable: make the whole room.
      if (!box) margin = width;
      const over = box ? overOf(box) : 0;
      if (!box || over <= 0.5 || margin >= width) break;
      const slope = last ? Math.min(1, Math.max(0.25, (last.over - over) / last.step)) : 1;
      const step = Math.min(width - margin, Math.ceil(over / slope));
      last = { over, step };
      margin += step;
    }
    this.set(side, margin, positioned);
    return margin;
  }

  /** Puts the page's own inline style back, leaving any property the page has since changed itself as it is. */
  restore(): void {
    const applied = this.applied;
    this.applied = null;
    if (!applied) return;
    // Untouched since: the attribute exactly as it was (text, order and all).
    if (this.root.getAttribute('style') === applied.ours) {
      if (applied.text === null) this.root.removeAttribute('style');
      else this.root.setAttribute('style', applied.text);
      return;
    }
    const style = this.root.style;
    for (const [property, value] of applied.values) {
      if (style.getPropertyValue(property) !== value) continue;
      const before = applied.before.get(property)!;
      if (before.value) style.setProperty(property, before.value, before.priority);
      else style.removeProperty(property);
    }
  }

  /** Whether room is being made now. */
  get active(): boolean {
    return this.applied !== null;
  }
}

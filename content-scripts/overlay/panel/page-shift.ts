// Side by side: while the panel is open on a wide page, the page makes room for it (as Hypothesis's side-by-side
// mode does) — a margin on the root element on the panel's side, as much as it takes for the page's content to
// clear the panel (not more: the other margin stays for the notes), so the page's own layout reflows into what is
// left — and gets exactly its own inline style back when the panel closes or moves. Docked at the bottom, the margin goes
// below the page's end so that its last content can still be scrolled above the panel. Set through the CSSOM (a
// page's CSP that forbids inline <style> does not stop it); elements the page positions `fixed` keep their place.

import type { ContentBox, Dock, Side } from './placement';

const PROPERTY: Record<Dock, string> = {
  left: 'margin-left',
  right: 'margin-right',
  bottom: 'margin-bottom',
};

export class PageShift {
  private applied: {
    property: string;
    value: string;
    before: { value: string; priority: string };
    /** The style attribute before and just after our change (null: there was none). */
    text: string | null;
    ours: string | null;
  } | null = null;

  constructor(private readonly root: HTMLElement = document.documentElement) {}

  /** Makes `px` of room on `dock` (replacing what it made before); 0 or null gives the page its space back. */
  set(dock: Dock | null, px: number): void {
    const property = dock ? PROPERTY[dock] : null;
    const value = `${Math.max(0, Math.round(px))}px`;
    if (this.applied && this.applied.property === property && this.applied.value === value) return;
    this.restore();
    if (!property || px <= 0) return;
    const style = this.root.style;
    const before = { value: style.getPropertyValue(property), priority: style.getPropertyPriority(property) };
    const text = this.root.getAttribute('style');
    style.setProperty(property, value, 'important');
    this.applied = { property, value, before, text, ours: this.root.getAttribute('style') };
  }

  /**
   * Makes the least room on `side` (at most `width`) with which the content `measure` finds no longer reaches under
   * a panel `width` wide at that edge of a `viewportWidth` viewport. A centred column moves by half the margin, a
   * fluid one by all of it: each try measures how far the last one moved it (a few layouts, only when the panel
   * opens, moves or resizes). Returns the margin made.
   */
  fit(side: Side, width: number, viewportWidth: number, measure: () => ContentBox | null): number {
    let margin = 0;
    let last: { over: number; step: number } | null = null;
    for (let i = 0; i < 6; i++) {
      this.set(side, margin);
      const box = measure();
      // Nothing measurable: make the whole room.
      if (!box) margin = width;
      const over = box ? (side === 'right' ? box.right - (viewportWidth - width) : width - box.left) : 0;
      if (!box || over <= 0.5 || margin >= width) break;
      const slope = last ? Math.min(1, Math.max(0.25, (last.over - over) / last.step)) : 1;
      const step = Math.min(width - margin, Math.ceil(over / slope));
      last = { over, step };
      margin += step;
    }
    this.set(side, margin);
    return margin;
  }

  /** Puts the page's own inline style back, unless the page has since changed that property itself. */
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
    if (style.getPropertyValue(applied.property) !== applied.value) return;
    if (applied.before.value)
      style.setProperty(applied.property, applied.before.value, applied.before.priority);
    else style.removeProperty(applied.property);
  }

  /** Whether room is being made now. */
  get active(): boolean {
    return this.applied !== null;
  }
}

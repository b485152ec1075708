// What the open panel covers of an official demo: every visible piece of the page's own content (text, controls,
// canvases, videos, images) in the viewport whose box meets the panel's. Side by side, the answer must be nothing.

import type { Page } from 'playwright-core';

export interface CoverFacts {
  /** The panel's box, left..right, as laid out. */
  panel: string;
  /** How the panel sits: 'side-left', 'side-right', 'bottom', 'overlay' (no room made). */
  mode: string;
  /** Pieces of the page's content the panel covers: `tag#id "text" left..right`. */
  covered: string[];
  /** How many visible pieces of content were measured. */
  measured: number;
}

/** Measures, in the page, what the open Literate panel covers. */
export function panelCovers(page: Page): Promise<CoverFacts | null> {
  return page.evaluate(() => {
    const host = document.querySelector('literate-overlay');
    const panelEl = host?.shadowRoot?.querySelector('.panel');
    if (!host || !panelEl) return null;
    const p = panelEl.getBoundingClientRect();
    const vw = document.documentElement.clientWidth;
    const vh = window.innerHeight;
    // The room the page made for the panel: a margin on the root element, on the panel's side (page-shift.ts).
    const root = document.documentElement.style;
    const mode = root.getPropertyValue('margin-left')
      ? 'side-left'
      : root.getPropertyValue('margin-right')
        ? 'side-right'
        : root.getPropertyValue('margin-bottom')
          ? 'bottom'
          : 'overlay';
    // Leaves of the page's content: elements that draw something a reader reads or uses.
    const content = document.querySelectorAll(
      'h1, h2, h3, h4, p, li, label, button, input, select, textarea, canvas, video, img, svg, table, pre, span, a, div',
    );
    const covered: string[] = [];
    let measured = 0;
    for (const el of content) {
      if (host.contains(el)) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none' || Number(style.opacity) === 0) continue;
      // A div counts only when it holds text of its own (not only other elements).
      if (el.tagName === 'DIV' || el.tagName === 'SPAN' || el.tagName === 'A') {
        const own = [...el.childNodes].some(
          (n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '',
        );
        if (!own) continue;
      }
      const r = el.getBoundingClientRect();
      if (r.width < 1 || r.height < 1) continue;
      if (r.bottom <= 0 || r.top >= vh || r.right <= 0 || r.left >= vw) continue;
      measured++;
      const meets =
        r.left < p.right - 0.5 && p.left < r.right - 0.5 && r.top < p.bottom - 0.5 && p.top < r.bottom - 0.5;
      if (!meets) continue;
      const text = (el.textContent ?? '').trim().slice(0, 30);
      covered.push(
        `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${text ? ` "${text}"` : ''} ${Math.round(r.left)}..${Math.round(r.right)}`,
      );
    }
    return { panel: `${Math.round(p.left)}..${Math.round(p.right)}`, mode, covered, measured };
  });
}

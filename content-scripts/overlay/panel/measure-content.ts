// Measures where the page's main content is horizontally, so the panel can sit beside it rather than over it.

import type { ContentBox } from './placement';

const SKIP = new Set(['SCRIPT', 'STYLE', 'LINK', 'META', 'TEMPLATE', 'NOSCRIPT']);

function unionOf(elements: Element[], viewportWidth: number): ContentBox | null {
  let left = Infinity;
  let right = -Infinity;
  for (const el of elements) {
    if (SKIP.has(el.tagName)) continue;
    const style = getComputedStyle(el);
    if (style.position === 'fixed' || style.display === 'none' || style.visibility === 'hidden') continue;
    const r = el.getBoundingClientRect();
    if (r.width < 1 || r.height < 1 || r.right < 0 || r.left > viewportWidth) continue;
    left = Math.min(left, r.left);
    right = Math.max(right, r.right);
  }
  return left < right ? { left, right } : null;
}

/** The horizontal extent of the main content: <main> if any, else the body's children (one level deeper when a
 * single wrapper spans the whole width). Null when nothing measurable is there. */
export function measureContent(doc: Document = document): ContentBox | null {
  try {
    const width = doc.documentElement.clientWidth || window.innerWidth;
    const main = doc.querySelector('main, [role="main"]');
    if (main) return unionOf([main], width);
    const body = doc.body;
    if (!body) return null;
    let box = unionOf([...body.children], width);
    if (box && box.right - box.left > width * 0.95 && body.children.length === 1) {
      box = unionOf([...body.children[0]!.children], width) ?? box;
    }
    return box;
  } catch {
    return null;
  }
}

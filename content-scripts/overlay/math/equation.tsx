// Renders built-in TeX with KaTeX (trust: false, errors shown as text, MathML kept for screen readers) and makes
// sure KaTeX's fonts are registered on the document the first time an equation is shown.

import { useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import type { TexEngine } from '../../../annotations/render/tex-engine';
import { texSourceHtml } from '../../../annotations/render/tex';
import { ensureKatexAssets, katexStyled } from './katex-assets';
import { useTexEngine } from './use-tex';

const cache = new Map<string, string>();

export function renderTex(katex: TexEngine, tex: string, displayMode: boolean): string {
  const key = `${displayMode ? 'D' : 'I'}${tex}`;
  let html = cache.get(key);
  if (html === undefined) {
    html = katex.renderToString(tex, {
      displayMode,
      throwOnError: false,
      trust: false,
      strict: 'ignore',
      output: 'htmlAndMathml',
      maxSize: 20,
      maxExpand: 200,
    });
    if (cache.size > 500) cache.clear();
    cache.set(key, html);
  }
  return html;
}

/** Smallest scale an equation is shrunk to so that it fits the panel; below that it scrolls sideways. */
const MIN_SCALE = 0.72;

/**
 * Shrinks a display equation that is wider than its box (never below MIN_SCALE, never above its natural size), and
 * fits it again when the box resizes, KaTeX's stylesheet applies or its fonts arrive. The natural width is derived
 * from the current one, so fitting converges in one step and never oscillates.
 */
function useFitWidth(ref: { current: HTMLElement | null }, html: string, display: boolean): void {
  useLayoutEffect(() => {
    const box = ref.current;
    if (!box || !display) return;
    let stopped = false;
    let frame = 0;
    const fit = () => {
      frame = 0;
      const math = box.querySelector<HTMLElement>('.katex-display > .katex');
      if (stopped || !math) return;
      const current = parseFloat(getComputedStyle(math).fontSize);
      const base = Number(math.dataset.baseSize) || current;
      math.dataset.baseSize = String(base);
      // The typeset width: the extent of KaTeX's boxes (the centred block's scrollWidth hides left overflow).
      let left = Infinity;
      let right = -Infinity;
      for (const part of math.querySelectorAll('.katex-html > *')) {
        const r = part.getBoundingClientRect();
        left = Math.min(left, r.left);
        right = Math.max(right, r.right);
      }
      const room = math.clientWidth;
      if (!(right > left) || room <= 0 || !current) return;
      const natural = ((right - left) * base) / current;
      const size = base * Math.max(MIN_SCALE, Math.min(1, (room - 2) / natural));
      if (Math.abs(size - current) > 0.2) math.style.setProperty('font-size', `${size}px`);
    };
    const later = () => {
      frame ||= requestAnimationFrame(fit);
    };
    fit();
    void katexStyled.then(later);
    document.fonts?.addEventListener('loadingdone', later);
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(later) : null;
    observer?.observe(box);
    return () => {
      stopped = true;
      if (frame) cancelAnimationFrame(frame);
      document.fonts?.removeEventListener('loadingdone', later);
      observer?.disconnect();
    };
  }, [html, display]);
}

export function Equation({ tex, display = true, label }: { tex: string; display?: boolean; label?: string }) {
  ensureKatexAssets();
  const katex = useTexEngine();
  // Until KaTeX's chunk is in (a few frames, once per page), the TeX source holds the equation's place.
  const html = useMemo(
    () => (katex ? renderTex(katex, tex, display) : texSourceHtml(tex)),
    [katex, tex, display],
  );
  const ref = useRef<HTMLDivElement>(null);
  useFitWidth(ref, html, display);
  // KaTeX output of our own built-in TeX, rendered with trust: false (no links, no raw HTML).
  const content = { dangerouslySetInnerHTML: { __html: html } };
  const role = label ? 'group' : undefined;
  return display ? (
    <div ref={ref} class="equation" role={role} aria-label={label} {...content} />
  ) : (
    <span class="equation inline" role={role} aria-label={label} {...content} />
  );
}

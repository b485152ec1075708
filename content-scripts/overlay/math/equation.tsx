// Renders built-in TeX with KaTeX (trust: false, errors shown as text, MathML kept for screen readers) and makes
// sure KaTeX's fonts are registered on the document the first time an equation is shown.

import katex from 'katex';
import { useMemo } from 'preact/hooks';
import { ensureKatexAssets } from './katex-assets';

const cache = new Map<string, string>();

export function renderTex(tex: string, displayMode: boolean): string {
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

export function Equation({ tex, display = true, label }: { tex: string; display?: boolean; label?: string }) {
  ensureKatexAssets();
  const html = useMemo(() => renderTex(tex, display), [tex, display]);
  const Tag = display ? 'div' : 'span';
  return (
    <Tag
      class={display ? 'equation' : 'equation inline'}
      {...(label ? { role: 'group', 'aria-label': label } : {})}
      // KaTeX output of our own built-in TeX, rendered with trust: false (no links, no raw HTML).
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}

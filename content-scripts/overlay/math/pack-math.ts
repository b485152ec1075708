// Pack math as the annotations renderer writes it (sanitized MathML) typeset in KaTeX's fonts: the fonts go onto the
// document the first time math shows; identifiers of more than one letter are marked upright, as TeX sets them.

import { installKatexFonts } from './katex-assets';

export function prepareMath(container: Element): void {
  if (!container.querySelector('math')) return;
  void installKatexFonts();
  for (const mi of container.querySelectorAll('mi:not([mathvariant])')) {
    if ([...(mi.textContent ?? '')].length > 1) mi.setAttribute('data-lt-word', '');
  }
}

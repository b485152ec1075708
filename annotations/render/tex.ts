// TeX to MathML with KaTeX, untrusted: trust off (no \href, \url, \html…, \includegraphics), bounded sizes and
// macro expansion, errors shown. MathML output needs no inline styles or fonts, so nothing styled reaches the page.
import katex from 'katex';

export const TEX_OPTIONS = {
  output: 'mathml',
  trust: false,
  throwOnError: false,
  maxSize: 10,
  maxExpand: 200,
  strict: 'ignore',
  globalGroup: false,
  errorColor: '#cc0000',
} as const;

/** KaTeX's MathML for `tex` (not yet sanitized: pass it through sanitize.ts like everything else). */
export function texToHtml(tex: string, display: boolean): string {
  try {
    return katex.renderToString(tex, { ...TEX_OPTIONS, displayMode: display });
  } catch (error) {
    // throwOnError: false covers parse errors; anything else still becomes a visible error, never a throw.
    const message = error instanceof Error ? error.message : String(error);
    const escape = (s: string): string =>
      s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
    return `<span class="katex-error" title="${escape(message)}">${escape(tex)}</span>`;
  }
}

/** Gives each KaTeX error a visible message (its title), since pack styles, and so KaTeX's red colour, are dropped. */
export function showTexErrors(root: DocumentFragment | Element): void {
  for (const error of root.querySelectorAll('.katex-error')) {
    const message = error.getAttribute('title') ?? 'TeX error';
    error.setAttribute('data-lit-error', message);
    const note = error.ownerDocument.createElement('small');
    note.className = 'lit-error-message';
    note.textContent = ` (${message.replace(/^ParseError: KaTeX parse error: /, 'TeX error: ')})`;
    error.after(note);
  }
}

/** The MathML subtree KaTeX makes of a lone symbol, or undefined when it is not a single element. */
function symbolTemplate(symbol: string, doc: Document): Element | undefined {
  // An inert document: nothing parsed into it loads or runs.
  const holder = doc.implementation.createHTMLDocument('').createElement('div');
  const html = texToHtml(symbol, false);
  if (html.includes('katex-error')) return undefined;
  holder.innerHTML = html.replace(/<annotation[\s\S]*?<\/annotation>/, '');
  const row = holder.querySelector('semantics > mrow');
  if (!row) return undefined;
  return row.children.length === 1 ? (row.children[0] as Element) : undefined;
}

function size(element: Element): number {
  return element.getElementsByTagName('*').length;
}

/**
 * Marks every occurrence of each bound symbol in rendered (and sanitized) MathML with `data-lit-symbol` and the
 * class `lit-sym`, so the overlay can link it to its tensor. Larger symbols win (W_c before W); marks don't nest.
 * Returns the symbols that were found.
 */
export function markSymbols(root: DocumentFragment | Element, symbols: readonly string[]): string[] {
  const doc = root.ownerDocument ?? (root as unknown as Document);
  const templates = symbols
    .map((symbol) => ({ symbol, template: symbolTemplate(symbol, doc) }))
    .filter((t): t is { symbol: string; template: Element } => t.template !== undefined)
    .sort((a, b) => size(b.template) - size(a.template));
  const found = new Set<string>();
  const candidates = [...root.querySelectorAll('semantics > mrow *, semantics > mrow')];
  for (const { symbol, template } of templates) {
    for (const element of candidates) {
      if (element.closest('[data-lit-symbol]')) continue;
      if (element.tagName.toLowerCase() !== template.tagName.toLowerCase() || !sameMath(element, template))
        continue;
      element.setAttribute('data-lit-symbol', symbol);
      element.setAttribute('class', 'lit-sym');
      found.add(symbol);
    }
  }
  return symbols.filter((s) => found.has(s));
}

/** Structural equality of MathML ignoring the namespace prefix differences of parsing. */
function sameMath(a: Element, b: Element): boolean {
  if (a.localName !== b.localName || a.children.length !== b.children.length) return false;
  if (a.children.length === 0)
    return a.textContent === b.textContent && a.getAttribute('mathvariant') === b.getAttribute('mathvariant');
  for (let i = 0; i < a.children.length; i++)
    if (!sameMath(a.children[i] as Element, b.children[i] as Element)) return false;
  return true;
}

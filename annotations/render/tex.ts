// TeX to MathML with KaTeX, untrusted: trust off (no \href, \url, \html…, \includegraphics), bounded sizes and
// macro expansion, errors shown. MathML output needs no inline styles or fonts, so nothing styled reaches the page.
import { texEngine } from './tex-engine';

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
  const katex = texEngine();
  // Renderers load KaTeX first (loadTexEngine); should one not have, the source shows rather than nothing.
  if (!katex) return texSourceHtml(tex);
  try {
    return katex.renderToString(tex, { ...TEX_OPTIONS, displayMode: display });
  } catch (error) {
    // throwOnError: false covers parse errors; anything else still becomes a visible error, never a throw.
    const message = error instanceof Error ? error.message : String(error);
    return `<span class="katex-error" title="${escapeTexText(message)}">${escapeTexText(tex)}</span>`;
  }
}

function escapeTexText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** TeX shown as its source, where KaTeX is not (yet, or at all) loaded. */
export function texSourceHtml(tex: string): string {
  return `<code class="lit-tex-source">${escapeTexText(tex)}</code>`;
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

/** A MathML element as KaTeX writes it: enough structure to recognise a symbol in rendered output. */
interface MathShape {
  name: string;
  variant: string | null;
  text: string;
  children: MathShape[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#x27': "'", '#39': "'" };
const decode = (text: string): string =>
  text.replace(/&(amp|lt|gt|quot|#x27|#39);/g, (_m, e: string) => ENTITIES[e] ?? '');

/** Parses KaTeX's own well-formed MathML (not pack HTML) into shapes; undefined if it is not what we expect. */
function parseKatexMath(xml: string): MathShape[] | undefined {
  const root: MathShape = { name: '#root', variant: null, text: '', children: [] };
  const stack = [root];
  const tag = /<(\/?)([a-z]+)([^>]*)>|([^<]+)/g;
  for (const match of xml.matchAll(tag)) {
    const [, closing, name, attributes, text] = match;
    const top = stack[stack.length - 1] as MathShape;
    if (text !== undefined) top.text += decode(text);
    else if (closing) {
      if (top.name !== name) return undefined;
      stack.pop();
    } else {
      const variant = /mathvariant="([^"]*)"/.exec(attributes ?? '')?.[1] ?? null;
      const shape: MathShape = { name: name ?? '', variant, text: '', children: [] };
      top.children.push(shape);
      if (!(attributes ?? '').trimEnd().endsWith('/')) stack.push(shape);
    }
  }
  return stack.length === 1 ? root.children : undefined;
}

const templates = new Map<string, MathShape | null>();

/** The MathML shape KaTeX makes of a lone symbol, or null when it is not a single element. */
function symbolTemplate(symbol: string): MathShape | null {
  const cached = templates.get(symbol);
  if (cached !== undefined) return cached;
  let result: MathShape | null = null;
  if (!texEngine()) return null;
  const html = texToHtml(symbol, false);
  const row = /<semantics><mrow>([\s\S]*)<\/mrow><annotation/.exec(html)?.[1];
  const shapes = row === undefined || html.includes('katex-error') ? undefined : parseKatexMath(row);
  if (shapes?.length === 1) result = shapes[0] as MathShape;
  if (templates.size > 500) templates.clear();
  templates.set(symbol, result);
  return result;
}

function size(shape: MathShape): number {
  return shape.children.reduce((sum, child) => sum + 1 + size(child), 0);
}

/** Structural equality of a rendered element with a symbol's shape. */
function sameMath(element: Element, shape: MathShape): boolean {
  if (element.localName !== shape.name || element.children.length !== shape.children.length) return false;
  if (shape.children.length === 0)
    return element.textContent === shape.text && element.getAttribute('mathvariant') === shape.variant;
  return shape.children.every((child, i) => sameMath(element.children[i] as Element, child));
}

/**
 * Marks every occurrence of each bound symbol in rendered (and sanitized) MathML with `data-lit-symbol` and the
 * class `lit-sym`, so the overlay can link it to its tensor. Larger symbols win (W_c before W); marks don't nest.
 * Returns the symbols that were found.
 */
export function markSymbols(root: DocumentFragment | Element, symbols: readonly string[]): string[] {
  const wanted = symbols
    .map((symbol) => ({ symbol, template: symbolTemplate(symbol) }))
    .filter((t): t is { symbol: string; template: MathShape } => t.template !== null)
    .sort((a, b) => size(b.template) - size(a.template));
  const found = new Set<string>();
  const candidates = [...root.querySelectorAll('semantics *')].filter((e) => e.localName !== 'annotation');
  const insideMarked = (element: Element): boolean => {
    for (let e: Element | null = element; e; e = e.parentElement)
      if (e.hasAttribute('data-lit-symbol')) return true;
    return false;
  };
  for (const { symbol, template } of wanted) {
    for (const element of candidates) {
      if (element.localName !== template.name || insideMarked(element)) continue;
      if (!sameMath(element, template)) continue;
      element.setAttribute('data-lit-symbol', symbol);
      element.setAttribute('class', 'lit-sym');
      found.add(symbol);
    }
  }
  return symbols.filter((s) => found.has(s));
}

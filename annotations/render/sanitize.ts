// The one gate every pack-derived HTML string passes before reaching a page: DOMPurify with a strict allow-list
// (no scripts, handlers, styles, forms, frames or SVG; http(s) links opened safely; https or data:image pictures).
import createDOMPurify, { type DOMPurify as Purifier } from 'dompurify';

/** What the sanitizer needs of a window (jsdom's in Node tests, the real one in the overlay). */
export type RenderWindow = Window & typeof globalThis;

export const HTML_TAGS = [
  'a',
  'b',
  'blockquote',
  'br',
  'code',
  'dd',
  'del',
  'div',
  'dl',
  'dt',
  'em',
  'figcaption',
  'figure',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'i',
  'img',
  'kbd',
  'li',
  'ol',
  'p',
  'pre',
  's',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'table',
  'tbody',
  'td',
  'th',
  'thead',
  'tr',
  'ul',
] as const;

/** MathML Core elements KaTeX emits (no maction, annotation-xml, mglyph or semantics-breaking extras). */
export const MATH_TAGS = [
  'math',
  'semantics',
  'annotation',
  'mrow',
  'mi',
  'mn',
  'mo',
  'ms',
  'mtext',
  'mspace',
  'msup',
  'msub',
  'msubsup',
  'mfrac',
  'msqrt',
  'mroot',
  'mover',
  'munder',
  'munderover',
  'mtable',
  'mtr',
  'mtd',
  'mstyle',
  'mpadded',
  'mphantom',
  'menclose',
  'merror',
] as const;

export const ALLOWED_TAGS: readonly string[] = [...HTML_TAGS, ...MATH_TAGS];

/** Data attributes our renderer writes (escaped) for the overlay to find. */
export const DATA_ATTRIBUTES = [
  'data-lit-id',
  'data-lit-kind',
  'data-lit-live',
  'data-lit-format',
  'data-lit-symbol',
  'data-lit-binding',
  'data-lit-error',
  'data-lit-view',
  'data-lit-options',
  'data-lit-check',
  'data-lit-check-status',
  'data-lit-example',
  'data-lit-control',
  'data-lit-control-value',
  'data-lit-stat',
  'data-lit-predict',
] as const;

const HTML_ATTRIBUTES = ['href', 'src', 'alt', 'title', 'class', 'start', 'colspan', 'rowspan', 'lang'];
const MATH_ATTRIBUTES = [
  'display',
  'mathvariant',
  'stretchy',
  'fence',
  'separator',
  'lspace',
  'rspace',
  'accent',
  'accentunder',
  'width',
  'height',
  'depth',
  'voffset',
  'mathcolor',
  'mathbackground',
  'scriptlevel',
  'displaystyle',
  'columnalign',
  'rowalign',
  'rowspacing',
  'columnspacing',
  'columnlines',
  'rowlines',
  'minsize',
  'maxsize',
  'movablelimits',
  'encoding',
  'notation',
  'linethickness',
  'symmetric',
  'largeop',
  'form',
];
/** Attributes we add after sanitizing (links and images), allowed so a second pass keeps them. */
const ADDED_ATTRIBUTES = ['rel', 'target', 'referrerpolicy', 'loading'];

export const ALLOWED_ATTRIBUTES: readonly string[] = [
  ...HTML_ATTRIBUTES,
  ...MATH_ATTRIBUTES,
  ...ADDED_ATTRIBUTES,
  ...DATA_ATTRIBUTES,
];

export const SAFE_LINK = /^https?:\/\/[^\s]+$/i;
export const SAFE_IMAGE =
  /^(?:https:\/\/[^\s]+|data:image\/(?:png|jpeg|gif|webp);base64,[A-Za-z0-9+/]+={0,2})$/i;
const SAFE_CLASS = /^(?:katex(?:-[a-z]+)*|lit-[a-z0-9-]+|language-[A-Za-z0-9_+-]+)$/;

const CONFIG = {
  ALLOWED_TAGS: [...ALLOWED_TAGS],
  ALLOWED_ATTR: [...ALLOWED_ATTRIBUTES],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  // href and src keep DOMPurify's URI check and then ours (SAFE_LINK, SAFE_IMAGE); these attributes hold no URLs.
  ADD_URI_SAFE_ATTR: [...DATA_ATTRIBUTES, ...MATH_ATTRIBUTES],
  FORBID_TAGS: [
    'style',
    'script',
    'iframe',
    'frame',
    'form',
    'input',
    'button',
    'textarea',
    'select',
    'object',
    'embed',
    'svg',
    'use',
    'foreignObject',
    'annotation-xml',
    'maction',
    'mglyph',
    'link',
    'meta',
    'base',
    'template',
  ],
  FORBID_ATTR: ['style', 'id', 'name', 'srcset', 'xlink:href', 'action', 'formaction'],
  KEEP_CONTENT: true,
  SANITIZE_DOM: true,
};

const purifiers = new WeakMap<object, Purifier>();

function purifierFor(win: RenderWindow): Purifier {
  const existing = purifiers.get(win);
  if (existing) return existing;
  const purifier = createDOMPurify(win);
  purifier.addHook('uponSanitizeAttribute', (_node, data) => {
    if (data.attrName === 'class') {
      const kept = data.attrValue.split(/\s+/).filter((c) => SAFE_CLASS.test(c));
      if (kept.length === 0) data.keepAttr = false;
      else data.attrValue = kept.join(' ');
    }
  });
  purifier.addHook('afterSanitizeAttributes', (node) => {
    const element = node as Element;
    const tag = element.tagName?.toLowerCase();
    if (tag === 'a') {
      const href = element.getAttribute('href')?.trim();
      if (href === undefined || !SAFE_LINK.test(href)) element.removeAttribute('href');
      element.setAttribute('rel', 'noopener noreferrer');
      element.setAttribute('target', '_blank');
    } else if (tag === 'img') {
      const src = element.getAttribute('src')?.trim();
      if (src === undefined || !SAFE_IMAGE.test(src)) {
        const alt = element.getAttribute('alt') ?? '';
        element.replaceWith(element.ownerDocument.createTextNode(alt));
        return;
      }
      element.setAttribute('referrerpolicy', 'no-referrer');
      element.setAttribute('loading', 'lazy');
    }
  });
  purifiers.set(win, purifier);
  return purifier;
}

/** Sanitizes an HTML string into a DocumentFragment owned by `win.document`. */
export function sanitizeToFragment(html: string, win: RenderWindow): DocumentFragment {
  return purifierFor(win).sanitize(html, { ...CONFIG, RETURN_DOM_FRAGMENT: true }) as DocumentFragment;
}

/** Sanitizes an HTML string; the result is safe to assign to innerHTML (also inside a shadow root). */
export function sanitizeHtml(html: string, win: RenderWindow): string {
  return purifierFor(win).sanitize(html, { ...CONFIG }) as string;
}

/** Serializes a sanitized fragment back to HTML. */
export function fragmentToHtml(fragment: DocumentFragment, win: RenderWindow): string {
  const container = win.document.createElement('div');
  container.append(fragment);
  return container.innerHTML;
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

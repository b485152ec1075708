// The reverse of anchoring: from a reader's text selection to the selectors an annotation should store (quote
// with enough context to be unique, plus position and the nearest element with an id), for authoring mode.
import type { PageSelector } from '../format/types';
import { buildTextIndex, offsetsOfRange } from './dom-text';

const CONTEXT = 32;

/** Selectors for a Range: a TextQuoteSelector (with prefix/suffix) and a TextPositionSelector, in `root`. */
export function describeRange(range: Range, root: Document | Element): PageSelector[] {
  const index = buildTextIndex(root);
  const offsets = offsetsOfRange(index, range);
  if (!offsets || offsets.end <= offsets.start) return [];
  const { start, end } = offsets;
  const { text } = index;
  return [
    {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT), start),
      suffix: text.slice(end, end + CONTEXT),
    },
    { type: 'TextPositionSelector', start, end },
  ];
}

/** A CssSelector for an element: its id when unique, else a path of tag:nth-of-type steps from the nearest id. */
export function describeElement(element: Element): PageSelector {
  const doc = element.ownerDocument;
  const escape = (s: string): string => s.replace(/([^A-Za-z0-9_-])/g, '\\$1');
  const steps: string[] = [];
  for (
    let current: Element | null = element;
    current && current !== doc.documentElement;
    current = current.parentElement
  ) {
    if (current.id && doc.querySelectorAll(`#${escape(current.id)}`).length === 1) {
      steps.unshift(`#${escape(current.id)}`);
      break;
    }
    const parent: Element | null = current.parentElement;
    const tag = current.tagName.toLowerCase();
    const sameTag = parent ? [...parent.children].filter((c) => c.tagName === current?.tagName) : [];
    steps.unshift(sameTag.length > 1 ? `${tag}:nth-of-type(${sameTag.indexOf(current) + 1})` : tag);
  }
  return { type: 'CssSelector', value: steps.join(' > ') };
}

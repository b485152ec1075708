// Resolving page selectors (CSS, text quote, text position, refinedBy) against a Document or Element, in jsdom
// and in browsers. Alternatives must agree; anything ambiguous or contradictory is an orphan with a reason.
import type { PageSelector, TextQuoteSelector } from '../format/types';
import { buildTextIndex, rangeFromOffsets, type TextIndex } from './dom-text';
import { matchTextQuote } from './text-quote';

export type PageAnchor =
  | {
      status: 'resolved';
      confidence: number;
      /** The selector type that produced the result (the outermost one for refinements). */
      via: PageSelector['type'];
      match: 'element' | 'exact' | 'fuzzy' | 'position';
      /** The element found, or the element containing the text range. */
      element: Element;
      /** The text range for text selectors; for CSS, a range over the element's contents. */
      range: Range;
      /** The text found (for text selectors) or the element's text. */
      text: string;
    }
  | { status: 'orphan'; reason: string };

type Resolved = Extract<PageAnchor, { status: 'resolved' }>;
type Scope =
  { kind: 'node'; node: Document | Element } | { kind: 'text'; index: TextIndex; start: number; end: number };

const orphan = (reason: string): PageAnchor => ({ status: 'orphan', reason });
const preview = (s: string): string => (s.length > 40 ? `${s.slice(0, 37)}…` : s);

function describeElement(element: Element): string {
  const id = element.id ? `#${element.id}` : '';
  const classes = [...element.classList]
    .slice(0, 2)
    .map((c) => `.${c}`)
    .join('');
  return `<${element.tagName.toLowerCase()}${id}${classes}>`;
}

function containerOf(range: Range): Element {
  const node = range.commonAncestorContainer;
  return node.nodeType === 1 ? (node as Element) : (node.parentElement as Element);
}

function fromText(
  index: TextIndex,
  start: number,
  end: number,
  base: Omit<Resolved, 'element' | 'range' | 'text' | 'status'>,
): PageAnchor {
  const range = rangeFromOffsets(index, start, end);
  if (!range) return orphan('text position outside the page text');
  return {
    status: 'resolved',
    ...base,
    element: containerOf(range),
    range,
    text: index.text.slice(start, end),
  };
}

function resolveInScope(
  selector: PageSelector,
  scope: Scope,
  positionHint?: number,
  verifyQuote?: TextQuoteSelector,
): PageAnchor {
  let result: PageAnchor;
  let nextScope: Scope | undefined;
  if (selector.type === 'CssSelector') {
    if (scope.kind === 'text') return orphan('a CssSelector cannot refine a text selection');
    let found: Element[];
    try {
      found = [...scope.node.querySelectorAll(selector.value)];
    } catch {
      return orphan(`invalid CSS selector '${preview(selector.value)}'`);
    }
    if (found.length === 0) return orphan(`no element matches CSS '${preview(selector.value)}'`);
    if (found.length > 1)
      return orphan(
        `CSS '${preview(selector.value)}' matches ${found.length} elements (${found.slice(0, 3).map(describeElement).join(', ')}); make it match exactly one`,
      );
    const element = found[0] as Element;
    const range = element.ownerDocument.createRange();
    range.selectNodeContents(element);
    result = {
      status: 'resolved',
      confidence: 1,
      via: 'CssSelector',
      match: 'element',
      element,
      range,
      text: element.textContent ?? '',
    };
    nextScope = { kind: 'node', node: element };
  } else {
    const index = scope.kind === 'text' ? scope.index : buildTextIndex(scope.node);
    const offset = scope.kind === 'text' ? scope.start : 0;
    const text = scope.kind === 'text' ? index.text.slice(scope.start, scope.end) : index.text;
    if (selector.type === 'TextQuoteSelector') {
      const match = matchTextQuote(
        text,
        selector,
        positionHint === undefined ? undefined : positionHint - offset,
      );
      if (match.status === 'orphan') return orphan(match.reason);
      result = fromText(index, offset + match.start, offset + match.end, {
        confidence: match.confidence,
        via: selector.type,
        match: match.match,
      });
      nextScope = { kind: 'text', index, start: offset + match.start, end: offset + match.end };
    } else {
      if (selector.end > text.length)
        return orphan(
          `text position ${selector.start}–${selector.end} is past the end of the text (${text.length} characters)`,
        );
      const found = text.slice(selector.start, selector.end);
      if (verifyQuote && found !== verifyQuote.exact)
        return orphan(
          `text at ${selector.start}–${selector.end} is '${preview(found)}', not the quoted '${preview(verifyQuote.exact)}'`,
        );
      result = fromText(index, offset + selector.start, offset + selector.end, {
        confidence: verifyQuote ? 1 : 0.6,
        via: selector.type,
        match: 'position',
      });
      nextScope = { kind: 'text', index, start: offset + selector.start, end: offset + selector.end };
    }
  }
  if (result.status === 'resolved' && selector.refinedBy && nextScope) {
    const refined = resolveInScope(selector.refinedBy, nextScope);
    if (refined.status === 'orphan')
      return orphan(
        `inside ${result.via === 'CssSelector' ? describeElement(result.element) : 'the match'}: ${refined.reason}`,
      );
    return { ...refined, via: selector.type, confidence: Math.min(result.confidence, refined.confidence) };
  }
  return result;
}

/** Resolves one selector (with its refinements) in `root`. */
export function resolvePageSelector(selector: PageSelector, root: Document | Element): PageAnchor {
  return resolveInScope(selector, { kind: 'node', node: root });
}

/** [a.start, a.end) and [b.start, b.end) intersect (compareBoundaryPoints: 3 = END_TO_START, 1 = START_TO_END). */
function overlaps(a: Resolved, b: Resolved): boolean {
  return a.range.compareBoundaryPoints(3, b.range) < 0 && a.range.compareBoundaryPoints(1, b.range) > 0;
}

const precision = (r: Resolved): number => ({ exact: 3, position: 2, fuzzy: 1, element: 0 })[r.match];

/**
 * Resolves a target's alternative selectors (W3C: they describe the same place). A TextPositionSelector counts
 * only when its text equals the target's quote (if it has one). Resolved alternatives must overlap; if they point
 * to different places the anchor is an orphan. The most precise agreeing result wins.
 */
export function resolvePageTarget(selectors: readonly PageSelector[], root: Document | Element): PageAnchor {
  if (selectors.length === 0) return orphan('no page selector');
  const quote = selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
  const positionHint = selectors.find((s) => s.type === 'TextPositionSelector' && !s.refinedBy);
  const results = selectors.map((selector) =>
    resolveInScope(
      selector,
      { kind: 'node', node: root },
      selector.type === 'TextQuoteSelector' && positionHint?.type === 'TextPositionSelector'
        ? positionHint.start
        : undefined,
      selector.type === 'TextPositionSelector' ? quote : undefined,
    ),
  );
  const resolved = results.filter((r): r is Resolved => r.status === 'resolved');
  if (resolved.length === 0 && results.length === 1) return results[0] as PageAnchor;
  if (resolved.length === 0)
    return orphan(
      results.map((r, i) => `${selectors[i]?.type}: ${r.status === 'orphan' ? r.reason : ''}`).join('; '),
    );
  for (let i = 0; i < resolved.length; i++)
    for (let j = i + 1; j < resolved.length; j++) {
      const a = resolved[i] as Resolved;
      const b = resolved[j] as Resolved;
      if (!overlaps(a, b))
        return orphan(
          `selectors disagree: ${a.via} finds '${preview(a.text)}' in ${describeElement(a.element)}, ${b.via} finds '${preview(b.text)}' in ${describeElement(b.element)}`,
        );
    }
  const best = [...resolved].sort(
    (a, b) => precision(b) - precision(a) || b.confidence - a.confidence,
  )[0] as Resolved;
  const agreeing =
    resolved.length > 1 ? Math.min(1, best.confidence + 0.05 * (resolved.length - 1)) : best.confidence;
  return { ...best, confidence: agreeing };
}

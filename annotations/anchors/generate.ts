// Authoring by pointing: turns an element or a text selection the annotator picked into candidate selector sets
// (CSS + text quote with prefix/suffix + text position), each accepted only if the anchoring code resolves it back
// to exactly the picked place, so a pack never ships an anchor that the reader's overlay would bind elsewhere.
import type { CssSelector, PageSelector, TextQuoteSelector } from '../format/types';
import { resolvePageSelector, resolvePageTarget } from './dom-anchors';
import { buildTextIndex, offsetsOfRange, type TextIndex } from './dom-text';

/** One way to anchor the picked place, already checked to resolve uniquely to it. */
export interface AnchorCandidate {
  selectors: PageSelector[];
  /** What the annotator is shown: the CSS selector or the quote. */
  label: string;
}

export interface AnchorProposal {
  /** Checked candidates, most robust first. Empty when nothing resolves uniquely (see `rejected`). */
  candidates: AnchorCandidate[];
  /** Selectors tried and refused, with the anchoring code's reason. */
  rejected: { label: string; reason: string }[];
}

/** Quote context lengths tried in turn until the quote alone finds one place. */
const CONTEXTS = [32, 64, 128] as const;
/** Elements with more text than this are anchored by CSS only (a quote of a whole section is brittle). */
const MAX_ELEMENT_QUOTE = 300;
/** Class names that look machine-generated (CSS-in-JS hashes) make poor anchors. */
const GENERATED_CLASS = /^(css|sc|jsx|svelte|emotion)-|[0-9a-f]{6,}|^_/i;
const STABLE_ATTRIBUTES = ['data-testid', 'data-test', 'data-id', 'name', 'aria-label', 'for', 'title'];

/** CSS.escape for identifiers (jsdom has none). */
export function cssIdent(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i] as string;
    const code = value.charCodeAt(i);
    const leadingDigit = (i === 0 || (i === 1 && value[0] === '-')) && code >= 48 && code <= 57;
    if (leadingDigit) out += `\\${code.toString(16)} `;
    else if (/[A-Za-z0-9_\u00a0-\uffff-]/.test(ch)) out += ch;
    else out += `\\${ch}`;
  }
  return out;
}

const cssString = (value: string): string => `"${value.replace(/["\\]/g, '\\$&').replace(/\n/g, '\\a ')}"`;

/** The nth-of-type path from the nearest unique id (or from <html>). */
function pathFrom(element: Element, doc: Document, stopAtId: boolean): string {
  const steps: string[] = [];
  for (
    let current: Element | null = element;
    current && current !== doc.documentElement;
    current = current.parentElement
  ) {
    if (stopAtId && current.id && unique(doc, `#${cssIdent(current.id)}`) && current !== element) {
      steps.unshift(`#${cssIdent(current.id)}`);
      break;
    }
    const parent: Element | null = current.parentElement;
    const tag = current.tagName.toLowerCase();
    const same = parent ? [...parent.children].filter((c) => c.tagName === current?.tagName) : [];
    steps.unshift(same.length > 1 ? `${tag}:nth-of-type(${same.indexOf(current) + 1})` : tag);
    if (!parent) break;
  }
  return steps.join(' > ');
}

function unique(doc: Document, selector: string): boolean {
  try {
    return doc.querySelectorAll(selector).length === 1;
  } catch {
    return false;
  }
}

/** CSS selectors for an element, most readable and robust first (not yet checked). */
export function cssCandidates(element: Element): string[] {
  const doc = element.ownerDocument;
  const tag = element.tagName.toLowerCase();
  const out: string[] = [];
  if (element.id) out.push(`#${cssIdent(element.id)}`);
  for (const name of STABLE_ATTRIBUTES) {
    const value = element.getAttribute(name);
    if (value && value.length <= 80) out.push(`${tag}[${name}=${cssString(value)}]`);
  }
  const classes = [...element.classList].filter((c) => !GENERATED_CLASS.test(c)).slice(0, 3);
  if (classes.length > 0) out.push(`${tag}${classes.map((c) => `.${cssIdent(c)}`).join('')}`);
  out.push(pathFrom(element, doc, true));
  out.push(pathFrom(element, doc, false));
  return [...new Set(out)];
}

/** A quote of [start, end) with `context` characters either side. */
function quoteAt(index: TextIndex, start: number, end: number, context: number): TextQuoteSelector {
  const { text } = index;
  return {
    type: 'TextQuoteSelector',
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - context), start),
    suffix: text.slice(end, end + context),
  };
}

/** The shortest-context quote that, on its own, resolves to exactly [start, end); else a reason. */
function uniqueQuote(
  index: TextIndex,
  doc: Document,
  start: number,
  end: number,
): { quote: TextQuoteSelector } | { reason: string } {
  let reason = 'the quote is empty';
  for (const context of CONTEXTS) {
    const quote = quoteAt(index, start, end, context);
    const anchor = resolvePageSelector(quote, doc);
    if (anchor.status === 'resolved' && anchor.match === 'exact') {
      const found = offsetsOfRange(index, anchor.range);
      if (found && found.start === start && found.end === end) return { quote };
      reason = `the quote “${preview(quote.exact)}” also occurs elsewhere with the same context`;
    } else reason = anchor.status === 'orphan' ? anchor.reason : 'the quote matched only approximately';
  }
  return { reason };
}

const preview = (s: string): string => (s.length > 40 ? `${s.slice(0, 37)}…` : s);

/** Whether `selectors` resolve (all alternatives agreeing) to a place inside `element`. */
function resolvesTo(selectors: PageSelector[], doc: Document, check: (range: Range, el: Element) => boolean) {
  const anchor = resolvePageTarget(selectors, doc);
  if (anchor.status === 'orphan') return anchor.reason;
  return check(anchor.range, anchor.element) ? null : `it finds ${describe(anchor.element)} instead`;
}

function describe(element: Element): string {
  return `<${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}>`;
}

/** Anchors for a picked element: each CSS candidate that matches only it, with a quote of its text when short. */
export function proposeElementAnchor(element: Element): AnchorProposal {
  const doc = element.ownerDocument;
  const index = buildTextIndex(doc);
  const range = doc.createRange();
  range.selectNodeContents(element);
  const offsets = offsetsOfRange(index, range);
  const text = offsets ? index.text.slice(offsets.start, offsets.end) : '';
  const trimmedStart = offsets ? offsets.start + (text.length - text.trimStart().length) : 0;
  const trimmedEnd = offsets ? offsets.end - (text.length - text.trimEnd().length) : 0;
  let textSelectors: PageSelector[] = [];
  const rejected: AnchorProposal['rejected'] = [];
  if (offsets && trimmedEnd > trimmedStart && trimmedEnd - trimmedStart <= MAX_ELEMENT_QUOTE) {
    const q = uniqueQuote(index, doc, trimmedStart, trimmedEnd);
    if ('quote' in q)
      textSelectors = [q.quote, { type: 'TextPositionSelector', start: trimmedStart, end: trimmedEnd }];
    else rejected.push({ label: `quote “${preview(text.trim())}”`, reason: q.reason });
  }
  const candidates: AnchorCandidate[] = [];
  for (const value of cssCandidates(element)) {
    const css: CssSelector = { type: 'CssSelector', value };
    if (!unique(doc, value)) {
      const anchor = resolvePageSelector(css, doc);
      rejected.push({ label: value, reason: anchor.status === 'orphan' ? anchor.reason : 'not unique' });
      continue;
    }
    const selectors = [css, ...textSelectors];
    const problem = resolvesTo(selectors, doc, (_, el) => element === el || element.contains(el));
    if (problem) rejected.push({ label: value, reason: problem });
    else candidates.push({ selectors, label: value });
  }
  return { candidates, rejected };
}

/** Anchors for a text selection: quote + position, and the same refined inside the containing element's CSS. */
export function proposeRangeAnchor(range: Range): AnchorProposal {
  const container =
    range.commonAncestorContainer.nodeType === 1
      ? (range.commonAncestorContainer as Element)
      : range.commonAncestorContainer.parentElement;
  const doc = (container?.ownerDocument ?? null) as Document | null;
  if (!container || !doc)
    return { candidates: [], rejected: [{ label: 'selection', reason: 'nothing selected' }] };
  const index = buildTextIndex(doc);
  const offsets = offsetsOfRange(index, range);
  if (!offsets || offsets.end <= offsets.start)
    return { candidates: [], rejected: [{ label: 'selection', reason: 'the selection has no text' }] };
  const { start, end } = offsets;
  const same = (r: Range) => {
    const found = offsetsOfRange(index, r);
    return !!found && found.start === start && found.end === end;
  };
  const q = uniqueQuote(index, doc, start, end);
  const label = `“${preview(index.text.slice(start, end))}”`;
  if (!('quote' in q)) return { candidates: [], rejected: [{ label, reason: q.reason }] };
  const selectors: PageSelector[] = [q.quote, { type: 'TextPositionSelector', start, end }];
  const problem = resolvesTo(selectors, doc, (r) => same(r));
  return problem
    ? { candidates: [], rejected: [{ label, reason: problem }] }
    : { candidates: [{ selectors, label }], rejected: [] };
}

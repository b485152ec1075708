// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import type { PageSelector } from '../format/types';
import { describeElement, describeRange } from './describe';
import { resolvePageSelector, resolvePageTarget } from './dom-anchors';
import { buildTextIndex } from './dom-text';

beforeEach(() => {
  document.body.innerHTML = `
    <main>
      <h1 id="title">Digit recogniser</h1>
      <p class="intro">Draw a digit in the <b>box</b>. The network guesses which digit it is.</p>
      <canvas id="canvas"></canvas>
      <p class="note">The first layer finds strokes.</p>
      <p class="note">The second layer finds parts.</p>
      <script>var hidden = "finds strokes";</script>
    </main>`;
});

const resolved = (selectors: PageSelector[]) => {
  const anchor = resolvePageTarget(selectors, document);
  if (anchor.status !== 'resolved') throw new Error(anchor.reason);
  return anchor;
};

describe('resolvePageTarget', () => {
  it('resolves a CSS selector that matches one element, and orphans one that matches several', () => {
    expect(resolved([{ type: 'CssSelector', value: '#canvas' }]).element.id).toBe('canvas');
    const many = resolvePageTarget([{ type: 'CssSelector', value: 'p.note' }], document);
    expect(many).toMatchObject({ status: 'orphan', reason: expect.stringMatching(/matches 2 elements/) });
    const invalid = resolvePageTarget([{ type: 'CssSelector', value: 'p[' }], document);
    expect(invalid).toMatchObject({
      status: 'orphan',
      reason: expect.stringMatching(/invalid CSS selector/),
    });
  });

  it('resolves a text quote across element boundaries, ignoring script text', () => {
    const anchor = resolved([{ type: 'TextQuoteSelector', exact: 'the box. The network' }]);
    expect(anchor.range.toString()).toBe('the box. The network');
    expect(anchor.element.className).toBe('intro');
    const strokes = resolved([{ type: 'TextQuoteSelector', exact: 'finds strokes' }]);
    expect(strokes.element.textContent).toBe('The first layer finds strokes.');
  });

  it('refines a CSS selector by a quote inside the element', () => {
    const anchor = resolved([
      {
        type: 'CssSelector',
        value: 'p.note:last-of-type',
        refinedBy: { type: 'TextQuoteSelector', exact: 'layer' },
      },
    ]);
    expect(anchor.range.toString()).toBe('layer');
    expect(anchor.element.textContent).toContain('second');
    const missing = resolvePageTarget(
      [{ type: 'CssSelector', value: '#title', refinedBy: { type: 'TextQuoteSelector', exact: 'layer' } }],
      document,
    );
    expect(missing).toMatchObject({
      status: 'orphan',
      reason: expect.stringMatching(/^inside <h1#title>: quote 'layer' not found/),
    });
  });

  it('accepts a text position only when it agrees with the quote', () => {
    const text = buildTextIndex(document.body).text;
    const start = text.indexOf('finds parts');
    const good: PageSelector[] = [
      { type: 'TextPositionSelector', start, end: start + 11 },
      { type: 'TextQuoteSelector', exact: 'finds parts' },
    ];
    expect(resolved(good).confidence).toBe(1);
    const stale: PageSelector[] = [
      { type: 'TextPositionSelector', start: start + 3, end: start + 14 },
      { type: 'TextQuoteSelector', exact: 'finds parts' },
    ];
    expect(resolved(stale).range.toString()).toBe('finds parts');
    expect(resolved([{ type: 'TextPositionSelector', start, end: start + 11 }]).confidence).toBe(0.6);
  });

  it('uses a position to break a tie between identical quotes', () => {
    const text = buildTextIndex(document.body).text;
    const second = text.indexOf('layer', text.indexOf('layer') + 1);
    const anchor = resolved([
      { type: 'TextQuoteSelector', exact: 'layer' },
      { type: 'TextPositionSelector', start: second, end: second + 5 },
    ]);
    expect(anchor.element.textContent).toContain('second');
    expect(resolvePageTarget([{ type: 'TextQuoteSelector', exact: 'layer' }], document).status).toBe(
      'orphan',
    );
  });

  it('makes an orphan when alternatives point at different places', () => {
    const anchor = resolvePageTarget(
      [
        { type: 'CssSelector', value: '#title' },
        { type: 'TextQuoteSelector', exact: 'finds parts' },
      ],
      document,
    );
    expect(anchor).toMatchObject({ status: 'orphan', reason: expect.stringMatching(/selectors disagree/) });
  });

  it('prefers the more precise of agreeing alternatives', () => {
    const anchor = resolved([
      { type: 'CssSelector', value: 'p.intro' },
      { type: 'TextQuoteSelector', exact: 'guesses' },
    ]);
    expect(anchor.range.toString()).toBe('guesses');
  });

  it('explains every failure when nothing resolves', () => {
    const anchor = resolvePageTarget(
      [
        { type: 'CssSelector', value: '#nope' },
        { type: 'TextQuoteSelector', exact: 'zebra' },
      ],
      document,
    );
    expect(anchor).toEqual({
      status: 'orphan',
      reason:
        "CssSelector: no element matches CSS '#nope'; TextQuoteSelector: quote 'zebra' not found (quotes under 16 characters must match exactly)",
    });
  });

  it('resolves within an element scope', () => {
    const intro = document.querySelector('.intro') as Element;
    expect(resolvePageSelector({ type: 'CssSelector', value: 'b' }, intro)).toMatchObject({
      status: 'resolved',
      text: 'box',
    });
  });
});

describe('describe', () => {
  it('describes a selection so that it resolves back to the same text', () => {
    const p = document.querySelector('p.note:last-of-type') as Element;
    const range = document.createRange();
    range.setStart(p.firstChild as Text, 4);
    range.setEnd(p.firstChild as Text, 16);
    const selectors = describeRange(range, document.body);
    expect(selectors[0]).toMatchObject({ type: 'TextQuoteSelector', exact: 'second layer' });
    const anchor = resolvePageTarget(selectors, document.body);
    expect(anchor.status === 'resolved' && anchor.range.toString()).toBe('second layer');
  });

  it('describes an element by id or by a path from the nearest id', () => {
    expect(describeElement(document.querySelector('#canvas') as Element)).toEqual({
      type: 'CssSelector',
      value: '#canvas',
    });
    const second = document.querySelector('p.note:last-of-type') as Element;
    const selector = describeElement(second);
    expect(selector.type === 'CssSelector' && document.querySelectorAll(selector.value)).toHaveLength(1);
    expect(selector.type === 'CssSelector' && document.querySelector(selector.value)).toBe(second);
  });
});

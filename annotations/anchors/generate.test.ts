// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { resolvePageTarget } from './dom-anchors';
import { cssCandidates, cssIdent, proposeElementAnchor, proposeRangeAnchor } from './generate';

beforeEach(() => {
  document.body.innerHTML = `
    <main>
      <h1 id="title">Digit recogniser</h1>
      <p class="intro">Draw a digit in the <b>box</b>. The network guesses which digit it is.</p>
      <canvas id="canvas"></canvas>
      <section><p class="note">The first layer finds strokes.</p><p class="note">Same words.</p></section>
      <section><p class="note">The second layer finds parts.</p><p class="note">Same words.</p></section>
      <div id="3d:view"><span>label</span></div>
      <button aria-label="Clear the drawing">×</button>
    </main>`;
});

const el = (selector: string) => document.querySelector(selector) as Element;

describe('proposeElementAnchor', () => {
  it('prefers a unique id and adds a quote with context and a position, all resolving to the element', () => {
    const { candidates } = proposeElementAnchor(el('#title'));
    expect(candidates[0]?.label).toBe('#title');
    const [css, quote, position] = candidates[0]?.selectors ?? [];
    expect(css).toEqual({ type: 'CssSelector', value: '#title' });
    expect(quote).toMatchObject({
      type: 'TextQuoteSelector',
      exact: 'Digit recogniser',
      suffix: expect.any(String),
    });
    expect(position).toMatchObject({ type: 'TextPositionSelector' });
    for (const c of candidates) {
      const anchor = resolvePageTarget(c.selectors, document);
      expect(anchor.status).toBe('resolved');
      if (anchor.status === 'resolved') expect(el('#title').contains(anchor.element)).toBe(true);
    }
  });

  it('refuses selectors that match several elements and says why, then offers a path that is unique', () => {
    const target = document.querySelectorAll('p.note')[2] as Element;
    const { candidates, rejected } = proposeElementAnchor(target);
    expect(rejected.find((r) => r.label === 'p.note')?.reason).toMatch(/matches 4 elements/);
    expect(candidates.length).toBeGreaterThan(0);
    for (const c of candidates) {
      const anchor = resolvePageTarget(c.selectors, document);
      expect(anchor.status === 'resolved' && anchor.element).toBe(target);
    }
  });

  it('keeps an element whose text repeats elsewhere: the quote is dropped, the CSS stays', () => {
    const target = document.querySelectorAll('p.note')[3] as Element;
    const { candidates, rejected } = proposeElementAnchor(target);
    // "Same words." occurs twice; 32 characters of context tell them apart.
    expect(rejected.every((r) => !r.label.startsWith('quote'))).toBe(true);
    const anchor = resolvePageTarget(candidates[0]?.selectors ?? [], document);
    expect(anchor.status === 'resolved' && anchor.element).toBe(target);
  });

  it('anchors an element without text (a canvas) by CSS alone, and uses stable attributes', () => {
    expect(proposeElementAnchor(el('#canvas')).candidates[0]?.selectors).toEqual([
      { type: 'CssSelector', value: '#canvas' },
    ]);
    expect(cssCandidates(el('button'))).toContain('button[aria-label="Clear the drawing"]');
  });

  it('escapes ids that CSS cannot take as they are', () => {
    expect(cssIdent('3d:view')).toBe('\\33 d\\:view');
    const { candidates } = proposeElementAnchor(el('span'));
    expect(candidates.some((c) => c.label.startsWith('#\\33 d\\:view'))).toBe(true);
    expect(document.querySelector(cssIdent('3d:view').replace(/^/, '#'))).toBe(el('div[id="3d:view"]'));
  });
});

describe('proposeRangeAnchor', () => {
  it('anchors a selection across elements by quote + position, resolving to the same characters', () => {
    const range = document.createRange();
    const intro = el('.intro');
    range.setStart(intro.firstChild as Text, 'Draw a digit in '.length);
    range.setEnd(intro.lastChild as Text, '. The network'.length);
    const { candidates } = proposeRangeAnchor(range);
    expect(candidates).toHaveLength(1);
    const anchor = resolvePageTarget(candidates[0]?.selectors ?? [], document);
    expect(anchor.status === 'resolved' && anchor.range.toString()).toBe('the box. The network');
  });

  it('refuses a selection whose quote and context occur twice, saying so', () => {
    document.body.innerHTML = `<p>${'ab '.repeat(300)}</p>`;
    const text = document.querySelector('p')?.firstChild as Text;
    const range = document.createRange();
    range.setStart(text, 300);
    range.setEnd(text, 302);
    const { candidates, rejected } = proposeRangeAnchor(range);
    expect(candidates).toEqual([]);
    expect(rejected[0]?.reason).toMatch(/occurs|ambiguous|places/);
    expect(proposeRangeAnchor(document.createRange()).rejected[0]?.reason).toMatch(/nothing selected/);
  });
});

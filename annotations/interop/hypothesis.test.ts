import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { NoteAnnotation } from '../format/types';
import { validatePack } from '../format/validate';
import { hypothesisRows, importHypothesis } from './hypothesis';

const search = JSON.parse(
  readFileSync(new URL('./fixtures/hypothesis-search.json', import.meta.url), 'utf8'),
) as { rows: unknown[] };

describe('importHypothesis', () => {
  it('turns annotated quotes into valid notes, keeping the quote and position selectors', () => {
    const { pack, errors } = importHypothesis(search);
    expect(errors).toEqual([]);
    expect(validatePack(pack).ok).toBe(true);
    expect(pack.items.map((i) => i.id)).toEqual(['Xk2aPhQ7EeyAbC1dEfGhIj', 'Pr3dIcTsEeyAbC1dEfGhIj']);
    const first = pack.items[0] as NoteAnnotation;
    expect(first.kind).toBe('note');
    expect(first.motivation).toBe('commenting');
    // Markdown is kept; {{…}} is escaped so it is not read as a live value.
    expect(first.body.value).toBe('The **first** convolution finds edges. Try \\{{not a live value}}.');
    expect(first.target?.source).toBe('https://demo.example.org/mnist/index.html');
    expect(first.target?.selector).toEqual([
      { type: 'TextPositionSelector', start: 120, end: 137 },
      {
        type: 'TextQuoteSelector',
        exact: 'convolution layer',
        prefix: 'The first ',
        suffix: ' looks at 3x3 patches',
      },
    ]);
    expect(pack.targets.pages).toEqual(['https://demo.example.org/mnist/index.html']);
  });

  it('names authors from display names, else the account, and titles the pack after the document', () => {
    const { pack } = importHypothesis(search);
    expect(pack.authors).toEqual([{ name: 'Ada Lovelace' }, { name: 'grace' }]);
    expect(pack.title).toBe('Notes on MNIST digits in the browser');
  });

  it('says what it leaves out: replies, page notes, highlights, tags', () => {
    const { skipped } = importHypothesis(search);
    expect(skipped).toEqual([
      { id: 'Xk2aPhQ7EeyAbC1dEfGhIj', reason: 'imported without its tags' },
      { id: 'Yq8rStUvEeyAbC1dEfGhIj', reason: 'a reply: Literate packs have no threads' },
      { id: 'Zz1pAgEnEeyAbC1dEfGhIj', reason: 'a page note: it has no selector on the page' },
      { id: 'HlGhLiGhEeyAbC1dEfGhIj', reason: 'a highlight without text' },
    ]);
  });

  it('accepts a bare array of rows or a single row, and lets options override', () => {
    expect(hypothesisRows(search.rows)).toHaveLength(5);
    expect(hypothesisRows(search.rows[0])).toHaveLength(1);
    expect(hypothesisRows({ nothing: true })).toEqual([]);
    const { pack, errors } = importHypothesis(search.rows[0], {
      title: 'Mine',
      license: 'CC-BY-4.0',
      author: 'Me',
      id: 'mine',
    });
    expect(errors).toEqual([]);
    expect(pack).toMatchObject({
      id: 'mine',
      title: 'Mine',
      license: 'CC-BY-4.0',
      authors: [{ name: 'Me' }],
    });
    expect(pack.items).toHaveLength(1);
  });

  it('never throws on hostile rows and reports what it cannot use', () => {
    const hostile = [
      null,
      7,
      'x',
      { target: 'nope' },
      { text: 'a', target: [{ selector: [{ type: 'X' }] }] },
    ];
    const { pack, skipped } = importHypothesis({ rows: hostile });
    expect(pack.items).toEqual([]);
    expect(skipped.map((s) => s.reason)).toEqual([
      'not an annotation object',
      'not an annotation object',
      'not an annotation object',
      'a page note: it has no selector on the page',
      'no CssSelector, TextQuoteSelector or TextPositionSelector target',
    ]);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistance } from '../format/suggest';
import { findApproximate } from './approx-match';
import { FUZZY_MIN_LENGTH, matchTextQuote } from './text-quote';

const text =
  'The first layer finds strokes. The second layer combines strokes into parts. The last layer votes.';

describe('matchTextQuote', () => {
  it('finds a unique exact quote with full confidence', () => {
    const match = matchTextQuote(text, { exact: 'combines strokes' });
    expect(match).toMatchObject({
      status: 'resolved',
      match: 'exact',
      start: text.indexOf('combines strokes'),
      confidence: 1,
    });
  });

  it('uses prefix and suffix to tell repeated quotes apart', () => {
    const match = matchTextQuote(text, { exact: 'layer', prefix: 'The second ' });
    expect(match).toMatchObject({ status: 'resolved', start: text.indexOf('second layer') + 7 });
    const bySuffix = matchTextQuote(text, { exact: 'layer', suffix: ' votes' });
    expect(bySuffix).toMatchObject({ status: 'resolved', start: text.lastIndexOf('layer') });
  });

  it('makes an ambiguous quote an orphan instead of guessing', () => {
    const match = matchTextQuote(text, { exact: 'layer' });
    expect(match.status).toBe('orphan');
    expect(match.status === 'orphan' && match.reason).toMatch(/ambiguous: 3 equally good matches/);
    const sameContext = matchTextQuote('a x b. a x b.', { exact: 'x', prefix: 'a ', suffix: ' b' });
    expect(sameContext.status).toBe('orphan');
  });

  it('lets a position hint break an exact tie, and only a tie', () => {
    const second = text.indexOf('layer', text.indexOf('layer') + 1);
    expect(matchTextQuote(text, { exact: 'layer' }, second)).toMatchObject({
      status: 'resolved',
      start: second,
    });
    expect(matchTextQuote(text, { exact: 'layer' }, 3).status).toBe('orphan');
  });

  it('falls back to fuzzy matching for long quotes within the edit budget', () => {
    const changed = 'The second layer combines strokes into pieces.';
    const match = matchTextQuote(text, { exact: changed.replace('pieces', 'parts'), prefix: 'strokes. ' });
    expect(match.status).toBe('resolved');
    const quote = 'The second layer combynes strokes into parts';
    const fuzzy = matchTextQuote(text, { exact: quote });
    expect(fuzzy).toMatchObject({
      status: 'resolved',
      match: 'fuzzy',
      errors: 1,
      start: text.indexOf('The second'),
    });
    expect(fuzzy.status === 'resolved' && fuzzy.confidence).toBeLessThan(0.9);
  });

  it('never fuzzy-matches short quotes, nor beyond the threshold', () => {
    expect(matchTextQuote(text, { exact: 'strokez' }).status).toBe('orphan');
    expect('strokez'.length).toBeLessThan(FUZZY_MIN_LENGTH);
    const far = matchTextQuote(text, { exact: 'The third layer splits blobs into bits' });
    expect(far).toMatchObject({
      status: 'orphan',
      reason: expect.stringMatching(/not even with up to 5 edits/),
    });
  });

  it('makes equally good fuzzy matches an orphan', () => {
    const doubled = 'alpha beta gamma delta epsilon. alpha beta gamma delta epsilon.';
    const match = matchTextQuote(doubled, { exact: 'alpha beta gamma delta epsilom' });
    expect(match.status).toBe('orphan');
  });
});

describe('findApproximate', () => {
  it('agrees with brute force on the minimum edit distance over all substrings', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 14 }),
        fc.string({ unit: fc.constantFrom('a', 'b', 'c'), minLength: 1, maxLength: 5 }),
        fc.nat(3),
        (t, p, k) => {
          let best = Infinity;
          const budget = Math.min(k, p.length - 1);
          for (let i = 0; i < t.length; i++)
            for (let j = i + 1; j <= t.length; j++) best = Math.min(best, editDistance(t.slice(i, j), p));
          const found = findApproximate(t, p, k);
          if (best > budget) expect(found).toEqual([]);
          else {
            expect(Math.min(...found.map((f) => f.errors))).toBe(best);
            for (const f of found)
              expect(editDistance(t.slice(f.start, f.end), p)).toBeLessThanOrEqual(f.errors);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

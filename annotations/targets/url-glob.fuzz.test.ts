// The URL glob under adversarial patterns and URLs: it agrees with a plain dynamic-programming reference and its
// work (counted comparisons, not wall time) stays linear in the URL and pattern, where the old regex backtracked.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../format/limits';
import { validatePackText } from '../format/validate';
import { matchGlob, matchUrlPattern, parseUrlPattern, type GlobMeter } from './url-glob';

/** Reference: `*` glob by dynamic programming over (pattern position, text position). */
function reference(pattern: string, text: string): boolean {
  let row = new Array<boolean>(text.length + 1).fill(false);
  row[0] = true;
  for (const c of pattern) {
    const next = new Array<boolean>(text.length + 1).fill(false);
    for (let j = 0; j <= text.length; j++) {
      if (c === '*') next[j] = (row[j] ?? false) || (j > 0 && (next[j - 1] ?? false));
      else next[j] = j > 0 && (row[j - 1] ?? false) && text[j - 1] === c;
    }
    row = next;
  }
  return row[text.length] ?? false;
}

/** Generous linear bound: a few comparisons per character of text and pattern. */
const linearBound = (text: number, pattern: number) => 4 * (text + pattern) + 16;

const small = (chars: string[], max: number) =>
  fc.array(fc.constantFrom(...chars), { maxLength: max }).map((a) => a.join(''));

describe('matchGlob', () => {
  it('agrees with the reference on random globs and texts, in linear steps', () => {
    fc.assert(
      fc.property(small(['a', 'b', '*', '/'], 40), small(['a', 'b', '/'], 120), (pattern, text) => {
        const meter: GlobMeter = { steps: 0 };
        expect(matchGlob(pattern.split('*'), text, meter)).toBe(reference(pattern, text));
        expect(meter.steps).toBeLessThanOrEqual(linearBound(text.length, pattern.length));
      }),
      { numRuns: 3000 },
    );
  });

  it('stays linear on adversarial repeats (near-miss pieces against long runs)', () => {
    const cases: [string, string][] = [];
    for (const n of [70, 1000, 20_000])
      for (let stars = 1; stars <= LIMITS.urlPatternStars; stars++) {
        cases.push([`/${'*a'.repeat(stars)}*b`, `/${'a'.repeat(n)}`]);
        cases.push([`/${'*aaaaaaaab'.repeat(stars)}`, `/${'a'.repeat(n)}`]);
        cases.push([`/${'*ab'.repeat(stars)}*`, `/${'ab'.repeat(n / 2)}`]);
        cases.push([`/*${'a'.repeat(30)}b*`, `/${'a'.repeat(n)}b`]);
      }
    fc.assert(
      fc.property(fc.constantFrom(...cases), ([pattern, text]) => {
        const meter: GlobMeter = { steps: 0 };
        const matched = matchGlob(pattern.split('*'), text, meter);
        if (text.length <= 1001) expect(matched).toBe(reference(pattern, text));
        expect(meter.steps).toBeLessThanOrEqual(linearBound(text.length, pattern.length));
      }),
      { numRuns: cases.length * 2 },
    );
  });
});

describe('matchUrlPattern on the issue #15 pattern', () => {
  it('answers at once for eight `*` against a URL of 70 repeated characters (the old regex hung > 30 s)', () => {
    const pattern = `http://127.0.0.1:*/${'*a'.repeat(8)}*b`;
    const meter: GlobMeter = { steps: 0 };
    const started = performance.now();
    expect(matchUrlPattern(pattern, `http://127.0.0.1:8080/${'a'.repeat(70)}`, meter)).toBe(false);
    expect(matchUrlPattern(pattern, `http://127.0.0.1:8080/${'a'.repeat(70)}b`)).toBe(true);
    expect(meter.steps).toBeLessThan(1000);
    // Not a timing test: a generous guard against a hang (the regex needed minutes).
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('random URL patterns and URLs: never more than linear work', () => {
    const segment = small(['a', 'b', '/', '*', '?', '='], 30);
    const url = small(['a', 'b', '/', '?', '='], 200);
    fc.assert(
      fc.property(segment, url, (path, rest) => {
        const pattern = `https://*.example.org/${path}`;
        const meter: GlobMeter = { steps: 0 };
        const parsed = parseUrlPattern(pattern);
        matchUrlPattern(pattern, `https://x.example.org/${rest}`, meter);
        expect(meter.steps).toBeLessThanOrEqual(linearBound(rest.length + 40, pattern.length));
        if (parsed) expect(parsed.path.length - 1).toBeLessThanOrEqual(LIMITS.urlPatternStars);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('URL pattern limits at validation', () => {
  const pack = (pages: string[]) =>
    JSON.stringify({
      '@context': ['http://www.w3.org/ns/anno.jsonld', 'https://literate.dev/ns/pack/1'],
      type: 'AnnotationCollection',
      literate: '1',
      id: 'p',
      title: 'p',
      authors: [{ name: 'a' }],
      license: 'MIT',
      version: '1.0.0',
      targets: { pages, models: [{ alias: 'm' }] },
      items: [],
    });

  it(`accepts ${LIMITS.urlPatternStars} stars and refuses one more, and over-long patterns`, () => {
    const ok = `https://*/${'a*'.repeat(LIMITS.urlPatternStars - 1)}`;
    const tooMany = `${ok}*`;
    expect(validatePackText(pack([ok])).errors).toEqual([]);
    expect(validatePackText(pack([tooMany])).ok).toBe(false);
    expect(parseUrlPattern(ok)).toBeDefined();
    expect(parseUrlPattern(tooMany)).toBeUndefined();
    const long = `https://example.org/${'x'.repeat(LIMITS.urlPatternLength)}`;
    expect(validatePackText(pack([long])).ok).toBe(false);
    expect(parseUrlPattern(long)).toBeUndefined();
  });

  it('the star look-ahead of the syntax does not backtrack on long patterns', () => {
    const long = `https://example.org/${'a'.repeat(100_000)}${'*'.repeat(17)} x`;
    const started = performance.now();
    expect(parseUrlPattern(long)).toBeUndefined();
    expect(validatePackText(pack([long])).ok).toBe(false);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

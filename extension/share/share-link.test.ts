import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildShareLink, parseShareFragment } from './share-link';

describe('parseShareFragment', () => {
  it('reads a pack URL and a 1-based step (returned 0-based)', () => {
    const packUrl = 'https://packs.example.org/mnist.json?v=2&x=1';
    expect(parseShareFragment(`#literate=${encodeURIComponent(packUrl)}&step=3`)).toEqual({
      kind: 'url',
      url: packUrl,
      step: 2,
    });
  });

  it('reads an inline pack', () => {
    expect(parseShareFragment('literate-inline=q1ZKzs8rSc0rUbJSMlSqBQA&step=1')).toEqual({
      kind: 'inline',
      data: 'q1ZKzs8rSc0rUbJSMlSqBQA',
      step: 0,
    });
  });

  it('leaves fragments without our parameters to the page', () => {
    for (const f of ['', '#', '#section-2', '#/route?literatex=1', '#step=2', '#literatefoo=1'])
      expect(parseShareFragment(f)).toEqual({ kind: 'none' });
  });

  it('says why a link cannot be used', () => {
    const reasons = [
      '#literate=',
      '#literate=javascript%3Aalert(1)',
      '#literate=file%3A%2F%2F%2Fetc%2Fpasswd',
      '#literate=https%3A%2F%2Fuser%3Apw%40example.org%2Fp.json',
      '#literate=not%20a%20url',
      '#literate=%E0%A4%A',
      '#literate=https%3A%2F%2Fa%2Fp.json&literate-inline=abc',
      '#literate=https%3A%2F%2Fa%2Fp.json&literate=https%3A%2F%2Fb%2Fp.json',
      '#literate=https%3A%2F%2Fa%2Fp.json&step=0',
      '#literate=https%3A%2F%2Fa%2Fp.json&step=two',
      `#literate=${encodeURIComponent('https://a/' + 'x'.repeat(3000))}`,
    ].map((f) => parseShareFragment(f));
    for (const r of reasons) expect(r).toMatchObject({ kind: 'error', reason: expect.any(String) });
    expect(reasons[1]).toMatchObject({ reason: 'packs load over http or https only, not javascript:' });
  });

  it('never throws', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (s) => void parseShareFragment(s)));
  });
});

describe('buildShareLink', () => {
  it('replaces the page fragment and round-trips through the parser', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true }), fc.option(fc.nat(499)), (packUrl, step) => {
        const link = buildShareLink('https://demo.example.org/mnist/?x=1#old', { url: packUrl }, step);
        const url = new URL(link);
        expect(url.origin + url.pathname + url.search).toBe('https://demo.example.org/mnist/?x=1');
        const parsed = parseShareFragment(url.hash);
        if (parsed.kind === 'url') expect(parsed).toEqual({ kind: 'url', url: packUrl, step: step ?? null });
        else expect(parsed.kind).toBe('error'); // e.g. generated URLs with credentials
      }),
    );
  });

  it('builds inline links', () => {
    expect(buildShareLink('http://127.0.0.1:8080/demo/', { inline: 'abc_-' }, 0)).toBe(
      'http://127.0.0.1:8080/demo/#literate-inline=abc_-&step=1',
    );
  });
});

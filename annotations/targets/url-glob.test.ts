import { describe, expect, it } from 'vitest';
import { matchUrlPattern, parseUrlPattern } from './url-glob';
import { matchPageUrl } from './match-page';

describe('matchUrlPattern', () => {
  const cases: [string, string, boolean][] = [
    ['https://*.example.com/demo/*', 'https://example.com/demo/index.html', true],
    ['https://*.example.com/demo/*', 'https://a.b.example.com/demo/x?y=1#z', true],
    ['https://*.example.com/demo/*', 'https://badexample.com/demo/x', false],
    ['https://*.example.com/demo/*', 'https://example.com.evil.org/demo/x', false],
    ['https://*.example.com/demo/*', 'http://example.com/demo/x', false],
    ['https://*.example.com/demo/*', 'https://example.com/demo', false],
    ['https://*.example.com/demo/*', 'https://EXAMPLE.com/demo/', true],
    ['https://example.com/Demo/*', 'https://example.com/demo/', false],
    ['*://example.com/*', 'http://example.com/', true],
    ['*://example.com/*', 'ftp://example.com/', false],
    ['http://127.0.0.1:*/mnist/*', 'http://127.0.0.1:5173/mnist/', true],
    ['http://localhost/*', 'http://localhost:8080/app', true],
    ['https://example.com:8443/*', 'https://example.com/', false],
    ['https://example.com:443/*', 'https://example.com/', true],
    ['https://*/model.json', 'https://cdn.x.org/a/model.json', false],
    ['https://*/*model.json', 'https://cdn.x.org/a/b/model.json', true],
    ['https://example.com/a.b/*', 'https://example.com/aXb/c', false],
    ['https://example.com/page?lang=*', 'https://example.com/page?lang=en', true],
    ['https://example.com/page', 'https://example.com/page#top', true],
    ['not a pattern', 'https://example.com/', false],
    ['https://example.com/*', 'not a url', false],
  ];
  it.each(cases)('%s ~ %s → %s', (pattern, url, expected) => {
    expect(matchUrlPattern(pattern, url)).toBe(expected);
  });

  it('rejects malformed patterns', () => {
    for (const bad of [
      'example.com/*',
      'https://ex*ample.com/*',
      'https://example.com',
      'file:///x/*',
      'https://*.*.com/*',
    ])
      expect(parseUrlPattern(bad), bad).toBeUndefined();
  });
});

describe('matchPageUrl', () => {
  const pack = {
    targets: { pages: ['https://demo.example.org/a/*', 'https://*.example.org/b/*'], models: [] },
  };
  it('says which pattern matched', () => {
    expect(matchPageUrl(pack, 'https://x.example.org/b/1')).toEqual({
      matched: true,
      pattern: 'https://*.example.org/b/*',
    });
    expect(matchPageUrl(pack, 'https://x.example.org/c/1')).toEqual({ matched: false });
  });
});

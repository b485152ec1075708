import { describe, expect, it } from 'vitest';
import {
  defaultMatches,
  grantedSiteOrigins,
  matchesPattern,
  siteAccessOf,
  sitePatternFor,
} from './site-access';
import manifest from '../../manifest.json';

const DEFAULTS = defaultMatches(manifest);

describe('site access', () => {
  it('knows the manifest’s demo hosts run by default, on any port', () => {
    expect(siteAccessOf('http://127.0.0.1:8080/demo/', DEFAULTS, DEFAULTS)).toEqual({ kind: 'default' });
    expect(
      siteAccessOf('https://storage.googleapis.com/tfjs-models/demos/x.html', DEFAULTS, DEFAULTS),
    ).toEqual({
      kind: 'default',
    });
    expect(siteAccessOf('https://storage.googleapis.com/other-bucket/x.html', DEFAULTS, DEFAULTS)).toEqual({
      kind: 'off',
      pattern: 'https://storage.googleapis.com/*',
    });
  });

  it('offers to enable a demo host whose permission the reader revoked (Firefox)', () => {
    const revoked = DEFAULTS.filter((p) => !p.startsWith('http://127.0.0.1'));
    expect(siteAccessOf('http://127.0.0.1:8080/demo/', DEFAULTS, revoked)).toEqual({
      kind: 'off',
      pattern: 'http://127.0.0.1/*',
    });
  });

  it('offers to enable other sites, and knows when they are granted', () => {
    expect(siteAccessOf('https://demo.example.org:8443/a?b', DEFAULTS, [])).toEqual({
      kind: 'off',
      pattern: 'https://demo.example.org/*',
    });
    expect(siteAccessOf('https://demo.example.org/a', DEFAULTS, ['https://demo.example.org/*'])).toEqual({
      kind: 'granted',
      pattern: 'https://demo.example.org/*',
    });
    expect(siteAccessOf('https://x.example.org/a', DEFAULTS, ['https://*.example.org/*'])).toMatchObject({
      kind: 'granted',
    });
  });

  it('never offers browser pages or files', () => {
    for (const url of [
      'chrome://extensions',
      'about:blank',
      'file:///tmp/a.html',
      'chrome-extension://abc/popup.html',
      null,
      'nonsense',
    ])
      expect(siteAccessOf(url, DEFAULTS, [])).toEqual({ kind: 'unsupported' });
    expect(sitePatternFor('ftp://x/')).toBeNull();
  });

  it('matches patterns like the browser does', () => {
    expect(matchesPattern('*://*/*', 'https://a.b/c')).toBe(true);
    expect(matchesPattern('https://*.a.org/x/*', 'https://a.org/x/y')).toBe(true);
    expect(matchesPattern('https://*.a.org/x/*', 'https://evil-a.org/x/y')).toBe(false);
    expect(matchesPattern('https://a.org/*', 'http://a.org/')).toBe(false);
  });

  it('lists only the reader’s grants, not the defaults or optional wildcards', () => {
    expect(
      grantedSiteOrigins(
        [...DEFAULTS, 'https://*/*', 'http://*/*', 'https://b.org/*', 'https://a.org/*'],
        DEFAULTS,
      ),
    ).toEqual(['https://a.org/*', 'https://b.org/*']);
  });

  it('takes a grant the browser reports for a default host (path dropped) as that default', () => {
    expect(
      grantedSiteOrigins(
        ['https://storage.googleapis.com/*', 'http://127.0.0.1/*', 'http://127.0.0.3/*'],
        DEFAULTS,
      ),
    ).toEqual(['http://127.0.0.3/*']);
  });
});

import { describe, expect, it } from 'vitest';
import { siteLabel, siteLabels } from './sites';

describe('siteLabel', () => {
  it('drops the scheme and the trailing wildcard', () => {
    expect(siteLabel('http://127.0.0.1/*')).toBe('127.0.0.1');
    expect(siteLabel('https://storage.googleapis.com/tfjs-models/*')).toBe(
      'storage.googleapis.com/tfjs-models/',
    );
  });

  it('keeps what is not a match pattern as it is, and lists each site once', () => {
    expect(siteLabel('<all_urls>')).toBe('<all_urls>');
    expect(siteLabels(['http://localhost/*', 'https://localhost/*', 'http://127.0.0.1/*'])).toEqual([
      'localhost',
      '127.0.0.1',
    ]);
  });
});

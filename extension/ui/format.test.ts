import { describe, expect, it } from 'vitest';
import { formatBytes, formatCount } from './format';

describe('formatCount', () => {
  it('keeps small counts exact and abbreviates large ones', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(9_999)).toBe('9,999');
    expect(formatCount(12_345)).toBe('12K');
    expect(formatCount(2_328_982)).toBe('2.3M');
    expect(formatCount(25_000_000)).toBe('25M');
    expect(formatCount(123_456)).toBe('123K');
  });

  it("writes numbers in the reader's language", () => {
    const i18n = (globalThis as unknown as { chrome: { i18n: { getUILanguage: () => string } } }).chrome.i18n;
    const english = i18n.getUILanguage;
    i18n.getUILanguage = () => 'fr';
    try {
      expect(formatCount(9_999)).toBe('9\u202f999');
      expect(formatCount(2_328_982)).toBe('2,3\u00a0M');
    } finally {
      i18n.getUILanguage = english;
    }
  });
});

describe('formatBytes', () => {
  it('uses binary units', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(2048)).toBe('2.0 KB');
    expect(formatBytes(3 * 1024 * 1024)).toBe('3.0 MB');
  });
});

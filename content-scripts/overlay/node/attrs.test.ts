import { describe, expect, it } from 'vitest';
import { formatAttr, shownAttrs } from './attrs';

describe('node attributes', () => {
  it('puts the telling ones first and hides bookkeeping', () => {
    const shown = shownAttrs({
      padding: 'same',
      nestedIn: 'm',
      T: 'float32',
      activation: 'relu',
      zeta: 1,
      filters: 8,
      bogus: null,
    });
    expect(shown.map(([k]) => k)).toEqual(['activation', 'filters', 'padding', 'zeta']);
  });

  it('formats lists, numbers and flags for reading', () => {
    expect(formatAttr([3, 3])).toBe('3 × 3');
    expect(formatAttr([null, 4])).toBe('? × 4');
    expect(formatAttr(0.0010000000474974513)).toBe('0.001');
    expect(formatAttr(true)).toBe('yes');
    expect(formatAttr('relu')).toBe('relu');
    expect(formatAttr([])).toBe('[]');
  });
});

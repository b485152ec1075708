import { describe, expect, it } from 'vitest';
import { companionValues, onlyCompanionsAfterFirst } from './companion-inputs';

describe('companion inputs of text models', () => {
  it('accepts token ids followed by mask, type ids or positions, and nothing else', () => {
    expect(onlyCompanionsAfterFirst(['input_ids', 'attention_mask', 'token_type_ids'])).toBe(true);
    expect(onlyCompanionsAfterFirst(['image'])).toBe(true);
    expect(onlyCompanionsAfterFirst(['input_ids', 'pixel_values'])).toBe(false);
    expect(onlyCompanionsAfterFirst(['input_ids', 'toString'])).toBe(false);
    expect(onlyCompanionsAfterFirst([])).toBe(false);
  });

  it('fills them as a tokenizer does for unpadded rows', () => {
    expect(companionValues('attention_mask', [2, 3])).toEqual([1, 1, 1, 1, 1, 1]);
    expect(companionValues('token_type_ids', [1, 4])).toEqual([0, 0, 0, 0]);
    expect(companionValues('position_ids', [2, 3])).toEqual([0, 1, 2, 0, 1, 2]);
    expect(companionValues('constructor', [1, 2])).toBeNull();
  });
});

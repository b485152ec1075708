import { describe, expect, it } from 'vitest';
import { findNoncharacters, isNoncharacter } from './noncharacters';

describe('noncharacters', () => {
  it('knows the 66 noncharacters', () => {
    let n = 0;
    for (let cp = 0; cp <= 0x10ffff; cp++) if (isNoncharacter(cp)) n++;
    expect(n).toBe(66);
    expect(isNoncharacter(0xffff)).toBe(true);
    expect(isNoncharacter(0x10fffe)).toBe(true);
    expect(isNoncharacter(0xfdd0)).toBe(true);
    expect(isNoncharacter(0xfffd)).toBe(false);
  });

  it('finds a literal U+FFFF (what KaTeX becomes without ascii_only) with its line', () => {
    const hits = findNoncharacters('var a = 1;\nvar re = /[\u0000-\uFFFF]/;');
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ codePoint: 0xffff, line: 2 });
  });

  it('passes escaped text and astral characters', () => {
    expect(findNoncharacters('var re = /[\\u0000-\\uFFFF]/; // 😀 ∑')).toEqual([]);
    expect(findNoncharacters('\u{1FFFF}')).toHaveLength(1);
  });
});

// Finds Unicode noncharacters in built code: Chromium refuses a content script that contains one, silently.

export interface NoncharacterHit {
  index: number;
  codePoint: number;
  line: number;
}

export function isNoncharacter(cp: number): boolean {
  return (cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) === 0xfffe;
}

export function findNoncharacters(text: string, limit = 10): NoncharacterHit[] {
  const hits: NoncharacterHit[] = [];
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    if (cp === 10) line++;
    if (cp > 0xffff) i++;
    if (isNoncharacter(cp)) {
      hits.push({ index: i, codePoint: cp, line });
      if (hits.length >= limit) break;
    }
  }
  return hits;
}

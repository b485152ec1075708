// The size limits every pack must respect, in one place: they bound the work a reader's browser does for a
// pack it did not write (FORMAT.md "Limits" lists them; change both together).

export const LIMITS = {
  /** UTF-8 bytes of the pack's JSON text. */
  packBytes: 2 * 1024 * 1024,
  /** Nesting depth of JSON objects and arrays. */
  depth: 32,
  items: 2000,
  steps: 500,
  authors: 50,
  pages: 100,
  models: 16,
  /** Alternative page selectors per target. */
  selectors: 8,
  bindings: 32,
  labels: 10_000,
  channels: 1024,
  highlights: 200,
  nodeConstraints: 200,
  examplesPerCheck: 100,
  /** Options of a choice control or of a predict-then-reveal question. */
  options: 12,
  /** Positions of a slider ((max − min) / step). */
  sliderPositions: 10_000,
  /** Numbers in one tensor literal. */
  tensorElements: 65_536,
  tensorRank: 6,
  idLength: 128,
  aliasLength: 64,
  titleLength: 200,
  /** Names, labels, node ids, ops. */
  nameLength: 512,
  descriptionLength: 5000,
  /** Any Markdown field (note bodies, captions, claims, step bodies). */
  markdownLength: 20_000,
  texLength: 2000,
  urlLength: 2048,
  /** URL patterns (targets.pages, a model's url): characters, and `*` in the whole pattern. */
  urlPatternLength: 1024,
  urlPatternStars: 16,
  /** Data URLs of example images. */
  dataUrlLength: 1_000_000,
  /** CSS selectors and text quotes. */
  selectorLength: 2000,
  /** Prefix and suffix of a text quote. */
  contextLength: 200,
} as const;

/** UTF-8 length of a string without allocating (works in Node and browsers). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

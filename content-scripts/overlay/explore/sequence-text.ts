// Typed text as a one-hot sequence input and back (pure): each character (or word, when the vocabulary has words; or
// whitespace-separated token index when no vocabulary is known) becomes one row of a [1, steps, vocab] tensor;
// characters or words without an index are named.

export interface Encoded {
  values: Float32Array;
  shape: [number, number, number];
  /** Characters (or tokens) that have no index in the vocabulary, each once, in order. */
  unknown: string[];
  /** Characters cut off beyond the model's fixed number of steps. */
  cut: number;
}

/** True when every entry of the vocabulary is one character (else its entries are words, typed apart by spaces). */
export function isCharacterVocabulary(vocabulary: readonly string[]): boolean {
  return vocabulary.every((entry) => Array.from(entry).length === 1);
}

/**
 * Encodes text. With `vocabulary` (index → character, or word), one row per character (or per space-separated word);
 * without, the text is a list of indices ("29 63 9"). `steps` null: as many rows as tokens (at least 1); else exactly `steps` rows, zero-padded.
 */
export function encodeSequence(
  text: string,
  vocab: number,
  steps: number | null,
  vocabulary: readonly string[] | null,
): Encoded {
  const unknown: string[] = [];
  const indices: number[] = [];
  if (vocabulary) {
    const index = new Map<string, number>();
    vocabulary.forEach((ch, i) => {
      if (i < vocab && !index.has(ch)) index.set(ch, i);
    });
    const tokens = isCharacterVocabulary(vocabulary) ? Array.from(text) : text.split(/\s+/).filter(Boolean);
    for (const ch of tokens) {
      const i = index.get(ch);
      if (i === undefined) {
        if (!unknown.includes(ch)) unknown.push(ch);
        indices.push(-1);
      } else indices.push(i);
    }
  } else {
    for (const token of text.split(/[\s,]+/).filter(Boolean)) {
      const i = Number(token);
      if (!Number.isInteger(i) || i < 0 || i >= vocab) {
        if (!unknown.includes(token)) unknown.push(token);
        indices.push(-1);
      } else indices.push(i);
    }
  }
  const rows = steps ?? Math.max(1, indices.length);
  const cut = Math.max(0, indices.length - rows);
  const values = new Float32Array(rows * vocab);
  indices.slice(0, rows).forEach((i, r) => {
    if (i >= 0) values[r * vocab + i] = 1;
  });
  return { values, shape: [1, rows, vocab], unknown, cut };
}

/** The index of the 1 in each row of a one-hot [1, steps, vocab] input (−1 for an all-zero row). */
export function decodeOneHot(values: ArrayLike<number>, vocab: number): number[] {
  const rows = Math.floor(values.length / vocab);
  const out: number[] = [];
  for (let r = 0; r < rows; r++) {
    let best = -1;
    let top = 0;
    for (let v = 0; v < vocab; v++) {
      const x = values[r * vocab + v]!;
      if (x > top) [best, top] = [v, x];
    }
    out.push(best);
  }
  return out;
}

/** Row indices back to text: characters with a vocabulary, else space-separated indices; trailing empty rows dropped. */
export function indicesToText(indices: readonly number[], vocabulary: readonly string[] | null): string {
  let end = indices.length;
  while (end > 0 && indices[end - 1]! < 0) end--;
  const kept = indices.slice(0, end);
  if (vocabulary)
    return kept
      .map((i) => (i >= 0 ? (vocabulary[i] ?? '') : ''))
      .join(isCharacterVocabulary(vocabulary) ? '' : ' ');
  return kept.map((i) => (i >= 0 ? String(i) : '_')).join(' ');
}

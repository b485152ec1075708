// Token ids for a text model's integer input and back (pure): with the pack's vocabulary (index → token) the reader
// types words, else the ids themselves ("2 7 62 3"); words without an id, and entries that are not ids, are named.

export interface TokenIds {
  ids: number[];
  /** Words with no id in the vocabulary (each once, in order). */
  unknown: string[];
  /** Entries that are not whole numbers ≥ 0 (typing ids without a vocabulary; each once, in order). */
  bad: string[];
}

/** Encodes typed text: space-separated words through `vocabulary` (exact, then lower case), else ids. */
export function encodeTokenIds(text: string, vocabulary: readonly string[] | null): TokenIds {
  const ids: number[] = [];
  const unknown: string[] = [];
  const bad: string[] = [];
  const once = (list: string[], item: string) => {
    if (!list.includes(item)) list.push(item);
  };
  if (vocabulary) {
    const index = new Map<string, number>();
    vocabulary.forEach((token, i) => {
      if (!index.has(token)) index.set(token, i);
    });
    for (const word of text.split(/\s+/).filter(Boolean)) {
      const id = index.get(word) ?? index.get(word.toLowerCase());
      if (id === undefined) once(unknown, word);
      else ids.push(id);
    }
  } else
    for (const entry of text.split(/[\s,]+/).filter(Boolean)) {
      const id = Number(entry);
      if (/^\d+$/.test(entry) && Number.isSafeInteger(id)) ids.push(id);
      else once(bad, entry);
    }
  return { ids, unknown, bad };
}

/** Ids back to text: tokens of the vocabulary (an id beyond it stays a number), else the ids, space-separated. */
export function tokenIdsToText(ids: ArrayLike<number>, vocabulary: readonly string[] | null): string {
  return Array.from(ids, (id) => (vocabulary ? (vocabulary[id] ?? String(id)) : String(id))).join(' ');
}

/** The reader's token ids as the model's input, or null while something typed is not a token (or the length is off). */
export function tokenIdsTensor(
  text: string,
  vocabulary: readonly string[] | null,
  length: number | null,
): { shape: number[]; values: Float32Array } | null {
  const { ids, unknown, bad } = encodeTokenIds(text, vocabulary);
  if (ids.length === 0 || unknown.length > 0 || bad.length > 0) return null;
  if (length !== null && ids.length !== length) return null;
  return { shape: [1, ids.length], values: Float32Array.from(ids) };
}

// Approximate substring search for text-quote fallback, from approx-string-match (Myers' bit-parallel algorithm, the
// library Hypothesis anchors with): the fewest-edit places a pattern occurs, overlapping ones merged to one each.
import search from 'approx-string-match';

export interface ApproxMatch {
  start: number;
  end: number;
  errors: number;
}

/**
 * The non-overlapping best matches of `pattern` in `text` with at most `maxErrors` edits (insertions, deletions,
 * substitutions), ordered by position. An alignment with as many errors as the pattern has characters may be
 * empty and means nothing, so the budget stays below the pattern's length.
 */
export function findApproximate(text: string, pattern: string, maxErrors: number): ApproxMatch[] {
  if (pattern.length === 0) return [];
  const budget = Math.min(pattern.length - 1, Math.max(0, Math.floor(maxErrors)));
  const matches = search(text, pattern, budget)
    .map((m) => ({ ...bestStart(text, pattern, m.end, budget), end: m.end }))
    .filter((m) => m.end > m.start && m.errors <= budget)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  return mergeOverlapping(matches);
}

/**
 * The start that gives the fewest edits for a match ending at `end` (the shortest span among equals). The library
 * finds ends and their error counts exactly, but may report a start whose span needs more edits than it says
 * (e.g. 'ccb' in 'ccacbb'); a reverse edit-distance pass over the last m + k characters fixes that.
 */
function bestStart(text: string, pattern: string, end: number, budget: number): Omit<ApproxMatch, 'end'> {
  const m = pattern.length;
  const low = Math.max(0, end - m - budget);
  const width = end - low;
  if (width === 0) return { start: end, errors: m };
  // previous[j]: edits between the last i pattern characters and the last j text characters before `end`.
  let previous = Int32Array.from({ length: width + 1 }, (_, j) => j);
  let current = new Int32Array(width + 1);
  for (let i = 1; i <= m; i++) {
    current[0] = i;
    const patternChar = pattern.charCodeAt(m - i);
    for (let j = 1; j <= width; j++) {
      const substitution = (previous[j - 1] as number) + (text.charCodeAt(end - j) === patternChar ? 0 : 1);
      current[j] = Math.min(substitution, (previous[j] as number) + 1, (current[j - 1] as number) + 1);
    }
    [previous, current] = [current, previous];
  }
  let length = 1;
  for (let j = 2; j <= width; j++) if ((previous[j] as number) < (previous[length] as number)) length = j;
  return { start: end - length, errors: previous[length] as number };
}

/**
 * Keeps the best (fewest errors, then shortest) of each cluster of overlapping matches: one place in the text found
 * through several neighbouring end positions is one candidate, so it cannot tie with itself and become an orphan.
 */
function mergeOverlapping(matches: ApproxMatch[]): ApproxMatch[] {
  const result: ApproxMatch[] = [];
  for (const match of matches) {
    const last = result[result.length - 1];
    if (last && match.start < last.end) {
      const better =
        match.errors < last.errors ||
        (match.errors === last.errors && match.end - match.start < last.end - last.start);
      if (better) result[result.length - 1] = { start: match.start, end: match.end, errors: match.errors };
    } else result.push({ start: match.start, end: match.end, errors: match.errors });
  }
  return result;
}

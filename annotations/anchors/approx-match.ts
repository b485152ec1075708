// Approximate substring search (Sellers' edit-distance DP with Ukkonen's cut-off): every place in a text where a
// pattern occurs with at most k edits, in O(k·n) typical time. Used only as a fallback for text quotes.

export interface ApproxMatch {
  start: number;
  end: number;
  errors: number;
}

/**
 * Every non-overlapping best match of `pattern` in `text` with at most `maxErrors` edits (insertions, deletions,
 * substitutions), best first within each overlapping cluster, ordered by position.
 */
export function findApproximate(text: string, pattern: string, maxErrors: number): ApproxMatch[] {
  const m = pattern.length;
  // An alignment with m errors may be empty; such matches mean nothing, so k stays below m.
  const k = Math.min(m - 1, Math.max(0, Math.floor(maxErrors)));
  if (m === 0) return [];
  const big = k + 1;
  let previous = new Int32Array(m + 1);
  let previousStart = new Int32Array(m + 1);
  let current = new Int32Array(m + 1);
  let currentStart = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) previous[i] = i <= k ? i : big;
  let lastActive = Math.min(k, m);

  const raw: ApproxMatch[] = [];
  for (let j = 1; j <= text.length; j++) {
    current[0] = 0;
    currentStart[0] = j;
    const limit = Math.min(m, lastActive + 1);
    const textChar = text.charCodeAt(j - 1);
    for (let i = 1; i <= limit; i++) {
      let cost = (previous[i - 1] as number) + (pattern.charCodeAt(i - 1) === textChar ? 0 : 1);
      let start = previousStart[i - 1] as number;
      const fromDeletion = (current[i - 1] as number) + 1; // pattern char not in text
      if (fromDeletion < cost) {
        cost = fromDeletion;
        start = currentStart[i - 1] as number;
      }
      const fromInsertion = (previous[i] as number) + 1; // extra text char
      if (fromInsertion < cost) {
        cost = fromInsertion;
        start = previousStart[i] as number;
      }
      current[i] = cost > big ? big : cost;
      currentStart[i] = start;
    }
    if (limit < m) current[limit + 1] = big;
    lastActive = limit;
    while (lastActive > 0 && (current[lastActive] as number) > k) lastActive--;
    if (lastActive === m)
      raw.push({ start: currentStart[m] as number, end: j, errors: current[m] as number });
    [previous, current] = [current, previous];
    [previousStart, currentStart] = [currentStart, previousStart];
  }
  return mergeOverlapping(raw);
}

/** Keeps the best (fewest errors, then shortest) of each cluster of overlapping matches. */
function mergeOverlapping(matches: ApproxMatch[]): ApproxMatch[] {
  const result: ApproxMatch[] = [];
  for (const match of matches) {
    const last = result[result.length - 1];
    if (last && match.start < last.end) {
      const better =
        match.errors < last.errors ||
        (match.errors === last.errors && match.end - match.start < last.end - last.start);
      if (better) result[result.length - 1] = match;
    } else result.push(match);
  }
  return result;
}

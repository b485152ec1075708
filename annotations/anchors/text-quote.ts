// Matching a W3C TextQuoteSelector in plain text, strictly: exact matches first, prefix/suffix to tell repeats
// apart, a bounded fuzzy fallback only for long quotes, and any tie is an orphan — never a guess.
import { findApproximate } from './approx-match';

/** Quotes shorter than this are matched exactly or not at all (short quotes mis-match: "Linus" → "chines"). */
export const FUZZY_MIN_LENGTH = 16;
/** Fuzzy matches may differ from the quote by at most this fraction of its length (similarity ≥ 0.85). */
export const FUZZY_MAX_ERROR_RATE = 0.15;
/** Beyond this much work (text length × allowed edits) fuzzy matching is skipped and the quote is an orphan. */
export const FUZZY_MAX_WORK = 50_000_000;

export interface QuoteSpec {
  exact: string;
  prefix?: string;
  suffix?: string;
}

export type QuoteMatch =
  | {
      status: 'resolved';
      start: number;
      end: number;
      confidence: number;
      match: 'exact' | 'fuzzy';
      errors: number;
    }
  | { status: 'orphan'; reason: string };

/** Fraction (0–1) of the given prefix/suffix that agrees with the text around [start, end); 1 when none given. */
export function contextScore(text: string, start: number, end: number, quote: QuoteSpec): number {
  const prefix = quote.prefix ?? '';
  const suffix = quote.suffix ?? '';
  if (prefix.length + suffix.length === 0) return 1;
  let agree = 0;
  for (let i = 1; i <= prefix.length && text[start - i] === prefix[prefix.length - i]; i++) agree++;
  for (let i = 0; i < suffix.length && text[end + i] === suffix[i]; i++) agree++;
  return agree / (prefix.length + suffix.length);
}

const preview = (s: string): string => (s.length > 40 ? `${s.slice(0, 37)}…` : s);

function exactOccurrences(text: string, exact: string, limit = 10_000): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(exact); at >= 0 && found.length < limit; at = text.indexOf(exact, at + 1))
    found.push(at);
  return found;
}

interface Candidate {
  start: number;
  end: number;
  errors: number;
  context: number;
}

/** The single best candidate, or an orphan reason when the best two cannot be told apart. */
function pickBest(
  candidates: Candidate[],
  positionHint: number | undefined,
  what: string,
): Candidate | string {
  const ranked = [...candidates].sort((a, b) => a.errors - b.errors || b.context - a.context);
  const [best, second] = ranked;
  if (!best) return `${what} not found`;
  if (!second || best.errors < second.errors || best.context > second.context) return best;
  const tied = ranked.filter((c) => c.errors === best.errors && c.context === best.context);
  const hinted = tied.filter((c) => c.start === positionHint);
  if (hinted.length === 1 && hinted[0]) return hinted[0];
  return `${what} is ambiguous: ${tied.length} equally good matches (at ${tied
    .slice(0, 3)
    .map((c) => c.start)
    .join(', ')}${tied.length > 3 ? ', …' : ''}); add a prefix or suffix that tells them apart`;
}

/**
 * Finds `quote` in `text`. `positionHint` (a TextPositionSelector's start) only breaks exact ties; it never
 * makes a match by itself.
 */
export function matchTextQuote(text: string, quote: QuoteSpec, positionHint?: number): QuoteMatch {
  const { exact } = quote;
  const what = `quote '${preview(exact)}'`;
  if (exact.length === 0) return { status: 'orphan', reason: 'empty quote' };

  const exactCandidates = exactOccurrences(text, exact).map((start) => ({
    start,
    end: start + exact.length,
    errors: 0,
    context: contextScore(text, start, start + exact.length, quote),
  }));
  if (exactCandidates.length > 0) {
    const best = pickBest(exactCandidates, positionHint, what);
    if (typeof best === 'string') return { status: 'orphan', reason: best };
    const unique = exactCandidates.length === 1;
    const confidence = unique ? 0.9 + 0.1 * best.context : 0.75 + 0.2 * best.context;
    return { status: 'resolved', start: best.start, end: best.end, confidence, match: 'exact', errors: 0 };
  }

  if (exact.length < FUZZY_MIN_LENGTH)
    return {
      status: 'orphan',
      reason: `${what} not found (quotes under ${FUZZY_MIN_LENGTH} characters must match exactly)`,
    };
  const maxErrors = Math.floor(exact.length * FUZZY_MAX_ERROR_RATE);
  if (text.length * (maxErrors + 1) > FUZZY_MAX_WORK)
    return {
      status: 'orphan',
      reason: `${what} not found exactly, and the text is too long to search approximately`,
    };
  const fuzzy = findApproximate(text, exact, maxErrors).map((m) => ({
    ...m,
    context: contextScore(text, m.start, m.end, quote),
  }));
  if (fuzzy.length === 0)
    return { status: 'orphan', reason: `${what} not found, not even with up to ${maxErrors} edits` };
  const best = pickBest(fuzzy, undefined, what);
  if (typeof best === 'string') return { status: 'orphan', reason: best };
  const similarity = 1 - best.errors / exact.length;
  return {
    status: 'resolved',
    start: best.start,
    end: best.end,
    confidence: Math.round(similarity * (0.6 + 0.3 * best.context) * 1000) / 1000,
    match: 'fuzzy',
    errors: best.errors,
  };
}

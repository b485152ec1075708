// URL patterns for the pages (and model files) a pack targets: a small glob syntax, matched by a pure function,
// close to browser match patterns so annotators find it familiar. FORMAT.md "URL patterns" is the reference.
// The path glob is matched without regular expressions, in time linear in the URL and pattern: a pack from
// anyone must not be able to stall the background (a `.*` regex backtracks exponentially in the number of `*`).

import { LIMITS } from '../format/limits';

/**
 * `SCHEME://HOST[:PORT]/PATH`
 * - SCHEME: `http`, `https`, or `*` (either).
 * - HOST: a host name, `*.example.com` (example.com and any subdomain), or `*` (any host). Case-insensitive.
 * - PORT: optional; a number, or `*`. Left out, any port matches.
 * - PATH: starts with `/`; `*` matches any run of characters (also `/`, `?`, `=`); everything else is literal
 *   and case-sensitive. The path is matched against the URL's path plus query; the #fragment is ignored.
 * At most LIMITS.urlPatternStars (16) `*` in the whole pattern (the leading look-ahead; it cannot backtrack:
 * `[^*]` and `\*` never match the same character).
 */
export const URL_PATTERN_SYNTAX =
  /^(?!(?:[^*]*\*){17})(\*|https?):\/\/(\*|(?:\*\.)?[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::(\d{1,5}|\*))?(\/\S*)$/;

export interface ParsedUrlPattern {
  schemes: string[];
  host: { any: true } | { any: false; name: string; subdomains: boolean };
  port: string | null;
  /** The path split at each `*`: literal pieces, in order (one piece: no `*`, the path must equal it). */
  path: string[];
}

/** Counts the character comparisons of a match (tests use it to prove the matcher linear). */
export interface GlobMeter {
  steps: number;
}

export function parseUrlPattern(pattern: string): ParsedUrlPattern | undefined {
  if (pattern.length > LIMITS.urlPatternLength) return undefined;
  const match = URL_PATTERN_SYNTAX.exec(pattern);
  if (!match) return undefined;
  const [, scheme = '', host = '', port, path = '/'] = match;
  const schemes = scheme === '*' ? ['http:', 'https:'] : [`${scheme.toLowerCase()}:`];
  const parsedHost: ParsedUrlPattern['host'] =
    host === '*'
      ? { any: true }
      : host.startsWith('*.')
        ? { any: false, name: host.slice(2).toLowerCase(), subdomains: true }
        : { any: false, name: host.toLowerCase(), subdomains: false };
  return { schemes, host: parsedHost, port: port ?? null, path: path.split('*') };
}

/** KMP failure table of `piece` (length ≥ 1). */
function failureTable(piece: string, meter: GlobMeter): Int32Array {
  const table = new Int32Array(piece.length);
  let k = 0;
  for (let i = 1; i < piece.length; i++) {
    while (k > 0 && piece[i] !== piece[k]) {
      k = table[k - 1] ?? 0;
      meter.steps++;
    }
    meter.steps++;
    if (piece[i] === piece[k]) k++;
    table[i] = k;
  }
  return table;
}

/** First index ≥ from where `piece` occurs in text[from, end), or -1 (Knuth–Morris–Pratt: no backtracking). */
function indexOfLinear(text: string, piece: string, from: number, end: number, meter: GlobMeter): number {
  const table = failureTable(piece, meter);
  let k = 0;
  for (let i = from; i < end; i++) {
    while (k > 0 && text[i] !== piece[k]) {
      k = table[k - 1] ?? 0;
      meter.steps++;
    }
    meter.steps++;
    if (text[i] === piece[k]) k++;
    if (k === piece.length) return i - piece.length + 1;
  }
  return -1;
}

/**
 * True when `text` is matched by the glob whose literal pieces (split at `*`) are `pieces`. The first piece is a
 * prefix, the last a suffix, and each middle piece is taken at its leftmost place after the one before — which is
 * always right for `*`-only globs — so the whole match reads the text about once: O(text + pattern).
 */
export function matchGlob(pieces: readonly string[], text: string, meter: GlobMeter = { steps: 0 }): boolean {
  const first = pieces[0] ?? '';
  if (pieces.length === 1) {
    meter.steps += Math.min(text.length, first.length) + 1;
    return text === first;
  }
  const last = pieces[pieces.length - 1] ?? '';
  meter.steps += first.length + last.length + 1;
  if (text.length < first.length + last.length || !text.startsWith(first) || !text.endsWith(last))
    return false;
  let pos = first.length;
  const end = text.length - last.length;
  for (let i = 1; i < pieces.length - 1; i++) {
    const piece = pieces[i] ?? '';
    meter.steps++;
    if (piece === '') continue;
    const at = indexOfLinear(text, piece, pos, end, meter);
    if (at < 0) return false;
    pos = at + piece.length;
  }
  return true;
}

function defaultPort(protocol: string): string {
  return protocol === 'https:' ? '443' : protocol === 'http:' ? '80' : '';
}

/** True when `url` is matched by `pattern`; false for malformed patterns or URLs. */
export function matchUrlPattern(pattern: string, url: string, meter?: GlobMeter): boolean {
  const parsed = parseUrlPattern(pattern);
  if (!parsed) return false;
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return false;
  }
  if (!parsed.schemes.includes(target.protocol)) return false;
  const hostname = target.hostname.toLowerCase();
  if (!parsed.host.any) {
    const { name, subdomains } = parsed.host;
    if (!(hostname === name || (subdomains && hostname.endsWith(`.${name}`)))) return false;
  }
  if (parsed.port !== null && parsed.port !== '*') {
    const port = target.port || defaultPort(target.protocol);
    if (port !== parsed.port) return false;
  }
  return matchGlob(parsed.path, target.pathname + target.search, meter);
}

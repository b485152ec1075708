// Share links: `<demo URL>#literate=<pack URL>[&step=N]` and `#literate-inline=<data>[&step=N]`. Pure parsing and
// building, used by the background (which trusts nothing a page's fragment says), the popup and the overlay.

export const MAX_PACK_URL_LENGTH = 2048;
export const MAX_STEP = 500;

export type ShareRequest =
  { kind: 'url'; url: string; step: number | null } | { kind: 'inline'; data: string; step: number | null };

export type FragmentParse = { kind: 'none' } | { kind: 'error'; reason: string } | ShareRequest;

/** Checks a pack URL from a link: http(s), no credentials, bounded length. Returns a reason when refused. */
export function packUrlProblem(url: string): string | null {
  if (url.length > MAX_PACK_URL_LENGTH)
    return `the pack URL is longer than ${MAX_PACK_URL_LENGTH} characters`;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `“${url.slice(0, 100)}” is not a URL`;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    return `packs load over http or https only, not ${parsed.protocol}`;
  if (parsed.username || parsed.password) return 'the pack URL must not contain a user name or password';
  return null;
}

/**
 * Reads our parameters from a URL fragment (with or without the leading '#'). `step=N` counts from 1 and is
 * returned 0-based. Fragments without `literate` parameters are the page's own: `{kind: 'none'}`.
 */
export function parseShareFragment(fragment: string): FragmentParse {
  const text = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  const params = new Map<string, string>();
  for (const part of text.split('&')) {
    const eq = part.indexOf('=');
    const name = eq < 0 ? part : part.slice(0, eq);
    if (name === 'literate' || name === 'literate-inline' || name === 'step') {
      if (params.has(name)) return { kind: 'error', reason: `the link gives “${name}” twice` };
      params.set(name, eq < 0 ? '' : part.slice(eq + 1));
    }
  }
  const url = params.get('literate');
  const inline = params.get('literate-inline');
  if (url === undefined && inline === undefined) return { kind: 'none' };
  if (url !== undefined && inline !== undefined)
    return { kind: 'error', reason: 'the link names two packs (both literate and literate-inline)' };
  let step: number | null = null;
  const rawStep = params.get('step');
  if (rawStep !== undefined) {
    if (!/^\d{1,3}$/.test(rawStep) || Number(rawStep) < 1 || Number(rawStep) > MAX_STEP)
      return { kind: 'error', reason: `step=${rawStep.slice(0, 20)} is not a step number (1, 2, 3 …)` };
    step = Number(rawStep) - 1;
  }
  if (inline !== undefined) return { kind: 'inline', data: inline, step };
  let decoded: string;
  try {
    decoded = decodeURIComponent(url ?? '');
  } catch {
    return { kind: 'error', reason: 'the pack URL in the link is not correctly encoded' };
  }
  if (decoded === '') return { kind: 'error', reason: 'the link names no pack URL' };
  const problem = packUrlProblem(decoded);
  return problem ? { kind: 'error', reason: problem } : { kind: 'url', url: decoded, step };
}

/**
 * Builds a share link for a demo page: the page URL without its fragment, then our parameters. `step` is 0-based
 * (the link counts from 1). For an inline pack, pass the encoded data from `encodeInlinePack`.
 */
export function buildShareLink(
  pageUrl: string,
  pack: { url: string } | { inline: string },
  step: number | null = null,
): string {
  const page = new URL(pageUrl);
  page.hash = '';
  const base = page.href.replace(/#$/, '');
  const what = 'url' in pack ? `literate=${encodeURIComponent(pack.url)}` : `literate-inline=${pack.inline}`;
  return `${base}#${what}${step !== null && step >= 0 ? `&step=${step + 1}` : ''}`;
}

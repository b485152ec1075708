// URL patterns for the pages (and model files) a pack targets: a small glob syntax, matched by a pure function,
// close to browser match patterns so annotators find it familiar. FORMAT.md "URL patterns" is the reference.

/**
 * `SCHEME://HOST[:PORT]/PATH`
 * - SCHEME: `http`, `https`, or `*` (either).
 * - HOST: a host name, `*.example.com` (example.com and any subdomain), or `*` (any host). Case-insensitive.
 * - PORT: optional; a number, or `*`. Left out, any port matches.
 * - PATH: starts with `/`; `*` matches any run of characters (also `/`, `?`, `=`); everything else is literal
 *   and case-sensitive. The path is matched against the URL's path plus query; the #fragment is ignored.
 */
export const URL_PATTERN_SYNTAX =
  /^(\*|https?):\/\/(\*|(?:\*\.)?[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::(\d{1,5}|\*))?(\/\S*)$/;

export interface ParsedUrlPattern {
  schemes: string[];
  host: { any: true } | { any: false; name: string; subdomains: boolean };
  port: string | null;
  path: RegExp;
}

export function parseUrlPattern(pattern: string): ParsedUrlPattern | undefined {
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
  const pathSource = path
    .split('*')
    .map((piece) => piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return { schemes, host: parsedHost, port: port ?? null, path: new RegExp(`^${pathSource}$`) };
}

function defaultPort(protocol: string): string {
  return protocol === 'https:' ? '443' : protocol === 'http:' ? '80' : '';
}

/** True when `url` is matched by `pattern`; false for malformed patterns or URLs. */
export function matchUrlPattern(pattern: string, url: string): boolean {
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
  return parsed.path.test(target.pathname + target.search);
}

// Which sites Literate runs on: the demo hosts in the manifest by default, others once the reader grants them.
// Pure: match patterns, the pattern to request for a page, and what the popup should offer.

/** Tests a URL against a WebExtension match pattern (`scheme://host/path`, `*` and `*.host` wildcards, no ports). */
export function matchesPattern(pattern: string, url: string): boolean {
  if (pattern === '<all_urls>') return /^(https?|file|ftp):/.test(url);
  const m = /^(\*|https?|wss?|file|ftp):\/\/(\*|\*\.[^/*]+|[^/*]*)(\/.*)$/.exec(pattern);
  if (!m) return false;
  const [, scheme = '', host = '', path = '/'] = m;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  const protocol = u.protocol.slice(0, -1);
  if (scheme === '*' ? protocol !== 'http' && protocol !== 'https' : protocol !== scheme) return false;
  const hostname = u.hostname.toLowerCase();
  if (host !== '*') {
    if (host.startsWith('*.')) {
      const base = host.slice(2).toLowerCase();
      if (hostname !== base && !hostname.endsWith(`.${base}`)) return false;
    } else if (hostname !== host.toLowerCase()) return false;
  }
  const re = new RegExp(
    `^${path
      .split('*')
      .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
  return re.test(u.pathname + u.search);
}

/** The match pattern to request for a page's site: its scheme and host, any port and path. */
export function sitePatternFor(url: string): string | null {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return `${u.protocol}//${u.hostname}/*`;
  } catch {
    return null;
  }
}

export type SiteAccess =
  | { kind: 'unsupported' }
  | { kind: 'default' }
  | { kind: 'granted'; pattern: string }
  | { kind: 'off'; pattern: string };

/**
 * `default`: a demo host of the manifest, and its permission is granted. `granted`: the reader enabled the site.
 * `off`: the popup offers "Enable Literate on this site" (also for a demo host whose permission the reader revoked,
 * as Firefox allows). `unsupported`: not an http(s) page (browser pages, the extension store, files).
 * `granted` is every origin the browser reports as granted (permissions.getAll()), defaults included.
 */
export function siteAccessOf(
  url: string | null | undefined,
  defaults: readonly string[],
  granted: readonly string[],
): SiteAccess {
  if (!url) return { kind: 'unsupported' };
  const pattern = sitePatternFor(url);
  if (!pattern) return { kind: 'unsupported' };
  const grant = granted.find((p) => matchesPattern(p, url));
  const demoHost = defaults.find((p) => matchesPattern(p, url));
  if (demoHost && grant) return { kind: 'default' };
  if (grant) return { kind: 'granted', pattern: grant };
  return { kind: 'off', pattern: demoHost ?? pattern };
}

/** `scheme://host` of a match pattern (its path dropped), or null. */
function patternHost(pattern: string): string | null {
  const m = /^([^:]+):\/\/([^/]*)\//.exec(pattern);
  return m ? `${m[1]}://${m[2]!.toLowerCase()}` : null;
}

/**
 * The reader-granted origins: granted host permissions minus the manifest's defaults and broad wildcards. Browsers
 * report host permissions per host (Chrome turns `https://storage.googleapis.com/tfjs-models/*` into
 * `https://storage.googleapis.com/*`), so a grant on a default's host is that default, never a whole-host grant.
 */
export function grantedSiteOrigins(
  permissionOrigins: readonly string[],
  defaults: readonly string[],
): string[] {
  const defaultHosts = new Set(defaults.map(patternHost));
  return [...new Set(permissionOrigins)]
    .filter(
      (o) =>
        !defaults.includes(o) &&
        !defaultHosts.has(patternHost(o)) &&
        o !== '<all_urls>' &&
        !/^\*?:\/\/\*\//.test(o) &&
        !/^https?:\/\/\*\/\*$/.test(o),
    )
    .sort();
}

/** The manifest's default content-script match patterns. */
export function defaultMatches(manifest: { content_scripts?: { matches?: string[] }[] }): string[] {
  return [...new Set((manifest.content_scripts ?? []).flatMap((c) => c.matches ?? []))];
}

// tf.js's version on a bundled page, where there is no global `tf` for the hook to ask: read from the page's own
// scripts — the URL of an ES module from a CDN names it (…/tfjs-core@4.22.0/…), and a bundle keeps tfjs-core's
// `version_core` export as a literal. Only when the reader opens a model whose version the hook could not tell;
// same-origin scripts only, from the HTTP cache where they are; once per page.

/** The version a script URL names (`@tensorflow/tfjs@4.22.0`, `tfjs-core@4.22.0`), or null. */
export function versionInUrl(url: string): string | null {
  const m = /(?:@tensorflow\/|\/)tfjs(?:-core)?@(\d+\.\d+\.\d+(?:-[\w.]+)?)(?:[/?#]|$)/.exec(url);
  return m ? m[1]! : null;
}

/** The version a bundle's text holds for tfjs-core's `version_core` export (webpack 4 and 5, plain), or null. */
export function versionInScript(text: string): string | null {
  const m =
    /\bversion_core["']?\s*(?::|=|,)\s*\(?\s*(?:\(\)\s*=>\s*|function\s*\(\)\s*\{\s*return\s*)?["'](\d+\.\d+\.\d+(?:-[\w.]+)?)["']/.exec(
      text,
    );
  return m ? m[1]! : null;
}

const MAX_SCRIPTS = 12;
const MAX_BYTES = 32 << 20;

/** Same-origin scripts of the page: its <script src> elements and the scripts it loaded since (chunks, modules). */
function scriptUrls(): string[] {
  const urls = new Set<string>();
  for (const s of document.scripts) if (s.src) urls.add(s.src);
  try {
    for (const e of performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      if (e.initiatorType === 'script' || /\.m?js(?:[?#]|$)/.test(e.name)) urls.add(e.name);
  } catch {
    // No resource timing: the script elements alone.
  }
  return [...urls];
}

/**
 * The first answer `inUrl` gives for a script URL of the page, else `inText` for the text of one of its same-origin
 * scripts (from the HTTP cache where they are; a few, and a bounded number of bytes).
 */
export async function scanPageScripts(
  inUrl: (url: string) => string | null,
  inText: (text: string) => string | null,
): Promise<string | null> {
  const urls = scriptUrls();
  for (const url of urls) {
    const v = inUrl(url);
    if (v) return v;
  }
  let bytes = 0;
  const own = urls.filter((u) => {
    try {
      return new URL(u).origin === location.origin;
    } catch {
      return false;
    }
  });
  for (const url of own.slice(0, MAX_SCRIPTS)) {
    try {
      const response = await fetch(url, { cache: 'force-cache', credentials: 'same-origin' });
      if (!response.ok) continue;
      const text = await response.text();
      bytes += text.length;
      const v = inText(text);
      if (v) return v;
    } catch {
      // Unreadable: try the next one.
    }
    if (bytes > MAX_BYTES) break;
  }
  return null;
}

let found: Promise<string | null> | null = null;

export function bundledTfVersion(): Promise<string | null> {
  found ??= scanPageScripts(versionInUrl, versionInScript);
  return found;
}

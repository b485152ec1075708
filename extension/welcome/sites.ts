// The sites Literate runs on from the start, as a reader reads them: a manifest match pattern without its scheme
// and wildcard (`https://storage.googleapis.com/tfjs-models/*` → `storage.googleapis.com/tfjs-models/`).

export function siteLabel(pattern: string): string {
  const match = /^(\*|https?):\/\/([^/]+)(\/.*)?$/.exec(pattern);
  if (!match) return pattern;
  const path = (match[3] ?? '/').replace(/\*$/, '');
  return path === '/' ? match[2]! : `${match[2]}${path}`;
}

/** Labels of the default match patterns, each once, in the manifest's order. */
export function siteLabels(patterns: readonly string[]): string[] {
  return [...new Set(patterns.map(siteLabel))];
}

// How a model is named in the panel: its own name, or for a graph model's bare file name, the folder it came from.

/** A readable title: a graph model's file name says little ('model.json'), its folder usually more. */
export function displayName(name: string, sourceUrl: string | null): string {
  if (!/\.json$/i.test(name) || !sourceUrl) return name;
  try {
    const parts = new URL(sourceUrl).pathname.split('/').filter(Boolean);
    return parts.length >= 2 ? decodeURIComponent(parts[parts.length - 2]!) : name;
  } catch {
    return name;
  }
}

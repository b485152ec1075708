// The overlay's per-site preferences (launcher place, panel side and width) in browser.storage.local, keyed by
// origin so that each site remembers its own layout. Malformed stored values are ignored.

import browser from '../../../extension/browser';
import { parsePosition, type LauncherPosition } from '../launcher/position';
import { parsePanelPrefs, type PanelPrefs } from '../panel/placement';

export interface SitePrefs {
  launcher?: LauncherPosition;
  panel?: PanelPrefs;
}

export function prefsKey(origin: string): string {
  return `overlay.site:${origin}`;
}

export function parseSitePrefs(v: unknown): SitePrefs {
  if (typeof v !== 'object' || v === null) return {};
  const o = v as Record<string, unknown>;
  const prefs: SitePrefs = {};
  const launcher = parsePosition(o.launcher);
  if (launcher) prefs.launcher = launcher;
  const panel = parsePanelPrefs(o.panel);
  if (panel) prefs.panel = panel;
  return prefs;
}

export async function loadSitePrefs(origin = location.origin): Promise<SitePrefs> {
  try {
    const key = prefsKey(origin);
    const stored = await browser.storage.local.get(key);
    return parseSitePrefs(stored[key]);
  } catch {
    return {};
  }
}

/** Merges `patch` into what is stored for this origin. */
export async function saveSitePrefs(patch: SitePrefs, origin = location.origin): Promise<void> {
  try {
    const key = prefsKey(origin);
    const current = parseSitePrefs((await browser.storage.local.get(key))[key]);
    await browser.storage.local.set({ [key]: { ...current, ...patch } });
  } catch {
    // Storage can be unavailable (extension reloaded under the page); the layout is then just not remembered.
  }
}

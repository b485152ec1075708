// The overlay's per-site preferences (launcher place, panel side and width), kept by the background in
// storage.local keyed by the frame's origin (the background takes the origin from the sender, not from us), so that
// each site remembers its own layout. Malformed stored values are ignored.

import browser from '../../../extension/browser';
import type { PrefsRequest } from '../../../protocol/prefs-messages';
import { parsePosition, type LauncherPosition } from '../launcher/position';
import { parsePanelPrefs, type PanelPrefs } from '../panel/placement';

export interface SitePrefs {
  launcher?: LauncherPosition;
  panel?: PanelPrefs;
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

export async function loadSitePrefs(): Promise<SitePrefs> {
  try {
    const request: PrefsRequest = { type: 'site-prefs-get' };
    return parseSitePrefs(await browser.runtime.sendMessage(request));
  } catch {
    return {};
  }
}

/** Merges `patch` into what is stored for this frame's origin. */
export async function saveSitePrefs(patch: SitePrefs): Promise<void> {
  try {
    const request: PrefsRequest = { type: 'site-prefs-set', patch: { ...patch } };
    await browser.runtime.sendMessage(request);
  } catch {
    // The background can be unavailable (extension reloaded under the page); the layout is then just not remembered.
  }
}

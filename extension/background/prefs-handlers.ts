// Settings and per-site overlay layouts on behalf of content scripts, which may not touch storage.local (closed to
// them here: they run in renderers a page may have compromised, and storage.local holds the trust lists).

import { sitePrefsKey, type PrefsRequest } from '../../protocol/prefs-messages';
import { applySettingsPatch, normalizeSettings, type Settings } from '../settings/settings';

/** settings-store.ts's key (not imported: that module loads the browser API, and this one is pure). */
const SETTINGS_KEY = 'settings';

export interface PrefsArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** Answers a content script's settings or layout request; `origin` is the sender frame's own origin. */
export async function handlePrefsRequest(
  request: PrefsRequest,
  origin: string | null,
  area: PrefsArea,
): Promise<unknown> {
  switch (request.type) {
    case 'settings-get':
      return normalizeSettings((await area.get(SETTINGS_KEY))[SETTINGS_KEY]);
    case 'settings-set': {
      const current = normalizeSettings((await area.get(SETTINGS_KEY))[SETTINGS_KEY]);
      const next = applySettingsPatch(current, request.patch as Partial<Settings>);
      await area.set({ [SETTINGS_KEY]: next });
      return next;
    }
    case 'site-prefs-get': {
      if (!origin) return {};
      const key = sitePrefsKey(origin);
      return (await area.get(key))[key] ?? {};
    }
    case 'site-prefs-set': {
      if (!origin) return { ok: false };
      const key = sitePrefsKey(origin);
      const stored = (await area.get(key))[key];
      const current = typeof stored === 'object' && stored !== null ? stored : {};
      await area.set({ [key]: { ...current, ...request.patch } });
      return { ok: true };
    }
  }
}

/** The origin of a sender's frame URL, or null for opaque ones (about:blank, data:, sandboxed). */
export function senderOrigin(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

interface AccessLevelArea {
  setAccessLevel?(options: { accessLevel: 'TRUSTED_CONTEXTS' }): Promise<void>;
}

/**
 * Closes storage.local to content scripts (Chrome opens it to them by default; storage.session is closed by
 * default). Firefox has no setAccessLevel: there, content scripts keep their storage access.
 */
export async function closeStorageToContentScripts(local: unknown): Promise<boolean> {
  const area = local as AccessLevelArea;
  if (typeof area.setAccessLevel !== 'function') return false;
  await area.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
  return true;
}

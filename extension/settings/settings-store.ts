// Reads, writes and watches the reader's settings in storage.local (key `settings`); used by options, the
// background (update interval) and, through the relay's PacksApi, the overlay.

import browser from '../browser';
import { applySettingsPatch, normalizeSettings, type Settings } from './settings';

export const SETTINGS_KEY = 'settings';

export async function readSettings(): Promise<Settings> {
  const items = await browser.storage.local.get(SETTINGS_KEY);
  return normalizeSettings(items[SETTINGS_KEY]);
}

export async function writeSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = applySettingsPatch(await readSettings(), patch);
  await browser.storage.local.set({ [SETTINGS_KEY]: next });
  return next;
}

/** Calls `listener` with the new settings whenever they change, until `signal` aborts. */
export function watchSettings(listener: (settings: Settings) => void, signal: AbortSignal): void {
  if (signal.aborted) return;
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const change = changes[SETTINGS_KEY];
    if (area === 'local' && change) listener(normalizeSettings(change.newValue));
  };
  browser.storage.onChanged.addListener(onChanged);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(onChanged), { once: true });
}

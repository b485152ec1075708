// The reader's settings as content scripts see them: read, written and watched through the background, since
// storage.local is open to extension pages and the background only (see protocol/prefs-messages.ts).

import browser from '../browser';
import { parseSettingsChanged, type PrefsRequest } from '../../protocol/prefs-messages';
import { normalizeSettings, type Settings } from './settings';

function ask(request: PrefsRequest): Promise<unknown> {
  return browser.runtime.sendMessage(request);
}

export async function readSettingsRemote(): Promise<Settings> {
  return normalizeSettings(await ask({ type: 'settings-get' }));
}

export async function writeSettingsRemote(patch: Partial<Settings>): Promise<Settings> {
  return normalizeSettings(await ask({ type: 'settings-set', patch: { ...patch } }));
}

/** Calls `listener` with the new settings whenever the background says they changed, until `signal` aborts. */
export function watchSettingsRemote(listener: (settings: Settings) => void, signal: AbortSignal): void {
  if (signal.aborted) return;
  const onMessage = (raw: unknown) => {
    const changed = parseSettingsChanged(raw);
    if (changed) listener(normalizeSettings(changed.settings));
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(onMessage), { once: true });
}

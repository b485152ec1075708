// First run: a fresh install opens the welcome page once. Not on an update, and not again when a browser reports
// "install" for an extension it already had (Chromium does on every start for one loaded with --load-extension): a
// key in storage.local remembers the page was shown, and goes with the extension's data when it is removed.

import type { KeyValueArea } from './packs/kv';

export const WELCOME_PAGE = 'welcome.html';
export const WELCOMED_KEY = 'welcomed';

/** Opens the page (through `open`) and records it, when `details` is a first install; says whether it did. */
export async function welcomeOnFirstInstall(
  details: { reason: string },
  area: KeyValueArea,
  open: () => Promise<unknown>,
  now = Date.now(),
): Promise<boolean> {
  if (details.reason !== 'install') return false;
  if ((await area.get(WELCOMED_KEY))[WELCOMED_KEY] !== undefined) return false;
  await area.set({ [WELCOMED_KEY]: now });
  await open();
  return true;
}

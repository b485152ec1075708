// First run: a fresh install (not an update, not a browser update) opens the welcome page in a new tab.

import browser from '../browser';

export const WELCOME_PAGE = 'welcome.html';

export function isFirstInstall(details: { reason: string }): boolean {
  return details.reason === 'install';
}

export async function openWelcome(): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL(WELCOME_PAGE) });
}

// Finds the tab a popup or options view is about: `?tabId=` when given (tests, "open in tab"), else the active tab.

import browser from '../browser';

export async function targetTabId(search: string = location.search): Promise<number | null> {
  const fromQuery = new URLSearchParams(search).get('tabId');
  if (fromQuery !== null && /^\d+$/.test(fromQuery)) return Number(fromQuery);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

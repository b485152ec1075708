// Opens and closes the consent prompt: an extension page (options.html?consent=<id>) in a small window of its
// own, which no web page can script or click for the reader. Falls back to a tab where windows are unavailable.

import browser from '../browser';
import type { PromptRef } from './share-links';

export async function openConsentPrompt(id: string): Promise<PromptRef | null> {
  const url = browser.runtime.getURL(`options.html?consent=${encodeURIComponent(id)}`);
  try {
    const win = await browser.windows.create({ url, type: 'popup', width: 520, height: 700, focused: true });
    if (win.id !== undefined) return { windowId: win.id };
  } catch {
    // No windows API (Firefox for Android) or popup windows refused: use a tab.
  }
  const tab = await browser.tabs.create({ url, active: true });
  return tab.id !== undefined ? { tabId: tab.id } : null;
}

export async function closeConsentPrompt(ref: PromptRef): Promise<void> {
  if (ref.windowId !== undefined) await browser.windows.remove(ref.windowId);
  else if (ref.tabId !== undefined) await browser.tabs.remove(ref.tabId);
}

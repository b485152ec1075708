// Why: an edited copy from the overlay is stored only when the reader says so in an extension page no web page can
// script or click (options.html?confirm-edit=<id>), opened here in a small window of its own (a tab where windows
// are unavailable). Never web-accessible, so no page can frame it under the reader's pointer.

import browser from '../browser';

export async function openEditPrompt(id: string): Promise<void> {
  const url = browser.runtime.getURL(`options.html?confirm-edit=${encodeURIComponent(id)}`);
  try {
    await browser.windows.create({ url, type: 'popup', width: 560, height: 720, focused: true });
    return;
  } catch {
    // No windows API (Firefox for Android) or popup windows refused: use a tab.
  }
  await browser.tabs.create({ url, active: true });
}

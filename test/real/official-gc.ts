// Forces the page's garbage collection (CDP HeapProfiler.collectGarbage, twice: the second pass frees what the
// first one's finalizers released), so that check:official sees what a reader sees once the browser has collected
// the models a real demo lets go of.

import type { Page } from 'playwright-core';

export async function forceGc(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await page.waitForTimeout(100);
    await cdp.send('HeapProfiler.collectGarbage');
  } finally {
    await cdp.detach().catch(() => undefined);
  }
  // Let the hook's weak references and finalization callbacks report what went.
  await page.waitForTimeout(500);
}

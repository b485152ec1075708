// First run in Firefox: installing the add-on (a temporary add-on over WebDriver BiDi, runtime.onInstalled reason
// "install") opens the welcome page once, with its sections and the demo link.

import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADDON_ORIGIN, launchFirefox, type FirefoxSession } from './harness';

let session: FirefoxSession;

beforeAll(async () => {
  session = await launchFirefox();
});

afterAll(async () => {
  await session?.close();
});

/** Tabs whose document is the welcome page, found by asking each tab (BiDi does not follow moz-extension loads). */
async function welcomeTabs(): Promise<Page[]> {
  const url = `${ADDON_ORIGIN}/welcome.html`;
  const found: Page[] = [];
  for (const page of await session.browser.pages()) {
    const href = await page.evaluate(() => location.href).catch(() => '');
    if (href === url) found.push(page);
  }
  return found;
}

describe('Firefox: first run', () => {
  it('installing the add-on opens the welcome page once', async () => {
    await expect.poll(async () => (await welcomeTabs()).length, { timeout: 20_000, interval: 250 }).toBe(1);
    const [welcome] = await welcomeTabs();
    await expect
      .poll(() => welcome!.evaluate(() => document.querySelector('h1')?.textContent ?? ''), {
        timeout: 10_000,
      })
      .toBe('Welcome to Literate');
    const headings = await welcome!.evaluate(() =>
      [...document.querySelectorAll('h2')].map((h) => h.textContent),
    );
    expect(headings).toEqual([
      'Where it runs',
      'Use it on other sites',
      'What never leaves your browser',
      'Try it',
    ]);
    expect(
      await welcome!.evaluate(() => document.querySelector('a.primary')?.getAttribute('href') ?? ''),
    ).toBe('https://storage.googleapis.com/tfjs-models/demos/mobilenet/index.html');
  });
});

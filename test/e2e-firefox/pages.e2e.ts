// Firefox: the add-on's own pages (moz-extension://) and the share-link consent window — the popup lists a tab's
// models, the options page renders under its CSP, and a share link opens a consent window (after a reader's
// gesture) that loads the pack only on the reader's yes.

import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type GalleryServer } from '../../demos/server';
import { buildShareLink } from '../../extension/share/share-link';
import { codeModelsPage, html, TFJS_UMD } from '../e2e/fixtures';
import { json, tourPack, validPackText } from '../e2e/packs-support';
import {
  ADDON_ORIGIN,
  clickElement,
  inShadow,
  launchFirefox,
  poll,
  screenshot,
  shadowElement,
  tabIdOf,
  waitForBadge,
  watchConsole,
  type FirefoxSession,
} from './harness';

const DEMO = '/test/packs/demo.html';
let session: FirefoxSession;
let server: GalleryServer;

beforeAll(async () => {
  server = await startServer({
    port: 0,
    routes: [
      { path: DEMO, handler: html(codeModelsPage(TFJS_UMD['4.22.0']!)) },
      { path: '/test/packs/shared/tour.json', handler: json(validPackText(tourPack())) },
    ],
  });
  session = await launchFirefox();
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

async function openDemo(url: string): Promise<{ page: Page; tabId: number }> {
  const page = await session.newPage();
  await page.goto(url);
  await page.waitForSelector('html[data-ready="1"]');
  const tabId = await tabIdOf(session, page);
  expect(await waitForBadge(session, tabId, '2')).toBe('2');
  return { page, tabId };
}

/** The text of an element of an add-on page. */
function textOf(page: Page, selector: string): Promise<string> {
  return page.evaluate((s: string) => document.querySelector(s)?.textContent ?? '', selector);
}

/** The tab whose document is at `urlPart`, found by asking each tab (BiDi does not follow moz-extension loads). */
async function findPage(urlPart: string, timeoutMs = 20_000): Promise<Page> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    for (const p of await session.browser.pages()) {
      const href = await p.evaluate(() => location.href).catch(() => '');
      if (href.includes(urlPart)) return p;
    }
    if (Date.now() > end) throw new Error(`no tab at ${urlPart}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('Firefox: the add-on’s pages', () => {
  it('the popup (as a tab) lists the models of a tf.js page; the options page renders with no CSP error', async () => {
    const { page, tabId } = await openDemo(`${server.url}${DEMO}`);
    const popup = await session.openAddonPage(`popup.html?tabId=${tabId}`);
    const popupSeen = watchConsole(popup);
    expect(
      await poll(
        () => textOf(popup, '[data-testid="summary"]'),
        (t) => t.includes('2 models'),
      ),
    ).toContain('2 models');
    const names = await popup.evaluate(() =>
      [...document.querySelectorAll('.model-name')].map((e) => e.textContent ?? '').sort(),
    );
    expect(names).toEqual(['functional', 'seq']);
    await screenshot(popup, 'popup');

    const options = await session.openAddonPage('options.html');
    const optionsSeen = watchConsole(options);
    const headings = await poll(
      () => options.evaluate(() => [...document.querySelectorAll('h1, h2')].map((h) => h.textContent ?? '')),
      (h) => h.length > 1,
    );
    expect(headings.length).toBeGreaterThan(1);
    expect(await options.evaluate(() => location.origin)).toBe(ADDON_ORIGIN);
    await screenshot(options, 'options');
    expect(popupSeen.errors).toEqual([]);
    expect(optionsSeen.errors).toEqual([]);
    await Promise.all([page.close(), popup.close(), options.close()]);
  });

  it('a share link: after the reader’s click, a consent window asks; the pack loads only on its yes', async () => {
    const packUrl = `${server.url}/test/packs/shared/tour.json`;
    const link = buildShareLink(`${server.url}${DEMO}`, { url: packUrl }, 1);
    const { page } = await openDemo(link);
    const seen = watchConsole(page);
    // The consent window waits for a trusted gesture of the reader's in the tab.
    await page.mouse.click(2, 2);
    const consent = await findPage('options.html?consent=');
    expect(
      await poll(
        () => textOf(consent, '[data-testid="consent-title"]'),
        (t) => t === 'A tour of the two small models',
      ),
    ).toBe('A tour of the two small models');
    expect(await textOf(consent, '[data-testid="consent-origin"]')).toContain(server.url);
    expect(await textOf(consent, 'body')).toContain('opens at step 2');
    await screenshot(consent, 'consent');
    // Not loaded before the reader says so.
    const launcher = await shadowElement(page, 'button[aria-label="Explain this model"]', undefined, 30_000);
    await clickElement(launcher);
    await shadowElement(page, '.panel[role="dialog"] .node-button');
    expect(await inShadow<number>(page, `(root) => root.querySelectorAll('.pack-head').length`)).toBe(0);

    const yes = (await consent.evaluateHandle(() =>
      [...document.querySelectorAll('button')].find((b) => b.textContent?.includes('Load this explanation')),
    )) as ElementHandle<HTMLButtonElement>;
    // The button waits a moment before it can be pressed (so a lured click cannot land on it).
    expect(
      await poll(
        () => yes.evaluate((b) => b.disabled),
        (d) => !d,
      ),
    ).toBe(false);
    await yes.click().catch(() => undefined); // the window closes itself on the click
    const title = await poll(
      () => inShadow<string>(page, `(root) => root.querySelector('.pack-head h3')?.textContent ?? ''`),
      (t) => t === 'A tour of the two small models',
      30_000,
    );
    expect(title).toBe('A tour of the two small models');
    expect(seen.errors).toEqual([]);
    await page.close();
  });
});

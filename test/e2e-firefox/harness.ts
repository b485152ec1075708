// Launches Debian's firefox-esr with the built add-on (puppeteer-core over WebDriver BiDi: Playwright cannot drive
// ESR) and gives tests the same views the Chromium harness gives: the extension's pages, tab ids, the badge.

import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import { GECKO_ID } from '../../scripts/manifests';

export const ROOT = resolve(import.meta.dirname, '../..');
/** The built add-on: LITERATE_DIST/firefox (a private build), or dist/firefox. */
export const ADDON_DIR = join(
  process.env.LITERATE_DIST ? resolve(ROOT, process.env.LITERATE_DIST) : join(ROOT, 'dist'),
  'firefox',
);
export const ARTIFACTS_DIR = join(ROOT, 'test-results/e2e-firefox');
/** Firefox gives each add-on a random moz-extension:// host per profile; a pref fixes it so tests can name pages. */
export const ADDON_UUID = '6f1c2c4e-1b7a-4c55-9f0e-5a7e1e2a0b19';
export const ADDON_ORIGIN = `moz-extension://${ADDON_UUID}`;

export function firefoxPath(): string {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'];
  const found = candidates.find((p): p is string => !!p && existsSync(p));
  if (!found)
    throw new Error(
      'No Firefox found: install Debian firefox-esr (apt-get install firefox-esr) or set FIREFOX_PATH.',
    );
  return found;
}

/** Prefs of a quiet test profile: no network chatter, no first-run pages, the add-on's host fixed. */
const PREFS: Record<string, unknown> = {
  'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: ADDON_UUID }),
  'browser.shell.checkDefaultBrowser': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.enabled': false,
  'app.update.enabled': false,
  'extensions.update.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  // Windows opened by the add-on (the consent prompt) are real windows; let them open without a popup blocker.
  'dom.disable_open_during_load': false,
};

export interface FirefoxSession {
  browser: Browser;
  addonId: string;
  /** A tab on one of the add-on's own pages, where tests call browser.* as the extension. */
  ext: Page;
  newPage(): Promise<Page>;
  /** One of the add-on's pages (popup.html?tabId=…, options.html) in a tab of its own. */
  openAddonPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

export async function launchFirefox(
  options: { addon?: boolean; prefs?: Record<string, unknown>; headless?: boolean } = {},
): Promise<FirefoxSession> {
  const withAddon = options.addon ?? true;
  if (withAddon && !existsSync(join(ADDON_DIR, 'manifest.json'))) {
    throw new Error(`No built add-on at ${ADDON_DIR}: run \`npm run build\` first.`);
  }
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    protocol: 'webDriverBiDi',
    headless: options.headless ?? true,
    defaultViewport: options.headless === false ? null : { width: 1280, height: 800 },
    extraPrefsFirefox: { ...PREFS, ...options.prefs },
    // WebDriver BiDi refuses to navigate to moz-extension:// pages unless system access is allowed.
    env: { ...process.env, MOZ_REMOTE_ALLOW_SYSTEM_ACCESS: '1' },
  });
  let addonId = '';
  let ext: Page | undefined;
  try {
    if (withAddon) {
      addonId = await browser.installExtension(ADDON_DIR);
      ext = await openAddonPage(browser, 'options.html');
      const base = await ext.evaluate(() => (globalThis as any).browser.runtime.getURL(''));
      if (base !== `${ADDON_ORIGIN}/`) throw new Error(`The add-on is at ${base}, not ${ADDON_ORIGIN}/`);
    }
  } catch (e) {
    await browser.close();
    throw e;
  }
  return {
    browser,
    addonId,
    get ext(): Page {
      if (!ext) throw new Error('launched without the add-on');
      return ext;
    },
    newPage: () => browser.newPage(),
    openAddonPage: (path: string) => openAddonPage(browser, path),
    close: () => browser.close(),
  };
}

/**
 * Opens one of the add-on's pages in a tab. BiDi navigates there but never reports the load of a moz-extension://
 * page (it lives in the extension process), so the load is awaited from inside the page instead.
 */
export async function openAddonPage(browser: Browser, path: string, timeoutMs = 20_000): Promise<Page> {
  const page = await browser.newPage();
  const url = `${ADDON_ORIGIN}/${path}`;
  page.goto(url, { timeout: timeoutMs }).catch(() => undefined);
  const end = Date.now() + timeoutMs;
  for (;;) {
    const state = await page
      .evaluate(() => [location.href, document.readyState] as const)
      .catch(() => ['', ''] as const);
    if (state[0] === url && state[1] === 'complete') return page;
    if (Date.now() > end) throw new Error(`${url} did not load (at ${state[0]}, ${state[1]})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The id Firefox gives a page's tab, as the add-on sees it. */
export async function tabIdOf(session: FirefoxSession, page: Page): Promise<number> {
  const url = page.url();
  const id = await session.ext.evaluate(async (u: string) => {
    const tabs = await (globalThis as any).browser.tabs.query({});
    return (tabs as { url?: string; id?: number }[]).find((t) => t.url === u)?.id ?? null;
  }, url);
  if (id === null) throw new Error(`No tab found for ${url}`);
  return id;
}

export function badgeText(session: FirefoxSession, tabId: number): Promise<string> {
  return session.ext.evaluate(
    (id: number) => (globalThis as any).browser.action.getBadgeText({ tabId: id }),
    tabId,
  );
}

/** Polls the badge until it shows `expected`, returning what it last showed. */
export async function waitForBadge(
  session: FirefoxSession,
  tabId: number,
  expected: string,
  timeoutMs = 20_000,
): Promise<string> {
  const end = Date.now() + timeoutMs;
  let text = '';
  while (Date.now() < end) {
    text = await badgeText(session, tabId);
    if (text === expected) return text;
    await new Promise((r) => setTimeout(r, 150));
  }
  return text;
}

/** Polls `read` until `ok` holds, returning the last value (for expect after). */
export async function poll<T>(read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let value = await read();
  while (!ok(value) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 150));
    value = await read();
  }
  return value;
}

/** Evaluates `fn(root)` in the page against the overlay's open shadow root (null when there is none). */
export function inShadow<T>(page: Page, body: string): Promise<T> {
  return page.evaluate(
    `(() => { const root = document.querySelector('literate-overlay')?.shadowRoot; return root ? (${body})(root) : null; })()`,
  ) as Promise<T>;
}

/** An element of the overlay's shadow root, for trusted clicks and typing (BiDi input actions). */
export async function shadowElement(
  page: Page,
  selector: string,
  text?: string | RegExp,
  timeoutMs = 20_000,
): Promise<ElementHandle<Element>> {
  const source =
    text instanceof RegExp ? { re: text.source, flags: text.flags } : text === undefined ? null : { s: text };
  const end = Date.now() + timeoutMs;
  for (;;) {
    // A string, not a function: tsx (esbuild keepNames) would wrap a function in helpers the page does not have.
    const handle = await page.evaluateHandle(`(() => {
      const root = document.querySelector('literate-overlay')?.shadowRoot;
      if (!root) return null;
      const t = ${JSON.stringify(source)};
      const match = (e) => {
        const label = ((e.getAttribute('aria-label') ?? '') + ' ' + (e.textContent ?? '')).trim();
        return !t || (t.re !== undefined ? new RegExp(t.re, t.flags).test(label) : label.includes(t.s));
      };
      return [...root.querySelectorAll(${JSON.stringify(selector)})].find(match) ?? null;
    })()`);
    const element = handle.asElement();
    if (element) return element as ElementHandle<Element>;
    await handle.dispose();
    if (Date.now() > end)
      throw new Error(`no ${selector} ${text ?? ''} in the overlay after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/**
 * A trusted click (BiDi input actions) in the middle of an element, scrolled into view first: puppeteer's own
 * scrolling does not reach into the overlay panel's scrolling list.
 */
export async function clickElement(element: ElementHandle<Element>): Promise<void> {
  await element.evaluate((e) => e.scrollIntoView({ block: 'center', inline: 'center' }));
  await element.click();
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const path = join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path: path as `${string}.png` });
  return path;
}

/** Console messages and page errors of a page, so tests can prove Literate adds none (LITERATE_DEBUG=1: stacks). */
export function watchConsole(page: Page): { messages: string[]; errors: string[] } {
  const seen = { messages: [] as string[], errors: [] as string[] };
  page.on('console', (m) => seen.messages.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) =>
    seen.errors.push(process.env.LITERATE_DEBUG ? `${String(e)} ${(e as Error).stack ?? ''}` : String(e)),
  );
  return seen;
}

// First run (issue #21 part 2): installing Literate opens welcome.html, which says what Literate does, where it runs,
// how to enable other sites and what never leaves the browser, links a demo, and is keyboard operable and axe-clean
// in light and dark, in English and in French.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { launchWithExtension, screenshot, type ExtensionSession } from './harness';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const DEMO_URL = 'https://storage.googleapis.com/tfjs-models/demos/mobilenet/index.html';

let session: ExtensionSession | undefined;

afterEach(async () => {
  await session?.close();
  session = undefined;
});

/** The tabs showing the welcome page, once the install has opened one (it opens without any test action). */
async function welcomeTabs(context: BrowserContext, extensionId: string): Promise<Page[]> {
  const url = `chrome-extension://${extensionId}/welcome.html`;
  await expect.poll(() => context.pages().filter((p) => p.url() === url).length, { timeout: 10_000 }).toBe(1);
  return context.pages().filter((p) => p.url() === url);
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(o: object): Promise<{ violations: object[] }> } }).axe;
    const result = await axe.run({ resultTypes: ['violations'] });
    return (result.violations as { id: string; nodes: { html: string }[] }[]).map(
      (v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`,
    );
  });
}

describe('first run', () => {
  it('a fresh install opens the welcome page once: what, where, other sites, privacy, a demo', async () => {
    session = await launchWithExtension();
    const [page] = await welcomeTabs(session.context, session.extensionId);
    const welcome = page!;
    await welcome.getByRole('heading', { level: 1, name: 'Welcome to Literate' }).waitFor();
    expect(await welcome.title()).toBe('Welcome to Literate');
    expect(await welcome.evaluate(() => document.documentElement.lang)).toMatch(/^en/);
    expect(await welcome.getByRole('heading', { level: 2 }).allTextContents()).toEqual([
      'Where it runs',
      'Use it on other sites',
      'What never leaves your browser',
      'Try it',
    ]);
    const sites = await welcome
      .getByRole('region', { name: 'Where it runs' })
      .getByRole('listitem')
      .allTextContents();
    expect(sites).toEqual([
      '127.0.0.1',
      'localhost',
      'storage.googleapis.com/tfjs-models/',
      'storage.googleapis.com/tfjs-examples/',
    ]);
    const main = (await welcome.locator('main').textContent()) ?? '';
    expect(main).toContain('Enable Literate on this site');
    expect(main).toContain('Alt+Shift+L');
    expect(main).toMatch(/no server, no account and no analytics/);
    const demo = welcome.getByRole('link', { name: 'Open the MobileNet demo' });
    expect(await demo.getAttribute('href')).toBe(DEMO_URL);
    expect(await axeViolations(welcome)).toEqual([]);
    await screenshot(welcome, 'welcome');

    // Keyboard: Tab reaches the demo link, then the options button, which Enter opens.
    await welcome.keyboard.press('Tab');
    expect(await welcome.evaluate(() => document.activeElement?.textContent)).toBe('Open the MobileNet demo');
    await welcome.keyboard.press('Tab');
    const options = session.context.waitForEvent('page', {
      predicate: (p) => p.url().endsWith('/options.html'),
      timeout: 10_000,
    });
    await welcome.keyboard.press('Enter');
    expect((await options).url()).toBe(`chrome-extension://${session.extensionId}/options.html`);
  });

  it('dark mode: dark colours from the system setting, still axe-clean', async () => {
    session = await launchWithExtension({ colorScheme: 'dark' });
    const [welcome] = await welcomeTabs(session.context, session.extensionId);
    await welcome!.getByRole('heading', { level: 1 }).waitFor();
    await welcome!.emulateMedia({ colorScheme: 'dark' });
    expect(await welcome!.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
      'rgb(22, 26, 34)',
    );
    expect(await axeViolations(welcome!)).toEqual([]);
    await screenshot(welcome!, 'welcome-dark');
  });

  it('in French for a French browser', async () => {
    session = await launchWithExtension({ locale: 'fr' });
    const [welcome] = await welcomeTabs(session.context, session.extensionId);
    await welcome!.getByRole('heading', { level: 1, name: 'Bienvenue dans Literate' }).waitFor();
    expect(await welcome!.getByRole('link', { name: 'Ouvrir la démo MobileNet' }).getAttribute('href')).toBe(
      DEMO_URL,
    );
    expect(await axeViolations(welcome!)).toEqual([]);
  });

  it('the harness returns once the welcome tab is open (never mid-test), and the next extension page has its words', async () => {
    session = await launchWithExtension();
    expect(session.context.pages().map((p) => p.url())).toContainEqual(
      expect.stringContaining('welcome.html'),
    );
    // Closing the welcome tab here used to leave the next extension page with no messages in most launches.
    const popup = await session.context.newPage();
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
    expect(await popup.evaluate(() => chrome.i18n.getMessage('popupNoTfjs'))).toBe(
      'No TensorFlow.js on this page.',
    );
  });
});

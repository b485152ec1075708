// Firefox: a draft written in place (trusted keys and clicks) is kept by the background in storage.local and is
// offered again after the add-on reloads (runtime.reload: the background scripts and content scripts start over).

import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type GalleryServer } from '../../demos/server';
import { clickElement, inShadow, launchFirefox, poll, shadowElement, type FirefoxSession } from './harness';

const DEMO = '/demos/draw-shapes/';
const TITLE = 'Shapes in Firefox';
let session: FirefoxSession;
let server: GalleryServer;

beforeAll(async () => {
  server = await startServer({ port: 0 });
  session = await launchFirefox();
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

async function openAuthoring(): Promise<Page> {
  const page = await session.newPage();
  await page.goto(`${server.url}${DEMO}`);
  await clickElement(await shadowElement(page, 'button[aria-label="Explain this model"]', undefined, 30_000));
  await shadowElement(page, '.panel[role="dialog"] .node-button');
  await clickElement(await shadowElement(page, 'button', 'Write notes'));
  return page;
}

/** Types into a field of the overlay as the reader does: a trusted click, then trusted keys. */
async function typeInto(page: Page, id: string, text: string): Promise<void> {
  await clickElement(await shadowElement(page, `#${id}`));
  await page.keyboard.type(text);
}

const stepTitles = (page: Page) =>
  inShadow<string[]>(
    page,
    `(root) => [...root.querySelectorAll('[data-step-button]')].map((b) => b.textContent)`,
  );

describe('Firefox: drafts', () => {
  it('a draft survives a reload of the add-on and is offered for resuming', async () => {
    const page = await openAuthoring();
    await typeInto(page, 'lt-author-new-title', TITLE);
    await typeInto(page, 'lt-author-new-author', 'Ada Author');
    await page.keyboard.press('Enter');
    await shadowElement(page, 'h3, h2, h4', `Writing “${TITLE}”`);
    await typeInto(page, 'lt-author-new-step', 'The first look');
    await page.keyboard.press('Enter');
    expect(
      await poll(
        () => stepTitles(page),
        (t) => t.length === 1,
      ),
    ).toEqual([expect.stringContaining('The first look')]);
    // The draft reaches storage.local through the background (debounced).
    const stored = () =>
      session.ext.evaluate(async (title: string) => {
        const all = await (globalThis as any).browser.storage.local.get(null);
        return JSON.stringify(all).includes(title) && JSON.stringify(all).includes('The first look');
      }, TITLE);
    expect(await poll(stored, (v) => v)).toBe(true);
    await page.close();

    // Reload the add-on: its pages close, its background starts again.
    await session.ext.evaluate(() => {
      setTimeout(() => (globalThis as any).browser.runtime.reload(), 50);
    });
    // The reload closes the add-on's old tab: it is gone once the add-on is back.
    const old = () =>
      session.ext
        .evaluate(() => (globalThis as any).browser.runtime.id as string)
        .then(
          () => 'alive',
          () => 'gone',
        );
    expect(await poll(old, (v) => v === 'gone')).toBe('gone');
    const ext = await session.openAddonPage('options.html');
    expect(await ext.evaluate(() => (globalThis as any).browser.runtime.getManifest().name)).toContain(
      'Literate',
    );
    await ext.close();

    const again = await openAuthoring();
    await clickElement(await shadowElement(again, 'button', `Resume draft “${TITLE}”`));
    await shadowElement(again, 'h3, h2, h4', `Writing “${TITLE}”`);
    expect(
      await poll(
        () => stepTitles(again),
        (t) => t.length === 1,
      ),
    ).toEqual([expect.stringContaining('The first look')]);
    await again.close();
  });
});

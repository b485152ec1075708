// Literate on sites beyond the demo hosts. Headless Chromium cannot answer the browser's permission prompt, so a copy
// of the extension is installed with one extra host (127.0.0.3) already granted, as a reader's "Enable Literate on
// this site" would leave it: the background registers its scripts there at run time (dynamic registration), the
// page's models are found, and the popup says the site is on. A site never granted (127.0.0.2) gets nothing (the
// popup's offer there is unit-tested: a popup a test opens has no activeTab grant to read the page's address).

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type GalleryServer } from '../../demos/server';
import { codeModelsPage, html, TFJS_UMD } from './fixtures';
import {
  badgeText,
  currentWorker,
  EXTENSION_DIR,
  launchWithExtension,
  openPopup,
  tabIdOf,
  waitForBadge,
  type ExtensionSession,
} from './harness';

const GRANTED = '127.0.0.3';
const NOT_GRANTED = '127.0.0.2';
const routes = [{ path: '/site/demo.html', handler: html(codeModelsPage(TFJS_UMD['4.22.0']!)) }];

let dir: string;
let session: ExtensionSession;
let granted: GalleryServer;
let elsewhere: GalleryServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'literate-site-access-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { host_permissions?: string[] };
  manifest.host_permissions = [...(manifest.host_permissions ?? []), `http://${GRANTED}/*`];
  writeFileSync(manifestPath, JSON.stringify(manifest));
  granted = await startServer({ port: 0, host: GRANTED, routes });
  elsewhere = await startServer({ port: 0, host: NOT_GRANTED, routes });
  session = await launchWithExtension({ extensionDir: dir });
});

afterAll(async () => {
  await session?.close();
  await granted?.close();
  await elsewhere?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const registered = async (): Promise<[string, string[]][]> =>
  (await currentWorker(session)).evaluate(
    `chrome.scripting.getRegisteredContentScripts().then((s) => s.map((x) => [x.id, x.matches]))`,
  );

describe('site access', () => {
  it('runs on a site the reader granted: scripts registered at run time, models found, the popup says it is on', async () => {
    // Only the granted site: not the demo hosts again, nor a whole host the browser reports for a default.
    await expect.poll(registered).toEqual([
      ['literate-site-hook', [`http://${GRANTED}/*`]],
      ['literate-site-relay', [`http://${GRANTED}/*`]],
    ]);
    const page = await session.context.newPage();
    await page.goto(`${granted.url}/site/demo.html`);
    await page.waitForSelector('html[data-ready="1"]');
    const tabId = await tabIdOf(session, page);
    expect(await waitForBadge(session, tabId, '2')).toBe('2');
    expect(await page.evaluate(() => Object.getOwnPropertySymbols(window).map(String))).toContain(
      'Symbol(literate.hook)',
    );
    await page.getByRole('button', { name: 'Explain this model' }).waitFor();
    const popup = await openPopup(session, tabId);
    const site = popup.getByRole('region', { name: 'This site' });
    await expect.poll(() => site.textContent()).toContain(`Literate is enabled on ${GRANTED}`);
    expect(await site.getByRole('button', { name: 'Turn off on this site' }).count()).toBe(1);
    await popup.close();
    await page.close();
  });

  it('does nothing on a site never granted', async () => {
    const page = await session.context.newPage();
    await page.goto(`${elsewhere.url}/site/demo.html`);
    await page.waitForSelector('html[data-ready="1"]');
    // Without access to the site the extension cannot even read the tab's address: it is the newest tab without one.
    const tabId = await (
      await currentWorker(session)
    ).evaluate<number>(
      `chrome.tabs.query({}).then((tabs) => Math.max(...tabs.filter((t) => !t.url).map((t) => t.id)))`,
    );
    expect(tabId).toBeGreaterThan(0);
    // The page has built its two models; give a report the time it would take, then the badge is still empty.
    await page.waitForTimeout(500);
    expect(await badgeText(session, tabId)).toBe('');
    expect(await page.locator('literate-overlay').count()).toBe(0);
    expect(await page.evaluate(() => Object.getOwnPropertySymbols(window).map(String))).not.toContain(
      'Symbol(literate.hook)',
    );
    await page.close();
  });
});

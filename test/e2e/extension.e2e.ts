// The extension's parts wired end to end in real Chromium: worker up, hook → bridge → background badge → popup.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../demos/server';
import { codeModelsPage, html, TFJS_UMD } from './fixtures';
import {
  badgeText,
  launchWithExtension,
  openPopup,
  screenshot,
  tabIdOf,
  waitForBadge,
  watchConsole,
  type ExtensionSession,
} from './harness';

let session: ExtensionSession;
let server: Awaited<ReturnType<typeof startServer>>;

beforeAll(async () => {
  server = await startServer({
    port: 0,
    routes: [
      ...Object.entries(TFJS_UMD).map(([version, src]) => ({
        path: `/test/pages/code-models-${version}.html`,
        handler: html(codeModelsPage(src)),
      })),
      {
        path: '/test/pages/no-tfjs.html',
        handler: html('<!doctype html><title>plain</title><p>No tf.js here.</p>'),
      },
    ],
  });
  session = await launchWithExtension();
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('the extension in Chromium', () => {
  it('starts its service worker', async () => {
    expect(session.extensionId).toMatch(/^[a-p]{32}$/);
    const manifest = await session.worker.evaluate(() => chrome.runtime.getManifest());
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.name).toContain('Literate');
  });

  it('leaves the badge empty and logs nothing on a page without tf.js', async () => {
    const page = await session.context.newPage();
    const seen = watchConsole(page);
    await page.goto(`${server.url}/test/pages/no-tfjs.html`);
    await page.waitForTimeout(500);
    const tabId = await tabIdOf(session, page);
    expect(await badgeText(session, tabId)).toBe('');
    expect(seen.errors).toEqual([]);
    expect(seen.messages).toEqual([]);
    await page.close();
  });

  for (const version of Object.keys(TFJS_UMD)) {
    it(`counts the models a tf.js ${version} page builds, on the badge and in the popup`, async () => {
      const page = await session.context.newPage();
      const seen = watchConsole(page);
      await page.goto(`${server.url}/test/pages/code-models-${version}.html`);
      await page.waitForSelector('html[data-ready="1"]');
      const tabId = await tabIdOf(session, page);
      expect(await waitForBadge(session, tabId, '2')).toBe('2');

      const popup = await openPopup(session, tabId);
      await expect.poll(() => popup.getByTestId('summary').textContent()).toContain('2 models');
      const items = popup.getByRole('list', { name: 'Models on this tab' }).getByRole('listitem');
      await expect.poll(() => items.count()).toBe(2);
      const names = await items.locator('.model-name').allTextContents();
      expect(names.sort()).toEqual(['functional', 'seq']);
      if (version !== '1.7.4') {
        // 1.x has no tf.version in the UMD global in a form we read; its version class still shows.
        await expect.poll(() => popup.getByTestId('summary').textContent()).toContain(version);
      }
      await screenshot(popup, `popup-code-models-${version}`);
      // The bridge talks on a private channel: the page sees the hook announce itself, never a nonce or a model.
      const pageSaw = await page.evaluate(
        () => (window as unknown as { seenByPage: { kind: string }[] }).seenByPage,
      );
      expect(pageSaw.every((m) => m.kind === 'hook-ready')).toBe(true);
      expect(JSON.stringify(pageSaw)).not.toContain('nonce');
      await popup.close();
      expect(seen.errors).toEqual([]);
      await page.close();
    });
  }
});

// Updating from 0.1.0 in the real browser: a profile holds Literate at version 0.1.0 with storage.local exactly as
// Literate 0.1.0 wrote it (extension/background/fixtures/storage-0.1.0.json, made by that release's own code); the
// browser closes, the extension folder is replaced by this build with a newer version, and the browser starts again
// on the same profile: an update. The new build shows the reader's packs with their switches, keeps the draft, the
// settings and the trust list; a further start opens no welcome tab.

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { chromiumPath, EXTENSION_DIR } from './harness';

const stored = JSON.parse(
  readFileSync(new URL('../../extension/background/fixtures/storage-0.1.0.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

const work = mkdtempSync(join(tmpdir(), 'literate-update-'));
const profile = join(work, 'profile');
/** One folder for both versions: an unpacked extension's id comes from its path, so the update keeps its data. */
const extensionDir = join(work, 'extension');

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** This build in the extension folder, its manifest saying `version`. */
function installBuild(version: string): void {
  rmSync(extensionDir, { recursive: true, force: true });
  cpSync(EXTENSION_DIR, extensionDir, { recursive: true });
  const manifestPath = join(extensionDir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { version: string };
  writeFileSync(manifestPath, JSON.stringify({ ...manifest, version }, null, 2));
}

async function launch(): Promise<{ context: BrowserContext; worker: Worker; id: string }> {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-dev-shm-usage',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
    ],
    viewport: { width: 1280, height: 800 },
  });
  const worker =
    context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
    (await context.waitForEvent('serviceworker', { timeout: 10_000 }));
  return { context, worker, id: new URL(worker.url()).host };
}

describe('an update from 0.1.0', () => {
  it('keeps the packs and their switches, the draft, the settings and the trust list; welcomes once', async () => {
    installBuild('0.1.0');
    const before = await launch();
    const welcomeUrl = `chrome-extension://${before.id}/welcome.html`;
    // The first launch is the 0.1.0 install; then the reader's data as 0.1.0 left it.
    await expect.poll(() => before.context.pages().some((p) => p.url() === welcomeUrl)).toBe(true);
    // (After the install has written its shipped packs, so nothing of this session writes over the data.)
    // The install writes the shipped packs (onInstalled and the worker's start both do, idempotently): wait until
    // storage has been still for 1.5 s, and close the welcome tab (a browser may restore it at the next start).
    const snapshot = () =>
      before.worker.evaluate(() => chrome.storage.local.get(null).then((r) => JSON.stringify(r)));
    for (let last = '', still = 0; still < 3;) {
      await new Promise((done) => setTimeout(done, 500));
      const now = await snapshot();
      still = now === last && now.includes('"packs"') ? still + 1 : 0;
      last = now;
    }
    for (const p of before.context.pages()) if (p.url() === welcomeUrl) await p.close();
    await before.worker.evaluate(async (items) => {
      await chrome.storage.local.clear();
      await chrome.storage.local.set(items);
    }, stored);
    await new Promise((done) => setTimeout(done, 500));
    expect(await before.worker.evaluate(() => chrome.storage.local.get(null))).toEqual(stored);
    await before.context.close();

    installBuild('99.0.0');
    const after = await launch();
    try {
      expect(after.id).toBe(before.id);
      const options = await after.context.newPage();
      await options.goto(`chrome-extension://${after.id}/options.html`);
      const switchOf = (key: string) => options.locator(`li[data-key="${key}"] input[role="switch"]`);
      await switchOf('files:my-notes').waitFor({ timeout: 20_000 });
      expect(await options.locator('li[data-key="files:my-notes"] .pack-title').textContent()).toBe(
        'My notes on the CNN',
      );
      expect(await switchOf('files:my-notes').isChecked()).toBe(true);
      expect(await switchOf('shipped:literate-gallery-decision-regions').isChecked()).toBe(false);
      // The update installs this build's shipped packs over 0.1.0's two, keeping the reader's switch.
      await expect.poll(() => options.locator('li[data-key^="shipped:"]').count()).toBeGreaterThan(2);
      await switchOf('shipped:literate-gallery-draw-shapes').waitFor();
      expect(await switchOf('shipped:literate-gallery-draw-shapes').isChecked()).toBe(true);

      const worker =
        after.context.serviceWorkers().find((w) => w.url().includes(after.id)) ??
        (await after.context.waitForEvent('serviceworker'));
      const now = (await worker.evaluate(() => chrome.storage.local.get(null))) as Record<string, unknown>;
      expect(now.settings).toEqual(stored.settings);
      expect(now.drafts).toEqual(stored.drafts);
      expect(now.trust).toEqual(stored.trust);
      expect(
        (now.sources as { id: string; version?: string }[]).find((s) => s.id === 'shipped')?.version,
      ).toBe('99.0.0');
    } finally {
      await after.context.close();
    }

    // Chromium reports "install" at every start for an extension loaded with --load-extension (a store update says
    // "update"; welcome.test.ts): the welcome page, once shown, is remembered and a further start opens none.
    const again = await launch();
    try {
      await new Promise((done) => setTimeout(done, 1500));
      expect(again.context.pages().map((p) => p.url())).not.toContain(welcomeUrl);
    } finally {
      await again.context.close();
    }
  });
});

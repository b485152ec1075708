// Every gallery page in real Chromium with the extension: the badge and the popup report what the hook found.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { galleryPages } from '../../demos/gallery';
import { startServer, type GalleryServer } from '../../demos/server';
import {
  launchWithExtension,
  openPopup,
  screenshot,
  tabIdOf,
  waitForBadge,
  watchConsole,
  type ExtensionSession,
} from './harness';

/** What each gallery page runs: the models Literate must find there. */
const EXPECTED: Record<string, { models: { kind: 'LayersModel' | 'GraphModel' }[] }> = {
  'draw-shapes': { models: [{ kind: 'LayersModel' }] },
  'moving-shapes': { models: [{ kind: 'GraphModel' }] },
  'decision-regions': { models: [{ kind: 'GraphModel' }] },
  'legacy-spiral': { models: [{ kind: 'LayersModel' }] },
};

let session: ExtensionSession;
let server: GalleryServer;

beforeAll(async () => {
  server = await startServer({ port: 0 });
  session = await launchWithExtension();
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('the demo gallery', () => {
  it('lists at least the four pages that stand in for real-world demos', () => {
    expect(galleryPages()).toEqual(expect.arrayContaining(Object.keys(EXPECTED)));
  });

  it('index page renders with a card per demo', async () => {
    const page = await session.context.newPage();
    await page.goto(server.url);
    await expect.poll(() => page.locator('a[href^="/demos/"]').count()).toBeGreaterThanOrEqual(4);
    await screenshot(page, 'gallery-index');
    await page.close();
  });

  for (const name of Object.keys(EXPECTED)) {
    it(`${name}: the badge counts its models and the popup lists them`, async () => {
      const expected = EXPECTED[name]!;
      const page = await session.context.newPage();
      const seen = watchConsole(page);
      await page.goto(`${server.url}/demos/${name}/?backend=cpu`);
      const tabId = await tabIdOf(session, page);
      const count = String(expected.models.length);
      expect(await waitForBadge(session, tabId, count, 30_000)).toBe(count);
      await page.waitForTimeout(500);
      await screenshot(page, `gallery-${name}`);

      const popup = await openPopup(session, tabId);
      const items = popup.getByRole('list', { name: 'Models on this tab' }).getByRole('listitem');
      await expect.poll(() => items.count()).toBe(expected.models.length);
      const kinds = await items.locator('.tag').allTextContents();
      expect(kinds.sort()).toEqual(expected.models.map((m) => m.kind).sort());
      await expect.poll(() => items.first().textContent()).toMatch(/\d[\d,.kKM]* parameters/);
      await screenshot(popup, `popup-${name}`);
      await popup.close();
      expect(seen.errors).toEqual([]);
      await page.close();
    });
  }
});

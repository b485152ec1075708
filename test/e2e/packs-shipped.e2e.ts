// Packs shipped inside the extension (dist/*/packs/index.json + files) reach the matching page with no network;
// their share link carries the pack inline. Uses a copy of the built extension with a pack added.

import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../demos/server';
import { parseShareFragment } from '../../extension/share/share-link';
import { codeModelsPage, html, TFJS_UMD } from './fixtures';
import {
  EXTENSION_DIR,
  launchWithExtension,
  openPopup,
  tabIdOf,
  waitForBadge,
  type ExtensionSession,
} from './harness';
import { packsApiState, tourPack, validPackText } from './packs-support';

let session: ExtensionSession;
let server: Awaited<ReturnType<typeof startServer>>;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'literate-shipped-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  mkdirSync(join(dir, 'packs'), { recursive: true });
  writeFileSync(
    join(dir, 'packs/tour.json'),
    validPackText(tourPack({ id: 'shipped-tour', title: 'Shipped tour' })),
  );
  writeFileSync(join(dir, 'packs/index.json'), JSON.stringify({ packs: ['tour.json'] }));
  server = await startServer({
    port: 0,
    routes: [{ path: '/test/packs/demo.html', handler: html(codeModelsPage(TFJS_UMD['4.22.0']!)) }],
  });
  session = await launchWithExtension({ extensionDir: dir });
});

afterAll(async () => {
  await session?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('shipped packs', () => {
  it('apply to a matching page, and share inline', async () => {
    const page = await session.context.newPage();
    await page.goto(`${server.url}/test/packs/demo.html`);
    await page.waitForSelector('html[data-ready="1"]');
    const tabId = await tabIdOf(session, page);
    expect(await waitForBadge(session, tabId, '2')).toBe('2');
    await expect
      .poll(async () => (await packsApiState(page))?.active?.title, { timeout: 15_000 })
      .toBe('Shipped tour');
    const popup = await openPopup(session, tabId);
    const item = popup.getByRole('list', { name: 'Packs for this page' }).getByRole('listitem').first();
    await expect.poll(() => item.textContent()).toContain('from Shipped with Literate');
    await popup.getByRole('button', { name: 'Copy share link' }).click();
    const link = await popup.locator('#share-link').inputValue();
    expect(parseShareFragment(new URL(link).hash)).toMatchObject({ kind: 'inline' });
    await Promise.all([page.close(), popup.close()]);
  });
});

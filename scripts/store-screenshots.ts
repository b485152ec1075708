// `npm run package:screenshots` (after `npm run build`): the store screenshots, 1280 × 800 PNGs taken in real
// Chromium with the built extension through the e2e harness — the welcome page, a gallery demo with its shipped pack
// in the panel, a layer explained with live values, and the options page — into dist/packages/store/screenshots/.

import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { decodePng } from '../cli/png';
import { startServer } from '../demos/server';
import { launchWithExtension } from '../test/e2e/harness';

const SIZE = { width: 1280, height: 800 };

/** Width and height of a PNG, read by the CLI's one PNG codec (which also proves the file decodes). */
export function pngSize(bytes: Buffer): { width: number; height: number } {
  const { width, height } = decodePng(bytes);
  return { width, height };
}

async function shoot(page: Page, dir: string, name: string): Promise<string> {
  const path = join(dir, name);
  await page.screenshot({ path, fullPage: false });
  const size = pngSize(readFileSync(path));
  if (size.width !== SIZE.width || size.height !== SIZE.height)
    throw new Error(`${name} is ${size.width}×${size.height}, the stores want ${SIZE.width}×${SIZE.height}`);
  console.log(`wrote ${path}`);
  return path;
}

async function main(): Promise<void> {
  const root = process.cwd();
  const dist = resolve(root, process.env.LITERATE_DIST || 'dist');
  const out = join(dist, 'packages/store/screenshots');
  mkdirSync(out, { recursive: true });
  const server = await startServer({ port: 0 });
  const session = await launchWithExtension({
    extensionDir: join(dist, 'chrome'),
    viewport: SIZE,
  });
  try {
    const welcomeUrl = `chrome-extension://${session.extensionId}/welcome.html`;
    let welcome: Page | undefined;
    for (const end = Date.now() + 10_000; !welcome && Date.now() < end;) {
      welcome = session.context.pages().find((p) => p.url() === welcomeUrl);
      if (!welcome) await new Promise((done) => setTimeout(done, 100));
    }
    if (!welcome) throw new Error('the welcome page did not open on install');
    await welcome.setViewportSize(SIZE);
    await welcome.getByRole('heading', { level: 1 }).waitFor();
    await shoot(welcome, out, 'welcome.png');

    const page = await session.context.newPage();
    await page.goto(`${server.url}/demos/draw-shapes/`);
    await page.getByRole('button', { name: 'Explain this model' }).click({ timeout: 30_000 });
    const panel = page.getByRole('dialog', { name: 'Literate' });
    await panel.getByRole('listitem').first().waitFor();
    await page.waitForTimeout(1500); // the pack's notes settle beside the page
    await shoot(page, out, 'pack-notes.png');
    await panel
      .getByRole('button', { name: /Conv2D/ })
      .first()
      .click();
    await page.waitForTimeout(1500); // a few frames of live values
    await shoot(page, out, 'layer-view.png');

    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    await options.getByRole('heading', { level: 1 }).waitFor();
    await options.waitForTimeout(500);
    await shoot(options, out, 'options.png');
  } finally {
    await session.close();
    await server.close();
  }
}

if (process.argv[1]?.endsWith('store-screenshots.ts'))
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });

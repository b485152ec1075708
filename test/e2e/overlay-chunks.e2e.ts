// The overlay's later pieces failing to load, in real Chromium: copies of the built extension with one chunk
// removed. The reader is told in words what failed and what to do; what can still be shown is (the launcher, the
// outline, the TeX source where KaTeX would typeset); nothing throws into the page.

import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type GalleryServer } from '../../demos/server';
import { launchWithExtension, watchConsole, type ExtensionSession } from './harness';
import { BASE_EXTENSION_DIR } from './overlay-packs-support';
import { overlayRoutes } from './overlay-pages';

let server: GalleryServer;
const dirs: string[] = [];

/** A copy of the built extension without `file`. */
function extensionWithout(file: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'literate-without-'));
  cpSync(BASE_EXTENSION_DIR, dir, { recursive: true });
  rmSync(join(dir, file));
  dirs.push(dir);
  return dir;
}

beforeAll(async () => {
  server = await startServer({ port: 0, routes: overlayRoutes() });
});

afterAll(async () => {
  await server?.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function openCnn(session: ExtensionSession): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`${server.url}/overlay/cnn.html`);
  await page.waitForSelector('html[data-ready="1"]');
  return page;
}

describe('overlay: a piece that cannot load', () => {
  it('without the panel side: the launcher still shows, and a click says what failed and what to do', async () => {
    const session = await launchWithExtension({ extensionDir: extensionWithout('overlay-app.js') });
    try {
      const page = await openCnn(session);
      const seen = watchConsole(page);
      const launcher = page.getByRole('button', { name: 'Explain this model' });
      await launcher.click({ timeout: 30_000 });
      const alert = page.getByRole('alert');
      await expect.poll(() => alert.textContent(), { timeout: 15_000 }).toContain('could not load its panel');
      expect(await alert.textContent()).toContain('Reload the page to try again');
      expect(await launcher.getAttribute('aria-busy')).toBeNull();
      expect(await page.getByRole('dialog', { name: 'Literate' }).count()).toBe(0);
      // The page itself goes on: its predictions keep coming, nothing was thrown into it.
      const run = await page.locator('#out').textContent();
      await expect.poll(() => page.locator('#out').textContent()).not.toBe(run);
      expect(seen.errors).toEqual([]);
    } finally {
      await session.close();
    }
  });

  it('without KaTeX: the outline and layer view still show, the equation as its TeX source, and the reader is told', async () => {
    const session = await launchWithExtension({ extensionDir: extensionWithout('overlay-katex.js') });
    try {
      const page = await openCnn(session);
      await page.getByRole('button', { name: 'Explain this model' }).click({ timeout: 30_000 });
      const panel = page.getByRole('dialog', { name: 'Literate' });
      await panel.getByRole('button', { name: /^conv1 Conv2D/ }).click();
      const equation = panel.getByRole('group', { name: 'Equation of 2-D convolution' });
      await equation.waitFor();
      await expect.poll(() => equation.locator('code.lit-tex-source').count()).toBe(1);
      expect(await equation.locator('.katex').count()).toBe(0);
      await expect
        .poll(() => page.getByRole('alert').textContent(), { timeout: 15_000 })
        .toContain('could not load its math typesetting (KaTeX)');
      // The live view works without KaTeX.
      await panel.getByRole('img', { name: /feature maps of conv1/ }).waitFor({ timeout: 20_000 });
    } finally {
      await session.close();
    }
  });
});

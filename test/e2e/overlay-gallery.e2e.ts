// The overlay on the demo gallery: on every page the launcher opens an outline where every node has a built-in
// description; the layer views follow the pages' own predictions (moving-shapes' animation loop, draw-shapes'
// examples); axe finds nothing; screenshots in light and dark.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type GalleryServer } from '../../demos/server';
import { launchWithExtension, screenshot, watchConsole, type ExtensionSession } from './harness';
import { inShadow } from './overlay-pages';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const PAGES = [
  { path: '/demos/draw-shapes/', kind: 'layers' },
  { path: '/demos/moving-shapes/', kind: 'graph' },
  { path: '/demos/decision-regions/', kind: 'graph' },
  { path: '/demos/legacy-spiral/', kind: 'layers' },
] as const;

let session: ExtensionSession;
let server: GalleryServer;

beforeAll(async () => {
  server = await startServer({ port: 0 });
  session = await launchWithExtension({ extensionDir: process.env.LITERATE_EXTENSION_DIR });
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

async function openPanel(path: string, dark = false): Promise<Page> {
  const page = await session.context.newPage();
  if (dark) await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(`${server.url}${path}`);
  await page.getByRole('button', { name: 'Explain this model' }).click({ timeout: 30_000 });
  await page.getByRole('dialog', { name: 'Literate' }).getByRole('listitem').first().waitFor();
  return page;
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const result = await (window as any).axe.run(
      { include: [['literate-overlay', '.lt']] },
      { resultTypes: ['violations'] },
    );
    return result.violations.map((v: any) => `${v.id}: ${v.nodes.map((n: any) => n.html).join(' | ')}`);
  });
}

describe('overlay on the gallery', () => {
  for (const { path, kind } of PAGES) {
    it(`${path}: every node has a built-in description, and axe finds nothing`, async () => {
      const page = await openPanel(path);
      const seen = watchConsole(page);
      const panel = page.getByRole('dialog', { name: 'Literate' });
      expect(await panel.getByRole('region', { name: 'Model totals' }).textContent()).toContain(
        kind === 'layers' ? 'Layers' : 'Graph',
      );
      // Show everything, constants too: each row has the glossary's line, none says it has no description.
      const constants = panel.getByRole('checkbox', { name: /Show \d+ constants?/ });
      if (await constants.count()) await constants.check();
      while (await panel.getByRole('button', { name: /^Show \d+ more/ }).count()) {
        await panel.getByRole('button', { name: /^Show \d+ more/ }).click();
      }
      const glosses = await panel.locator('.gloss').allTextContents();
      expect(glosses.length).toBeGreaterThan(3);
      expect(glosses.filter((g) => g.includes('no built-in description'))).toEqual([]);
      expect(await axeViolations(page)).toEqual([]);
      expect(seen.errors).toEqual([]);
      await page.close();
    });
  }

  it('moving-shapes: graph ops get their output shapes from one of the page’s own calls', async () => {
    const page = await openPanel('/demos/moving-shapes/');
    const panel = page.getByRole('dialog', { name: 'Literate' });
    while (await panel.getByRole('button', { name: /^Show \d+ more/ }).count()) {
      await panel.getByRole('button', { name: /^Show \d+ more/ }).click();
    }
    const rows = panel.getByRole('listitem');
    // The graph JSON has no intermediate shapes; after the page's next frame every op row shows one.
    await expect
      .poll(async () => (await rows.count()) - (await panel.locator('li .shape').count()), {
        timeout: 20_000,
      })
      .toBe(0);
    const conv = panel.getByRole('button', { name: /Conv2D/ }).first();
    expect(await conv.locator('.shape').textContent()).toMatch(
      /^1\u202f×\u202f\d+\u202f×\u202f\d+\u202f×\u202f\d+$/,
    );
    expect(await page.evaluate(() => document.documentElement.dataset.demoError ?? '')).toBe('');
    await page.close();
  });

  it('moving-shapes: the first convolution’s feature maps change with the animation loop', async () => {
    const page = await openPanel('/demos/moving-shapes/');
    const panel = page.getByRole('dialog', { name: 'Literate' });
    await panel
      .getByRole('button', { name: /Conv2D/ })
      .first()
      .click();
    // Live views run only while on screen: with the shipped pack, its notes come first, so scroll to the view.
    await panel.locator('section.live').scrollIntoViewIfNeeded();
    await panel.getByRole('img', { name: /feature maps of/ }).waitFor({ timeout: 20_000 });
    const pixels = () =>
      inShadow<string>(page, `(root) => root.querySelector('.live canvas.pixelated').toDataURL()`);
    const first = await pixels();
    await expect.poll(pixels, { timeout: 20_000 }).not.toBe(first);
    await screenshot(page, 'overlay-gallery-moving-shapes');
    await page.close();
  });

  it('draw-shapes: the dense output’s probabilities follow the page’s examples (light and dark)', async () => {
    for (const dark of [false, true]) {
      const page = await openPanel('/demos/draw-shapes/', dark);
      const panel = page.getByRole('dialog', { name: 'Literate' });
      await panel.getByRole('button', { name: /^probs Dense/ }).click();
      await panel.getByRole('heading', { name: 'probs', level: 3 }).waitFor();
      await panel.locator('section.live').scrollIntoViewIfNeeded();
      const top = panel.getByRole('list', { name: 'Most likely classes' });
      const read = () => top.textContent();
      await page.getByRole('button', { name: 'Show an example' }).click();
      await top.waitFor({ timeout: 20_000 });
      const before = await read();
      // Each example is another class's sketch: the top classes shown must follow.
      await expect
        .poll(
          async () => {
            await page.getByRole('button', { name: 'Show an example' }).click();
            return read();
          },
          { timeout: 20_000 },
        )
        .not.toBe(before);
      await screenshot(page, `overlay-gallery-draw-shapes-${dark ? 'dark' : 'light'}`);
      await panel.getByRole('button', { name: 'All layers' }).click();
      await panel.getByRole('button', { name: /^conv1 Conv2D/ }).click();
      await panel.getByRole('img', { name: /filters as images/ }).waitFor({ timeout: 20_000 });
      await screenshot(page, `overlay-gallery-draw-shapes-conv1-${dark ? 'dark' : 'light'}`);
      await page.close();
    }
  });
});

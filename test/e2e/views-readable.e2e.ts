// Views a reader can read, on the draw-a-shape demo in real Chromium: a feature-map grid with channel labels and a
// colour bar whose values read out on hover and on keyboard focus (aria-live), an enlarged view that Escape closes
// (focus back on its button), a weight histogram with zero and its range, a dense layer's bars on axes; axe finds
// nothing in light or dark.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type GalleryServer } from '../../demos/server';
import { launchWithExtension, screenshot, watchConsole, type ExtensionSession } from './harness';
import { inShadow } from './overlay-pages';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const NUMBER = String.raw`-?\d[\d.,]*(e-?\d+)?`;

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

/** Shows the page's examples until the view's picture appears (live views follow the page's own predictions). */
async function untilShown(page: Page, picture: Locator): Promise<void> {
  await expect
    .poll(
      async () => {
        await page.getByRole('button', { name: 'Show an example' }).click();
        return picture.count();
      },
      { timeout: 20_000 },
    )
    .toBeGreaterThan(0);
}

const announced = (scope: Locator) => scope.locator('[aria-live="polite"]').first().textContent();

describe('views a reader can read', () => {
  for (const dark of [false, true]) {
    it(`draw-shapes (${dark ? 'dark' : 'light'}): values on hover and focus, enlarge, axes, legends, axe clean`, async () => {
      const page = await session.context.newPage();
      if (dark) await page.emulateMedia({ colorScheme: 'dark' });
      const seen = watchConsole(page);
      await page.goto(`${server.url}/demos/draw-shapes/`);
      await page.getByRole('button', { name: 'Explain this model' }).click({ timeout: 30_000 });
      const panel = page.getByRole('dialog', { name: 'Literate' });
      await panel.getByRole('listitem').first().waitFor();

      // conv1's live feature maps: a labelled grid, a colour bar with numbers, a text alternative with numbers.
      await panel.getByRole('button', { name: /^conv1 Conv2D/ }).click();
      await panel.locator('section.live').scrollIntoViewIfNeeded();
      const maps = panel.getByRole('img', { name: /feature maps of conv1/ });
      await untilShown(page, maps);
      expect(await maps.getAttribute('aria-label')).toMatch(
        new RegExp(
          `shape 1 × \\d+ × \\d+ × \\d+; min ${NUMBER}, max ${NUMBER}, mean ${NUMBER}.*Strongest channels`,
        ),
      );
      const live = panel.locator('section.live');
      const tiles = await live.locator('.tile-label').allTextContents();
      expect(tiles.slice(0, 3)).toEqual(['0', '1', '2']);
      expect(await live.locator('.color-bar .tick').count()).toBeGreaterThanOrEqual(2);
      expect(await live.locator('.color-bar-legend').textContent()).toMatch(/viridis|RdBu/);

      // Hover: the read-out names the cell under the pointer.
      const box = (await maps.boundingBox())!;
      await page.mouse.move(box.x + 4, box.y + 4);
      await expect
        .poll(() => live.locator('.readout').first().textContent())
        .toMatch(new RegExp(`^channel 0, row \\d+, column \\d+: ${NUMBER}$`));

      // Keyboard: focus starts at the first value; arrows and Page Down move, each move announced.
      await page.mouse.move(0, 0);
      await expect.poll(() => live.locator('.readable-marker').count()).toBe(0);
      const explorer = panel.getByRole('application', { name: /feature maps of conv1/ });
      await explorer.focus();
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => announced(live)).toMatch(new RegExp(`^channel 0, row 0, column 1: ${NUMBER}$`));
      await page.keyboard.press('PageDown');
      await page.keyboard.press('ArrowDown');
      await expect.poll(() => announced(live)).toMatch(new RegExp(`^channel 1, row 1, column 1: ${NUMBER}$`));
      expect(await live.locator('.readable-marker').count()).toBe(1);

      // Enlarge: a modal dialog with the same view, larger; Escape closes it and focus returns to its button.
      const enlarge = live.getByRole('button', { name: /^Enlarge: .*feature maps of conv1/ });
      const smallWidth = box.width;
      await enlarge.click();
      const dialog = page.getByRole('dialog', { name: /feature maps of conv1/ });
      await dialog.waitFor();
      // Modal: the page is inert behind it, so the enlarged view shows the frame it opened with.
      await dialog.getByRole('img', { name: /feature maps of conv1/ }).waitFor();
      const large = (await dialog.getByRole('img', { name: /feature maps of conv1/ }).boundingBox())!;
      expect(large.width).toBeGreaterThan(smallWidth * 1.5);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `views-readable-enlarged-${dark ? 'dark' : 'light'}`);
      await page.keyboard.press('Escape');
      await expect.poll(() => dialog.count()).toBe(0);
      await expect.poll(() => panel.isVisible()).toBe(true);
      await expect
        .poll(() =>
          inShadow<string | null>(page, `(root) => root.activeElement?.getAttribute('aria-label') ?? null`),
        )
        .toMatch(/^Enlarge: .*feature maps of conv1/);

      // conv1's weights: a histogram on axes with zero and the range; a bin reads out from the keyboard.
      const weights = panel.locator('.weights-view');
      const histogram = weights.getByRole('application', { name: /^Histogram of kernel/ });
      await histogram.scrollIntoViewIfNeeded();
      const xTicks = await weights.locator('.axis-x .tick').allTextContents();
      expect(xTicks).toContain('0');
      expect(xTicks.length).toBeGreaterThanOrEqual(2);
      expect(
        await weights.getByRole('img', { name: /^Histogram of kernel/ }).getAttribute('aria-label'),
      ).toMatch(
        new RegExp(
          `48 bins from ${NUMBER} to ${NUMBER}; min ${NUMBER}, max ${NUMBER}, mean ${NUMBER}.*Fullest bin`,
        ),
      );
      await histogram.focus();
      await page.keyboard.press('End');
      await expect
        .poll(() => announced(weights))
        .toMatch(new RegExp(`^${NUMBER} to ${NUMBER}: \\d+ values?$`));
      expect(await weights.getByRole('img', { name: /filters as images.*min/ }).count()).toBe(1);

      // dense1's activations: bars on axes (zero among the value ticks), one unit read out at a time.
      await panel.getByRole('button', { name: 'All layers' }).click();
      await panel.getByRole('button', { name: /^dense1 Dense/ }).click();
      await panel.locator('section.live').scrollIntoViewIfNeeded();
      const bars = panel.getByRole('img', { name: /^Activations: 32 values/ });
      await untilShown(page, bars);
      expect(await bars.getAttribute('aria-label')).toMatch(/Largest: unit \d+ /);
      const vector = panel.locator('section.live');
      expect(await vector.locator('.axis-y .tick').allTextContents()).toContain('0');
      await panel.getByRole('application', { name: /^Activations/ }).focus();
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => announced(vector)).toMatch(new RegExp(`^unit 1: ${NUMBER}$`));

      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `views-readable-dense-${dark ? 'dark' : 'light'}`);
      expect(seen.errors).toEqual([]);
      await page.close();
    });
  }
});

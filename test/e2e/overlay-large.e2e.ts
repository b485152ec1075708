// A posenet-sized graph model (302 nodes, 120 of them Consts): constants folded into their ops, the list paged,
// filtered, and how fast the outline appears (model found → launcher, click → outline), written to a JSON file.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type GalleryServer } from '../../demos/server';
import { ARTIFACTS_DIR, launchWithExtension, screenshot, type ExtensionSession } from './harness';
import { deepGraphFiles, deepGraphRoutes, inShadow, overlayRoutes } from './overlay-pages';

const BLOCKS = 30;
let session: ExtensionSession;
let server: GalleryServer;

beforeAll(async () => {
  server = await startServer({ port: 0, routes: [...overlayRoutes(), ...deepGraphRoutes(BLOCKS)] });
  session = await launchWithExtension({ extensionDir: process.env.LITERATE_EXTENSION_DIR });
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

/** Milliseconds between two performance marks/values in the page (the overlay's marks share the page timeline). */
interface Marks {
  modelReady: number;
  launcher: number;
  opened: number;
  outline: number;
}

function marks(page: import('playwright-core').Page): Promise<Marks> {
  return page.evaluate(() => {
    const at = (name: string) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
    return {
      modelReady: (window as any).modelReadyAt ?? NaN,
      launcher: at('literate:launcher-visible'),
      opened: at('literate:panel-opened'),
      outline: at('literate:outline-visible'),
    };
  });
}

describe('overlay: a large graph', () => {
  it('folds constants, pages and filters the node list', async () => {
    const { ops, consts } = deepGraphFiles(BLOCKS);
    expect([ops, consts]).toEqual([182, 120]);
    const page = await session.context.newPage();
    await page.goto(`${server.url}/overlay/deep.html`);
    await page.waitForSelector('html[data-ready="1"]');
    await page.getByRole('button', { name: 'Explain this model' }).click();
    const panel = page.getByRole('dialog', { name: 'Literate' });
    const list = panel.getByRole('list', { name: /ops$/ });
    const rows = list.getByRole('listitem');
    await expect.poll(() => rows.count()).toBe(100);
    expect(await panel.getByRole('heading', { name: /^182 ops$/ }).count()).toBe(1);
    // A convolution row stands for its kernel constant: its parameters and '+ 1 constant'.
    const pointwise = rows.filter({ hasText: 'block1/pointwise' }).filter({ hasText: 'Conv2D' });
    expect(await pointwise.locator('.params').textContent()).toContain('64');
    expect(await pointwise.locator('.consts').textContent()).toContain('1 constant');
    await screenshot(page, 'overlay-large-outline');

    await panel.getByRole('button', { name: /Show 82 more/ }).click();
    await expect.poll(() => rows.count()).toBe(182);
    // Focus went on to the first row that was not shown before.
    const firstNew = await rows.nth(100).getByRole('button').getAttribute('data-node-id');
    await expect
      .poll(() => inShadow<string>(page, `(root) => root.activeElement?.dataset.nodeId ?? ''`))
      .toBe(firstNew);

    await panel.getByRole('checkbox', { name: 'Show 120 constants' }).check();
    await expect.poll(() => rows.count()).toBe(100);
    expect(await panel.getByRole('heading', { name: /^302 ops$/ }).count()).toBe(1);
    await panel.getByRole('checkbox', { name: 'Show 120 constants' }).uncheck();

    await panel.getByRole('searchbox').fill('block7 relu6');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await panel.getByRole('heading', { name: /^2 of 182 ops$/ }).count()).toBe(1);
    await panel.getByRole('searchbox').fill('depthwise convolution block12');
    await expect.poll(() => rows.count()).toBe(1);
    await rows.first().getByRole('button').click();
    await panel.getByRole('heading', { name: 'block12/depthwise', level: 3 }).waitFor();
    expect(await panel.textContent()).toContain('Filters each input channel on its own');
    await panel.getByRole('img', { name: /feature maps of block12\/depthwise/ }).waitFor({ timeout: 20_000 });
    await screenshot(page, 'overlay-large-depthwise');
    await page.close();
  });

  it('measures model found → launcher and click → outline', async () => {
    const results: Record<string, string | number>[] = [];
    for (const path of ['/overlay/cnn.html', '/overlay/deep.html']) {
      const page = await session.context.newPage();
      await page.goto(`${server.url}${path}`);
      await page.waitForSelector('html[data-ready="1"]');
      const launcher = page.getByRole('button', { name: 'Explain this model' });
      await launcher.waitFor();
      await launcher.click();
      await page.getByRole('dialog', { name: 'Literate' }).getByRole('listitem').first().waitFor();
      await expect.poll(async () => Number.isFinite((await marks(page)).outline)).toBe(true);
      const m = await marks(page);
      results.push({
        page: path,
        launcherAfterModelMs: Math.round(m.launcher - m.modelReady),
        launcherAfterNavigationMs: Math.round(m.launcher),
        outlineAfterClickMs: Math.round(m.outline - m.opened),
      });
      expect(m.outline).toBeGreaterThanOrEqual(m.opened);
      await page.close();
    }
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    writeFileSync(join(ARTIFACTS_DIR, 'overlay-timing.json'), JSON.stringify(results, null, 2));
    console.log('overlay timing', JSON.stringify(results));
  });
});

// The overlay on the ONNX gallery pages, in real Chromium with the real extension and its shipped packs: a reader
// sees the outline (ONNX Runtime Web named, every op glossed), the diagram, a live view that follows the page's own
// session.run calls, and the page's pack with every example run and every claim holding (the page probe runs them
// on the page's session); the page's outputs are untouched meanwhile; axe finds nothing.

import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Pack } from '../../annotations/format/types';
import { startServer, type GalleryServer } from '../../demos/server';
import { ROOT, screenshot, watchConsole, type ExtensionSession } from './harness';
import { launchLiterate } from './hook-fixtures/extension';
import { launchPlain } from './hook-fixtures/plain';
import { axeOverlay } from './overlay-packs-support';

const POLL = { timeout: 60_000 };

const PAGES = [
  {
    name: 'onnx-image',
    output: 'probabilities',
    title: 'A small CNN on ONNX Runtime Web names shapes, frame by frame',
  },
  {
    name: 'onnx-text',
    output: 'logits',
    title: 'Review sentiment with transformers.js, read on ONNX Runtime Web',
  },
] as const;

let server: GalleryServer;
let session: ExtensionSession;

beforeAll(async () => {
  server = await startServer({ port: 0 });
  session = await launchLiterate();
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

function shipped(name: string): Pack {
  return JSON.parse(readFileSync(`${ROOT}/annotations/packs/${name}.json`, 'utf8')) as Pack;
}

const text = (l: Locator) => async () =>
  (await l.count()) > 0 ? ((await l.first().textContent()) ?? '').replace(/\s+/g, ' ').trim() : '';

async function openPanel(path: string): Promise<{ page: Page; panel: Locator }> {
  const page = await session.context.newPage();
  await page.setViewportSize({ width: 1600, height: 1000 });
  await page.goto(`${server.url}${path}`);
  await page.getByRole('button', { name: 'Explain this model' }).click({ timeout: 30_000 });
  const panel = page.getByRole('dialog', { name: 'Literate' });
  await panel.locator('.pack-head').waitFor({ timeout: 30_000 });
  return { page, panel };
}

describe('the overlay on the ONNX pages', () => {
  for (const { name, output, title } of PAGES) {
    it(`${name}: outline, pack, every example run and every claim holding through the page's session`, async () => {
      const pack = shipped(name);
      const examples = pack.items.filter((a) => a.kind === 'example').length;
      const checks = pack.items.filter((a) => a.kind === 'check').length;
      const { page, panel } = await openPanel(`/demos/${name}/`);
      const seen = watchConsole(page);
      await expect.poll(text(panel.locator('.pack-head')), POLL).toContain(title);
      await expect
        .poll(text(panel.getByRole('region', { name: 'Model totals' })), POLL)
        .toContain('ONNX Runtime Web');
      const glosses = await panel.locator('.gloss').allTextContents();
      expect(glosses.length).toBeGreaterThan(3);
      expect(glosses.filter((g) => g.includes('no built-in description'))).toEqual([]);

      const summary = panel.getByTestId('checks-summary');
      await expect.poll(text(summary), POLL).toMatch(new RegExp(`^${checks} claims, not checked yet`));
      await panel.getByRole('button', { name: 'Run all checks' }).click();
      await panel.getByRole('button', { name: 'Run all checks' }).waitFor({ timeout: 90_000 });
      await expect
        .poll(text(summary), POLL)
        .toMatch(
          new RegExp(`^${checks} of ${checks} claims hold · ${examples} of ${examples} examples run$`),
        );
      await screenshot(page, `onnx-overlay-${name}-checks`);

      // The output's live view follows the page's own runs: its update count keeps growing.
      await panel.locator(`.node-button[data-node-id="${output}"]`).first().click();
      await panel.locator('section.live').scrollIntoViewIfNeeded();
      const status = panel.locator('section.live .live-status');
      const updates = async () => Number(/(\d+) updates?/.exec(await text(status)())?.[1] ?? 0);
      await expect.poll(updates, { timeout: 30_000 }).toBeGreaterThan(0);
      const first = await updates();
      await expect.poll(updates, { timeout: 30_000 }).toBeGreaterThan(first + 1);
      await screenshot(page, `onnx-overlay-${name}-live`);
      expect(await axeOverlay(page)).toEqual([]);
      expect(seen.errors).toEqual([]);
      await page.close();
    });

    it(`${name}: the diagram opens on the ONNX graph`, async () => {
      const { page, panel } = await openPanel(`/demos/${name}/`);
      await panel.getByRole('button', { name: 'Diagram', exact: true }).click({ timeout: 30_000 });
      const diagram = panel.getByRole('region', { name: 'Diagram' });
      await diagram.waitFor();
      await expect.poll(() => diagram.locator(`[data-node-id="${output}"]`).count(), POLL).toBeGreaterThan(0);
      await screenshot(page, `onnx-overlay-${name}-diagram`);
      await page.close();
    });
  }

  it('onnx-image: examples and checks run on the page’s session while its loop runs, and its outputs stay bit-identical', async () => {
    const url = `${server.url}/demos/onnx-image/?frames=600`;
    const digestOf = async (page: Page) => {
      await page.waitForSelector('html[data-demo-done]', { timeout: 90_000 });
      return page.evaluate(() => ({ ...document.documentElement.dataset }));
    };
    const plain = await launchPlain();
    const control = await plain.newPage();
    await control.goto(url);
    const reference = await digestOf(control);
    await plain.close();
    expect(reference.demoDone).toBe('1');

    const page = await session.context.newPage();
    await page.setViewportSize({ width: 1600, height: 1000 });
    await page.goto(url);
    await page.getByRole('button', { name: 'Explain this model' }).click({ timeout: 30_000 });
    const panel = page.getByRole('dialog', { name: 'Literate' });
    await panel.locator('.pack-head').waitFor({ timeout: 30_000 });
    const running = await page.evaluate(() => document.documentElement.dataset.demoDone ?? null);
    await panel.getByRole('button', { name: 'Run all checks' }).click();
    await panel.getByRole('button', { name: 'Run all checks' }).waitFor({ timeout: 90_000 });
    await expect
      .poll(text(panel.getByTestId('checks-summary')), POLL)
      .toMatch(/^19 of 19 claims hold · 5 of 5 examples run/);
    // The checks ran while the page was still classifying its frames (600 frames take ten seconds or more at 60 fps).
    expect(running).toBeNull();
    expect(await digestOf(page)).toEqual(reference);
    await page.close();
  });

  it('onnx-image: a live view on an inner node (relu1) updates from the side session; the page’s outputs stay bit-identical', async () => {
    const url = `${server.url}/demos/onnx-image/?frames=600`;
    const done = async (page: Page) => {
      await page.waitForSelector('html[data-demo-done]', { timeout: 90_000 });
      return page.evaluate(() => ({ ...document.documentElement.dataset }));
    };
    const plain = await launchPlain();
    const control = await plain.newPage();
    await control.goto(url);
    const reference = await done(control);
    await plain.close();

    const page = await session.context.newPage();
    await page.setViewportSize({ width: 1600, height: 1000 });
    const seen = watchConsole(page);
    await page.goto(url);
    await page.getByRole('button', { name: 'Explain this model' }).click({ timeout: 30_000 });
    const panel = page.getByRole('dialog', { name: 'Literate' });
    await panel.locator('.pack-head').waitFor({ timeout: 30_000 });
    await panel.locator('.node-button[data-node-id="relu1"]').first().click();
    await panel.locator('section.live').scrollIntoViewIfNeeded();
    const status = panel.locator('section.live .live-status');
    const updates = async () => Number(/(\d+) updates?/.exec(await text(status)())?.[1] ?? 0);
    await expect.poll(updates, { timeout: 30_000 }).toBeGreaterThan(2);
    // relu1 is [1, 16, 32, 32], channels first: 16 maps of 32 × 32 (read channels last it was 32 maps of 16 × 32).
    const maps = panel.locator('section.live figure.maps');
    expect(await text(maps.locator('figcaption'))()).toContain('16 of 16 feature maps of relu1, 32 × 32');
    expect(await maps.locator('.tile-label').count()).toBe(16);
    expect(await page.evaluate(() => document.documentElement.dataset.demoDone ?? null)).toBeNull();
    await screenshot(page, 'onnx-overlay-onnx-image-relu1');
    expect(await done(page)).toEqual(reference);
    expect(seen.errors).toEqual([]);
    await page.close();
  });
});

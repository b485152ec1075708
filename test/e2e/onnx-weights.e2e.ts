// ONNX weights in real Chromium with the real extension on the onnx-image gallery page: the model view's weights
// digest equals the CLI's for the same .onnx file, and the first Conv's weights view shows its 16 filters as
// pictures (read channels first: [16, 3, 3, 3]) and a histogram of its kernel and bias; axe finds nothing.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestOnnxSource } from '../../cli/check/onnx-weights-digest';
import { startServer, type GalleryServer } from '../../demos/server';
import { ROOT, screenshot, watchConsole, type ExtensionSession } from './harness';
import { launchLiterate } from './hook-fixtures/extension';
import { axeOverlay } from './overlay-packs-support';

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

describe('ONNX weights', () => {
  it('onnx-image: the weights digest equals the CLI’s, and conv1’s weights view draws its filters and histograms', async () => {
    const cli = await digestOnnxSource(`${ROOT}/demos/onnx-models/shapes-cnn-onnx/model.onnx`);
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 1600, height: 1000 });
    const seen = watchConsole(page);
    await page.goto(`${server.url}/demos/onnx-image/`);
    await page.getByRole('button', { name: 'Explain this model' }).click({ timeout: 30_000 });
    const panel = page.getByRole('dialog', { name: 'Literate' });
    await panel.locator('.pack-head').waitFor({ timeout: 30_000 });

    const digestSection = panel.getByRole('region', { name: 'Weights digest' });
    await digestSection.getByRole('button', { name: 'Compute the weights digest' }).click();
    const shown = digestSection.getByTestId('weights-digest');
    await shown.waitFor({ timeout: 30_000 });
    expect((await shown.textContent())?.trim()).toBe(cli.digest);
    expect(await digestSection.textContent()).toContain('8 weights');

    await panel.locator('.node-button[data-node-id="conv1"]').first().click();
    const view = panel.locator('section.weights-view');
    await view.waitFor({ timeout: 30_000 });
    await view.scrollIntoViewIfNeeded();
    const captions = (await view.locator('figcaption').allTextContents()).map((c) => c.replace(/\s+/g, ' '));
    expect(captions).toEqual(['conv1.weight 16 × 3 × 3 × 3', 'conv1.bias 16']);
    const filters = view.getByRole('img', { name: /^16 filters as images, 3 × 3/ });
    await filters.waitFor();
    // The pictures are painted: many colours, not one flat grey.
    const colours = await filters.evaluate((canvas: HTMLCanvasElement) => {
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      const seen = new Set<number>();
      for (let i = 0; i < data.length; i += 4)
        seen.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
      return seen.size;
    });
    expect(colours).toBeGreaterThan(20);
    expect(await view.getByRole('img', { name: /Histogram|values/ }).count()).toBeGreaterThanOrEqual(2);
    await screenshot(page, 'onnx-weights-conv1');
    expect(await axeOverlay(page)).toEqual([]);
    expect(seen.errors).toEqual([]);
    await page.close();
  });
});

// ONNX Runtime Web discovery through the whole extension in real Chromium: on the script-tag page (global `ort`) and
// on the webpack-bundled transformers.js page (no global), the badge counts the session, the popup names the runtime,
// the outline describes the ONNX model (ops, parameters, runtime) and a live view follows the page's own run calls;
// closing the panel ends every subscription.

import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type GalleryServer } from '../../demos/server';
import { formatNumber } from '../../extension/ui/i18n';
import { describeOnnxBytes } from '../../model/onnx/describe-onnx';
import { openPopup, screenshot, tabIdOf, waitForBadge, watchConsole, type ExtensionSession } from './harness';
import { launchLiterate } from './hook-fixtures/extension';
import { isolatedWorld } from './hook-fixtures/isolated';

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

/** The parameter count the outline must show, from the model file itself. */
function paramsOf(path: string): number {
  const bytes = new Uint8Array(readFileSync(new URL(`../../${path}`, import.meta.url)));
  const context = {
    id: 'x',
    sourceUrl: null,
    origin: 'memory',
    executionProvider: null,
    runtimeVersion: null,
  } as const;
  return describeOnnxBytes(bytes, context).totals.params;
}

async function liveSubscriptions(page: Page): Promise<number> {
  const world = await isolatedWorld(page, session.extensionId);
  try {
    return await world.evaluate<number>(`globalThis[Symbol.for('literate.content-api')].subscriptions.size`);
  } finally {
    await world.close();
  }
}

async function popupText(
  tabId: number,
  runtime = 'ONNX Runtime Web',
): Promise<{ summary: string; models: string }> {
  const popup = await openPopup(session, tabId);
  const summary = popup.getByTestId('summary');
  await expect.poll(() => summary.textContent()).toContain(runtime);
  const result = {
    summary: (await summary.textContent()) ?? '',
    models: (await popup.getByRole('list', { name: 'Models on this tab' }).textContent()) ?? '',
  };
  await popup.close();
  return result;
}

async function openOutline(page: Page, modelName: string): Promise<Locator> {
  await page.getByRole('button', { name: 'Explain this model' }).click();
  const panel = page.getByRole('dialog', { name: 'Literate' });
  await panel.waitFor();
  await expect
    .poll(() => panel.getByRole('heading', { name: modelName }).count(), { timeout: 20_000 })
    .toBe(1);
  return panel;
}

/** Scrolls the node's live view into sight (it subscribes only while shown); returns a reader of its update count. */
async function watchLive(panel: Locator): Promise<() => Promise<number>> {
  const live = panel.getByRole('region', { name: 'Live values' });
  await live.scrollIntoViewIfNeeded();
  return async () =>
    Number(/^(\d+) updates?$/.exec((await live.locator('.live-status').textContent()) ?? '')?.[1] ?? 0);
}

/** Closing the panel ends the view's subscription (the pack's notes on the page may keep their own live values). */
async function closeAndCheckUnsubscribed(page: Page, panel: Locator, before: number): Promise<void> {
  await page.keyboard.press('Escape');
  await panel.waitFor({ state: 'detached' });
  await expect.poll(() => liveSubscriptions(page)).toBeLessThanOrEqual(before);
}

describe('ONNX Runtime Web, script tag (onnx-image)', () => {
  it('badge, popup, outline and a live view of the page’s own outputs', async () => {
    const page = await session.context.newPage();
    const seen = watchConsole(page);
    await page.goto(`${server.url}/demos/onnx-image/`);
    const tabId = await tabIdOf(session, page);
    expect(await waitForBadge(session, tabId, '1', 30_000)).toBe('1');

    const popup = await popupText(tabId);
    expect(popup.summary).toContain('ONNX Runtime Web 1.31.1, wasm');
    expect(popup.models).toContain('model.onnx');
    expect(popup.models).toContain('ONNX');

    const panel = await openOutline(page, 'model.onnx');
    const list = panel.getByRole('list', { name: 'model.onnx ops' });
    await expect.poll(() => list.getByRole('listitem').count()).toBeGreaterThanOrEqual(13);
    const chips = await list.locator('.chip').allTextContents();
    expect(chips).toEqual(
      expect.arrayContaining(['Conv', 'MaxPool', 'GlobalAveragePool', 'Gemm', 'Softmax']),
    );
    const conv = list.getByRole('listitem').filter({ has: page.locator('.chip', { hasText: /^Conv$/ }) });
    expect(await conv.first().locator('.gloss').textContent()).toContain('Slides small learned filters');
    const totals = (await panel.getByRole('region', { name: 'Model totals' }).textContent()) ?? '';
    expect(totals).toContain(formatNumber(paramsOf('demos/onnx-models/shapes-cnn-onnx/model.onnx')));
    expect(totals).toContain('wasm');
    expect(totals).toContain('ONNX Runtime Web');
    expect(totals).toContain('1.31.1');
    await screenshot(page, 'onnx-image-outline');

    // The output node: its live values come from the page's own run calls (a softmax: the most likely classes).
    const before = await liveSubscriptions(page);
    await panel.getByRole('button', { name: /^probabilities Softmax/ }).click();
    const updates = await watchLive(panel);
    await expect.poll(updates, { timeout: 20_000 }).toBeGreaterThan(1);
    const top = panel.getByRole('list', { name: 'Most likely classes' });
    await expect.poll(() => top.getByRole('listitem').count()).toBeGreaterThanOrEqual(3);
    expect(await top.textContent()).toMatch(/(circle|square|triangle|star|cross|ring)\s*\d+\.\d\s*%/);
    expect(await liveSubscriptions(page)).toBeGreaterThan(before);
    await screenshot(page, 'onnx-image-live');

    await closeAndCheckUnsubscribed(page, panel, before);
    expect(seen.errors).toEqual([]);
    await page.close();
  });
});

describe('transformers.js 4 bundled (onnx-text): no global ort', () => {
  it('badge, popup, outline and the live logits', async () => {
    const page = await session.context.newPage();
    const seen = watchConsole(page);
    await page.goto(`${server.url}/demos/onnx-text/`);
    expect(await page.evaluate(() => typeof (window as unknown as { ort?: unknown }).ort)).toBe('undefined');
    const tabId = await tabIdOf(session, page);
    // One model: the pipeline's; transformers.js's tiny tensor-op helper sessions are not counted.
    expect(await waitForBadge(session, tabId, '1', 30_000)).toBe('1');

    // Its version: no `ort` global, so the bundle's own text names it (transformers.js pins a dev build).
    const bundledOrt = (
      JSON.parse(
        readFileSync(
          'node_modules/@huggingface/transformers/node_modules/onnxruntime-web/package.json',
          'utf8',
        ),
      ) as { version: string }
    ).version;
    const popup = await popupText(tabId, `ONNX Runtime Web ${bundledOrt}, wasm`);
    expect(popup.summary).toContain(`ONNX Runtime Web ${bundledOrt}, wasm`);

    // transformers.js creates the session from bytes: the model is named by its ONNX graph.
    const panel = await openOutline(page, 'sentiment_tiny');
    const list = panel.getByRole('list', { name: 'sentiment_tiny ops' });
    await expect.poll(() => list.getByRole('listitem').count()).toBeGreaterThanOrEqual(15);
    const chips = await list.locator('.chip').allTextContents();
    expect(chips).toEqual(expect.arrayContaining(['Gather', 'Conv', 'Gemm']));
    const totals = (await panel.getByRole('region', { name: 'Model totals' }).textContent()) ?? '';
    expect(totals).toContain(formatNumber(paramsOf('demos/onnx-models/sentiment-tiny/onnx/model.onnx')));
    expect(totals).toContain(bundledOrt);
    await screenshot(page, 'onnx-text-outline');

    // The logits: live from the pipeline's own session.run calls on the review feed.
    const before = await liveSubscriptions(page);
    await panel.getByRole('button', { name: /^logits Gemm/ }).click();
    const updates = await watchLive(panel);
    await expect.poll(updates, { timeout: 30_000 }).toBeGreaterThan(1);
    expect(await liveSubscriptions(page)).toBeGreaterThan(before);
    await screenshot(page, 'onnx-text-live');

    await closeAndCheckUnsubscribed(page, panel, before);
    expect(seen.errors).toEqual([]);
    await page.close();
  });
});

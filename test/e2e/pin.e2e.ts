// An explained model stays explorable (issue 16.1), in real Chromium with the built extension: a page loads a model
// from a URL, predicts once and lets go of it, while another model runs in an endless requestAnimationFrame loop.
// With a forced garbage collection: a model pinned by the open panel before the page drops it keeps answering probes
// and weight reads; one the browser already reclaimed is loaded again from its URL (same fingerprint, same outputs)
// and released when the reader closes the panel (tensor count back at baseline); the badge counts the models the page
// still holds and the panel opens on the running one (also while the page keeps a model it no longer calls); the
// page's outputs stay bit-identical throughout.

import * as tf from '@tensorflow/tfjs';
import type { CDPSession, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TFJS_UMD } from './fixtures';
import { screenshot, tabIdOf, waitForBadge, badgeText, watchConsole, type ExtensionSession } from './harness';
import { launchLiterate } from './hook-fixtures/extension';
import { RECORDER, isolatedWorld, type IsolatedWorld } from './hook-fixtures/isolated';
import { bytes, html, startHookServer, type HookServer } from './hook-fixtures/server';

const TF4 = TFJS_UMD['4.22.0']!;
const INPUT = [1, 2, 3, 4];

/** A small layers model as a page would fetch it: model.json and one weights file, deterministic weights. */
async function droppedModelFiles(): Promise<{ json: string; weights: Uint8Array }> {
  await tf.setBackend('cpu');
  const model = tf.sequential({
    name: 'dropped',
    layers: [
      tf.layers.dense({ name: 'd1', units: 3, inputShape: [4], activation: 'relu' }),
      tf.layers.dense({ name: 'd2', units: 2 }),
    ],
  });
  let s = 3;
  for (const layer of model.layers) {
    layer.setWeights(
      layer.getWeights().map((w) =>
        tf.tensor(
          Array.from({ length: w.size }, () => (s = (s * 48271) % 2147483647) / 2147483647 - 0.3),
          w.shape,
        ),
      ),
    );
  }
  let artifacts: tf.io.ModelArtifacts | null = null;
  await model.save(
    tf.io.withSaveHandler(async (a) => {
      artifacts = a;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  const a = artifacts as unknown as tf.io.ModelArtifacts;
  const json = JSON.stringify({
    format: 'layers-model',
    generatedBy: 'literate pin e2e',
    convertedBy: null,
    modelTopology: a.modelTopology,
    weightsManifest: [{ paths: ['weights.bin'], weights: a.weightSpecs }],
  });
  return { json, weights: new Uint8Array(a.weightData as ArrayBuffer) };
}

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pin</title><link rel="icon" href="data:,">
<script src="${TF4}"></script></head><body><main><h1>Two models</h1><output id="out"></output></main><script>
async function predictOnce() {
  const model = await tf.loadLayersModel('/pin/dropped/model.json');
  const y = tf.tidy(() => model.predict(tf.tensor2d([${INPUT.join(', ')}], [1, 4])));
  window.firstOutput = Array.from(await y.data());
  y.dispose();
  // Kept until the test drops it (a real page drops it at once; the hook must have counted it first).
  window.kept = model;
}
(async () => {
  await tf.setBackend('cpu');
  await predictOnce();
  const running = tf.sequential({ name: 'running', layers: [tf.layers.dense({ units: 2, inputShape: [3] })] });
  const x = tf.tensor2d([[0.5, 0.25, 1]]);
  window.frames = 0;
  const loop = () => {
    const out = tf.tidy(() => running.predict(x));
    const values = Array.from(out.dataSync());
    out.dispose();
    window.firstRun ??= values;
    if (values.some((v, i) => v !== window.firstRun[i])) window.changed = true;
    document.getElementById('out').textContent = values.join(' ');
    window.frames++;
    requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
  window.ready = true;
})();
</script></body></html>`;

let server: HookServer;
let session: ExtensionSession;

beforeAll(async () => {
  const files = await droppedModelFiles();
  server = await startHookServer([
    { path: '/pin/page.html', handler: html(PAGE) },
    { path: '/pin/dropped/model.json', handler: bytes(files.json, 'application/json') },
    { path: '/pin/dropped/weights.bin', handler: bytes(files.weights) },
  ]);
  session = await launchLiterate();
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

interface Opened {
  page: Page;
  tabId: number;
  world: IsolatedWorld;
  cdp: CDPSession;
  panel: Locator;
  /** Everything the page's console and error events said (Literate must add nothing). */
  console: { messages: string[]; errors: string[] };
}

async function open(): Promise<Opened> {
  const page = await session.context.newPage();
  const seen = watchConsole(page);
  await page.goto(`${server.url}/pin/page.html`);
  await page.waitForFunction(() => (window as any).ready === true && (window as any).frames > 2);
  const tabId = await tabIdOf(session, page);
  expect(await waitForBadge(session, tabId, '2')).toBe('2');
  const world = await isolatedWorld(page, session.extensionId);
  expect(await world.evaluate(RECORDER)).toBe(true);
  const cdp = await session.context.newCDPSession(page);
  return { page, tabId, world, cdp, panel: page.getByRole('dialog', { name: 'Literate' }), console: seen };
}

const pageState = (page: Page) =>
  page.evaluate(() => {
    const w = window as any;
    return { tensors: w.tf.memory().numTensors as number, frames: w.frames as number, changed: !!w.changed };
  });

const probeDropped = (world: IsolatedWorld): Promise<number[] | string> =>
  world.evaluate(`__t.api.probe(__t.modelId('dropped'), { type: 'tensor', shape: [1, 4], values: ${JSON.stringify(INPUT)} },
    ['d2']).then((v) => Array.from(new Float32Array(v[0].buffer)), (e) => String(e && e.message || e))`);
const weightsOfDropped = (world: IsolatedWorld): Promise<number[][] | string> =>
  world.evaluate(`__t.api.readWeights(__t.modelId('dropped'), 'd1').then((ws) => ws.map((w) => w.shape),
    (e) => String(e && e.message || e))`);
const holdOf = (world: IsolatedWorld, name: string): Promise<string | null> =>
  world.evaluate(
    `(__t.api.snapshot().models.find((m) => m.name === ${JSON.stringify(name)}) || {}).hold || null`,
  );

async function collect(o: Opened): Promise<void> {
  await o.cdp.send('HeapProfiler.collectGarbage');
  await o.page.waitForTimeout(50);
}

describe('pin: an explained model stays explorable', () => {
  it('pinned by the open panel before the page drops it: probes and weights keep working; closing lets it go', async () => {
    const o = await open();
    const firstOutput = await o.page.evaluate(() => (window as any).firstOutput as number[]);
    await o.page.getByRole('button', { name: 'Explain this model' }).click({ timeout: 30_000 });
    await o.panel.getByRole('tab', { name: /dropped/ }).click();
    await expect.poll(() => holdOf(o.world, 'dropped'), { timeout: 10_000 }).toBe('pinned');
    await o.page.evaluate(() => delete (window as any).kept);
    for (let i = 0; i < 3; i++) await collect(o);
    expect(await holdOf(o.world, 'dropped')).toBe('pinned');
    expect(await probeDropped(o.world)).toEqual(firstOutput);
    expect(await weightsOfDropped(o.world)).toEqual([[4, 3], [3]]);
    // The reader closes the panel: the model is let go, and the browser reclaims it.
    await o.panel.getByRole('button', { name: 'Close Literate panel' }).click();
    await expect
      .poll(async () => (await collect(o), holdOf(o.world, 'dropped')), { timeout: 20_000 })
      .toBe('collected');
    expect(await waitForBadge(session, o.tabId, '1')).toBe('1');
    expect(await probeDropped(o.world)).toMatch(/the page has let go of this model/);
    const after = await pageState(o.page);
    expect(after.changed).toBe(false);
    expect(o.console).toEqual({ messages: [], errors: [] });
    await o.cdp.detach();
    await o.world.close();
    await o.page.close();
  });

  it('the page keeps a model it no longer calls: the panel opens on the one it is calling', async () => {
    const o = await open();
    // Both held (the dropped model is still kept), the first loaded is the one the page stopped calling.
    expect(await holdOf(o.world, 'dropped')).toBe(null);
    await o.page.getByRole('button', { name: 'Explain this model' }).click({ timeout: 30_000 });
    await expect
      .poll(async () => (await o.panel.getByRole('tab', { selected: true }).textContent()) ?? '', {
        timeout: 10_000,
      })
      .toMatch(/^running/);
    expect((await pageState(o.page)).changed).toBe(false);
    expect(o.console).toEqual({ messages: [], errors: [] });
    await o.cdp.detach();
    await o.world.close();
    await o.page.close();
  });

  it('reclaimed before the reader opens it: loaded again from its URL, same outputs, released on close', async () => {
    const o = await open();
    const firstOutput = await o.page.evaluate(() => (window as any).firstOutput as number[]);
    // The fingerprint the reloaded copy must match (recorded by the hook while the page held the model).
    const fingerprint = await o.world.evaluate<string>(
      `__t.api.describe(__t.modelId('dropped')).then((g) => g.fingerprint)`,
    );
    await o.page.evaluate(() => delete (window as any).kept);
    await expect
      .poll(async () => (await collect(o), holdOf(o.world, 'dropped')), { timeout: 20_000 })
      .toBe('collected');
    // The badge counts what the page still runs.
    expect(await waitForBadge(session, o.tabId, '1')).toBe('1');
    const baseline = (await pageState(o.page)).tensors;

    await o.page.getByRole('button', { name: 'Explain this model' }).click({ timeout: 30_000 });
    // The outline opens on the model the page is running.
    await expect
      .poll(async () => (await o.panel.getByRole('tab', { selected: true }).textContent()) ?? '', {
        timeout: 20_000,
      })
      .toMatch(/^running/);
    await o.panel.getByRole('tab', { name: /dropped/ }).click();
    await expect.poll(() => holdOf(o.world, 'dropped'), { timeout: 20_000 }).toBe('reloaded');
    await expect(o.panel.getByTestId('hold').textContent()).resolves.toMatch(
      /The page let go of this model; Literate loaded it again from http:\/\/127\.0\.0\.1:\d+\/pin\/dropped\/model\.json/,
    );
    expect(
      await o.world.evaluate<string>(`__t.api.describe(__t.modelId('dropped')).then((g) => g.fingerprint)`),
    ).toBe(fingerprint);
    expect(await probeDropped(o.world)).toEqual(firstOutput);
    expect(await weightsOfDropped(o.world)).toEqual([[4, 3], [3]]);
    const open_ = await pageState(o.page);
    // What pinning a reloaded copy costs: its weights (4·3 + 3 + 3·2 + 2 values) in the page's engine while open.
    console.log(`[pin] tensors: baseline ${baseline}, with the reloaded copy ${open_.tensors}`);
    expect(open_.tensors).toBeGreaterThan(baseline);
    expect(await badgeText(session, o.tabId)).toBe('1');
    await screenshot(o.page, 'pin-reloaded');

    await o.panel.getByRole('button', { name: 'Close Literate panel' }).click();
    await expect.poll(async () => (await pageState(o.page)).tensors, { timeout: 10_000 }).toBe(baseline);
    expect(await holdOf(o.world, 'dropped')).toBe('collected');
    const after = await pageState(o.page);
    expect(after.changed).toBe(false);
    expect(after.frames).toBeGreaterThan(open_.frames);
    expect(o.console).toEqual({ messages: [], errors: [] });
    await o.cdp.detach();
    await o.world.close();
    await o.page.close();
  });
});

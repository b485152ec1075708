// Discovery and the bridge on unusual pages: models from code, IndexedDB, fromMemory and a TF-Hub-style URL behind a
// redirect (final URL recorded) on every tf.js version; same-origin iframes; two tf.js copies sharing one engine;
// late injection; forged bridge messages; and probe / read-weights through the real content API.

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TFJS_UMD } from './fixtures';
import { badgeText, openPopup, tabIdOf, waitForBadge, type ExtensionSession } from './harness';
import { launchLiterate } from './hook-fixtures/extension';
import { RECORDER, isolatedWorld, type IsolatedWorld } from './hook-fixtures/isolated';
import { smallGraphFiles } from './hook-fixtures/models';
import {
  childPage,
  forgerPage,
  framesPage,
  lateStartPage,
  originsPage,
  twoCopiesPage,
} from './hook-fixtures/more-pages';
import { tapPage } from './hook-fixtures/pages';
import { launchPlain, recordConsole } from './hook-fixtures/plain';
import { bytes, html, redirect, startHookServer, type HookServer } from './hook-fixtures/server';

const TF4 = TFJS_UMD['4.22.0']!;
const BUDGET = JSON.stringify({ maxInFlight: 4, bytesPerSecond: 8 << 20, hz: 60 });

let server: HookServer;
let session: ExtensionSession;
let plain: Browser;

beforeAll(async () => {
  const graph = smallGraphFiles();
  const hub = smallGraphFiles('weights.bin', 2);
  server = await startHookServer([
    { path: '/hook/graph/model.json', handler: bytes(graph.json, 'application/json') },
    { path: '/hook/graph/weights.bin', handler: bytes(graph.weights) },
    // TF Hub answers model.json?tfjs-format=file (and the shards) with a redirect to storage.
    { path: '/tfhub/google/tiny/1/model.json', handler: redirect('/hub-storage/tiny/model.json') },
    { path: '/tfhub/google/tiny/1/weights.bin', handler: redirect('/hub-storage/tiny/weights.bin') },
    { path: '/hub-storage/tiny/model.json', handler: bytes(hub.json, 'application/json') },
    { path: '/hub-storage/tiny/weights.bin', handler: bytes(hub.weights) },
    ...Object.entries(TFJS_UMD).map(([v, src]) => ({
      path: `/hook/origins-${v}.html`,
      handler: html(originsPage(src)),
    })),
    { path: '/hook/frames.html', handler: html(framesPage(TF4)) },
    { path: '/hook/child.html', handler: html(childPage(TF4)) },
    { path: '/hook/two-copies.html', handler: html(twoCopiesPage(TF4, TFJS_UMD['3.21.0']!)) },
    { path: '/hook/late.html', handler: html(lateStartPage(TF4)) },
    { path: '/hook/forger.html', handler: html(forgerPage(TF4)) },
    { path: '/hook/taps.html', handler: html(tapPage(TF4, '/hook/graph/model.json')) },
  ]);
  [session, plain] = await Promise.all([launchLiterate(), launchPlain()]);
});

afterAll(async () => {
  await session?.close();
  await plain?.close();
  await server?.close();
});

async function open(url: string): Promise<{ page: Page; tabId: number; lines: string[] }> {
  const page = await session.context.newPage();
  const { lines } = recordConsole(page);
  await page.goto(url);
  await page.waitForSelector('html[data-ready="1"], html[data-error]');
  expect(await page.evaluate(() => document.documentElement.dataset.error ?? null)).toBeNull();
  return { page, tabId: await tabIdOf(session, page), lines };
}

async function tapOnce(world: IsolatedWorld, key: string, modelName: string, nodeId: string): Promise<void> {
  const id = await world.evaluate<string | null>(`__t.modelId(${JSON.stringify(modelName)})`);
  expect(id, modelName).toMatch(/^m\d+$/);
  await world.evaluate(
    `__t.subscribe(${JSON.stringify(key)}, '${id}', [{ nodeId: ${JSON.stringify(nodeId)}, reduction: 'none' }], ${BUDGET})`,
  );
}

describe('models from every origin', () => {
  for (const version of Object.keys(TFJS_UMD)) {
    it(`tf.js ${version}: code, IndexedDB, fromMemory, picked files and TF Hub (redirected) models, all counted and tapped`, async () => {
      const url = `${server.url}/hook/origins-${version}.html`;
      const control = await plain.newPage();
      await control.goto(url);
      await control.waitForSelector('html[data-ready="1"]');
      const reference = await control.evaluate(() => (window as any).runFrames(3));
      await control.close();

      const { page, tabId } = await open(url);
      // coded, saved (built in code, then saved), stored (loaded from IndexedDB), memory, files, hub
      expect(await waitForBadge(session, tabId, '6')).toBe('6');
      const world = await isolatedWorld(page, session.extensionId);
      await world.evaluate(RECORDER);
      const models =
        await world.evaluate<{ name: string; sourceUrl: string | null; kind: string }[]>(
          `__t.api.snapshot().models`,
        );
      const hub = models.find((m) => m.sourceUrl?.includes('/hub-storage/'));
      expect(hub?.sourceUrl).toBe(`${server.url}/hub-storage/tiny/model.json`);
      expect(models.filter((m) => m.kind === 'graph')).toHaveLength(3);
      const ids = await world.evaluate<string[]>(`__t.api.snapshot().models.map((m) => m.id)`);
      const graphs = models.filter((m) => m.kind === 'graph').map((m) => m.name);
      await tapOnce(world, 'coded', 'coded', 'd2');
      await tapOnce(world, 'stored', 'saved', 'sd');
      for (const [i, name] of graphs.entries()) await tapOnce(world, `g${i}`, name, 'relu');
      expect(ids).toHaveLength(6);
      const run = await page.evaluate(() => (window as any).runFrames(3));
      expect(run.out).toEqual(reference.out);
      const keys = await world.evaluate<string[]>(`[...new Set(__t.frames.map((f) => f.key))].sort()`);
      expect(keys).toEqual(['coded', 'g0', 'g1', 'g2', 'stored'].sort());
      await world.close();
      await page.close();
    });
  }
});

describe('frames, copies and late starts', () => {
  it('counts the models of same-origin iframes on one badge and taps inside a frame', async () => {
    const { page, tabId } = await open(`${server.url}/hook/frames.html`);
    expect(await waitForBadge(session, tabId, '4')).toBe('4');
    const child = page.frames().find((f) => f.url().includes('n=2'))!;
    await child.waitForSelector('html[data-ready="1"]');
    const world = await isolatedWorld(page, session.extensionId, child);
    await world.evaluate(RECORDER);
    const names = await world.evaluate<string[]>(`__t.api.snapshot().models.map((m) => m.name).sort()`);
    expect(names).toEqual(['child2_0', 'child2_1']);
    await tapOnce(world, 'c', 'child2_1', 'd2');
    const before = await child.evaluate(() => (window as any).runFrames(0));
    await child.evaluate(() => (window as any).runFrames(5));
    await expect.poll(() => world.evaluate<number>(`__t.frames.length`)).toBeGreaterThan(0);
    await world.evaluate(`__t.unsubscribe('c')`);
    await page.waitForTimeout(200);
    expect(await child.evaluate(() => (window as any).runFrames(0))).toBe(before);
    await world.close();
    await page.close();
  });

  it('sees one engine and the models of both copies when tf.js 4.22 and 3.21 share a page', async () => {
    const url = `${server.url}/hook/two-copies.html`;
    const control = await plain.newPage();
    const controlLines = recordConsole(control).lines;
    await control.goto(url);
    await control.waitForSelector('html[data-ready="1"]');
    const reference = await control.evaluate(() => (window as any).runFrames(3));
    await control.close();
    expect(reference.same).toBe(true);

    const { page, tabId, lines } = await open(url);
    expect(await waitForBadge(session, tabId, '2')).toBe('2');
    const world = await isolatedWorld(page, session.extensionId);
    await world.evaluate(RECORDER);
    expect(await world.evaluate<number>(`__t.api.snapshot().engines.length`)).toBe(1);
    await tapOnce(world, 'a', 'first', 'first_o');
    await tapOnce(world, 'b', 'second', 'second_h');
    const run = await page.evaluate(() => (window as any).runFrames(3));
    expect(run.out).toEqual(reference.out);
    expect(run.same).toBe(true);
    expect(await world.evaluate<string[]>(`[...new Set(__t.frames.map((f) => f.key))].sort()`)).toEqual([
      'a',
      'b',
    ]);
    expect(new Set(lines)).toEqual(new Set(controlLines));
    await world.close();
    await page.close();
  });

  it('after late injection, finds the engine, says models built before need a reload, and sees new ones', async () => {
    const page = await session.context.newPage();
    await page.goto(`${server.url}/hook/late.html`);
    await page.evaluate(() => (window as any).go());
    await page.waitForSelector('html[data-ready="1"]');
    expect(page.url()).toMatch(/^blob:/);
    // Content scripts do not run in blob: documents by themselves: nothing of ours is there yet.
    expect(await page.evaluate(() => Object.getOwnPropertySymbols(window).map(String))).not.toContain(
      'Symbol(literate.hook)',
    );
    const tabId = await session.worker.evaluate(async () => {
      const tabs = await chrome.tabs.query({});
      const tab = tabs.filter((t) => t.url === undefined).pop()!;
      await chrome.scripting.executeScript({
        target: { tabId: tab.id!, allFrames: true },
        files: ['hook.js'],
        world: 'MAIN' as chrome.scripting.ExecutionWorld,
      });
      await chrome.scripting.executeScript({
        target: { tabId: tab.id!, allFrames: true },
        files: ['content.js'],
      });
      return tab.id!;
    });
    expect(await waitForBadge(session, tabId, '·')).toBe('·');
    const popup = await openPopup(session, tabId);
    await expect.poll(() => popup.getByRole('status').first().textContent()).toContain('Reload the page');
    await popup.close();
    await page.evaluate(() => (window as any).buildLate());
    expect(await waitForBadge(session, tabId, '1')).toBe('1');
    await page.close();
  });
});

describe('the bridge', () => {
  it('shrugs off thousands of forged and malformed messages: no crash, no change, no action', async () => {
    const { page, tabId, lines } = await open(`${server.url}/hook/forger.html`);
    expect(await waitForBadge(session, tabId, '1')).toBe('1');
    const world = await isolatedWorld(page, session.extensionId);
    await world.evaluate(RECORDER);
    const before = await world.evaluate<unknown>(`__t.api.snapshot()`);
    const tensors = await page.evaluate(() => (window as any).tf.memory().numTensors);
    expect(await page.evaluate(() => (window as any).forge(5000))).toBe(5000);
    await page.waitForTimeout(1000);
    expect(await badgeText(session, tabId)).toBe('1');
    expect(await world.evaluate<unknown>(`__t.api.snapshot()`)).toEqual(before);
    // No forged subscribe or probe did anything: no wrappers, no tensors, nothing sent to the content script.
    expect(
      await page.evaluate(() =>
        (window as any).model.layers.some((l: object) => Object.prototype.hasOwnProperty.call(l, 'apply')),
      ),
    ).toBe(false);
    expect(await page.evaluate(() => (window as any).tf.memory().numTensors)).toBe(tensors);
    expect(await world.evaluate<unknown[]>(`__t.frames`)).toEqual([]);
    expect(lines.filter((l) => !/favicon|Failed to load resource/.test(l))).toEqual([]);
    // and the real channel still works
    await tapOnce(world, 'ok', 'genuine', 'd2');
    await page.evaluate(() => (window as any).model.predict((window as any).tf.ones([1, 8, 8, 3])).dispose());
    await expect.poll(() => world.evaluate<number>(`__t.frames.length`)).toBe(1);
    const popup = await openPopup(session, tabId);
    await expect.poll(() => popup.getByTestId('summary').textContent()).toContain('1 model');
    await popup.close();
    await world.close();
    await page.close();
  });

  it('probes and reads weights through the content API, leaving the tensor count as it was', async () => {
    const { page, tabId } = await open(`${server.url}/hook/taps.html`);
    expect(await waitForBadge(session, tabId, '2')).toBe('2');
    const world = await isolatedWorld(page, session.extensionId);
    await world.evaluate(RECORDER);
    const baseline = await page.evaluate(() => (window as any).runFrames(1));
    const probe = await world.evaluate<{ nodeId: string; shape: number[]; sum: number }[]>(`(async () => {
      const rgba = new Uint8ClampedArray(16 * 16 * 4).map((_, i) => (i * 7) % 256).buffer;
      const values = await __t.api.probe(__t.modelId('tapnet'), { type: 'image', width: 16, height: 16, rgba,
        normalize: { mean: [0.5], std: [0.5] } }, ['c1', 'd2']);
      return values.map((v) => ({ nodeId: v.nodeId, shape: v.shape,
        sum: new Float32Array(v.buffer).reduce((a, b) => a + b, 0) }));
    })()`);
    expect(probe.map((p) => [p.nodeId, p.shape])).toEqual([
      ['c1', [1, 8, 8, 4]],
      ['d2', [1, 3]],
    ]);
    expect(probe[1]!.sum).toBeCloseTo(1, 5); // softmax
    const graphProbe = await world.evaluate<number[][]>(`(async () => {
      const values = await __t.api.probe(__t.modelId('graph'), { type: 'tensor', shape: [1, 4, 4, 1],
        values: Array.from({ length: 16 }, (_, i) => i / 16) }, ['relu', 'out']);
      return values.map((v) => v.shape);
    })()`);
    expect(graphProbe).toEqual([
      [1, 4, 4, 2],
      [1, 4, 4, 1],
    ]);
    const weights = await world.evaluate<{ name: string; shape: number[]; first: number[] }[]>(`(async () => {
      const ws = await __t.api.readWeights(__t.modelId('tapnet'), 'c1');
      return ws.map((w) => ({ name: w.name, shape: w.shape, first: Array.from(new Float32Array(w.buffer).slice(0, 4)) }));
    })()`);
    expect(weights.map((w) => [w.name, w.shape])).toEqual([
      ['c1/kernel', [3, 3, 3, 4]],
      ['c1/bias', [4]],
    ]);
    const pageKernel = await page.evaluate(() =>
      Array.from((window as any).models.layers.getLayer('c1').getWeights()[0].dataSync().slice(0, 4)),
    );
    expect(weights[0]!.first).toEqual(pageKernel);
    const cut = await world.evaluate<number[][]>(`(async () => {
      const ws = await __t.api.readWeights(__t.modelId('graph'), 'conv/Conv2D', 9);
      return ws.map((w) => [w.shape, w.sourceShape]);
    })()`);
    expect(cut).toEqual([
      [
        [3, 3, 1, 1],
        [3, 3, 1, 2],
      ],
    ]);
    // the page's last input, remembered while subscribed
    await tapOnce(world, 'l', 'tapnet', 'd2');
    await page.evaluate(() => (window as any).runFrames(1, 5));
    const last = await world.evaluate<number[]>(`(async () => {
      const [v] = await __t.api.probe(__t.modelId('tapnet'), { type: 'last-input' }, ['d2']);
      return Array.from(new Float32Array(v.buffer));
    })()`);
    const tapped = await world.evaluate<number>(`__t.frames.filter((f) => f.key === 'l').pop().first`);
    expect(last[0]).toBe(tapped);
    await world.evaluate(`__t.unsubscribe('l')`);
    await page.waitForTimeout(200);
    expect((await page.evaluate(() => (window as any).runFrames(1))).numTensors).toBe(baseline.numTensors);
    await world.close();
    await page.close();
  });

  it('learns graph op shapes only for a describe that asks (the outline); other describes leave the page untouched', async () => {
    const { page, tabId } = await open(`${server.url}/hook/taps.html`);
    expect(await waitForBadge(session, tabId, '2')).toBe('2');
    const world = await isolatedWorld(page, session.extensionId);
    await world.evaluate(RECORDER);
    const reference = await page.evaluate(() => (window as any).runFrames(3));
    const ownWrappers = (): Promise<string[]> => page.evaluate(() => (window as any).ownWrappers());
    const relu = (flag: boolean): Promise<{ shape: unknown; source: string; revision: number }> =>
      world.evaluate(`(async () => {
        const id = __t.modelId('graph');
        const g = await __t.api.describe(id${flag ? ', { learnShapes: true }' : ''});
        const n = g.nodes.find((n) => n.id === 'relu');
        const revision = __t.api.snapshot().models.find((m) => m.id === id).revision || 0;
        return { shape: n.outputShape, source: n.shapeSource, revision };
      })()`);
    // What pack matching and the launcher's hover send: no flag, so nothing is wrapped and the page's calls are its own.
    expect((await relu(false)).source).toBe('unknown');
    expect(await ownWrappers()).toEqual([]);
    expect(await page.evaluate(() => (window as any).runFrames(3))).toEqual(reference);
    await page.waitForTimeout(100);
    expect(await relu(false)).toMatchObject({ source: 'unknown', revision: 0 });
    expect(await ownWrappers()).toEqual([]);
    // The outline's describe: armed until the page's next call, which teaches the shapes and gives the same outputs.
    expect((await relu(true)).source).toBe('unknown');
    expect((await ownWrappers()).length).toBeGreaterThan(0);
    expect(await page.evaluate(() => (window as any).runFrames(3))).toEqual(reference);
    await expect
      .poll(() => relu(false), { timeout: 10_000 })
      .toEqual({ shape: [1, 4, 4, 2], source: 'live', revision: 1 });
    expect(await ownWrappers()).toEqual([]);
    expect((await page.evaluate(() => (window as any).runFrames(3))).numTensors).toBe(reference.numTensors);
    await world.close();
    await page.close();
  });

  it('holds models weakly: a model the page drops is reclaimed, and a probe says so in words', async () => {
    const { page, tabId } = await open(`${server.url}/hook/taps.html`);
    expect(await waitForBadge(session, tabId, '2')).toBe('2');
    // A model the page builds, keeps until Literate has counted it, then drops: nothing of the page keeps it.
    // (Dropped at once, a garbage collection before the hook's scan would take it before it is ever counted.)
    await page.evaluate(() => {
      const tf = (window as any).tf;
      (window as any).kept = tf.sequential({
        name: 'dropped',
        layers: [tf.layers.dense({ units: 1, inputShape: [2] })],
      });
    });
    expect(await waitForBadge(session, tabId, '3')).toBe('3');
    await page.evaluate(() => delete (window as any).kept);
    const world = await isolatedWorld(page, session.extensionId);
    await world.evaluate(RECORDER);
    const cdp = await session.context.newCDPSession(page);
    const probeDropped = (): Promise<string> =>
      world.evaluate<string>(`__t.api.probe(__t.modelId('dropped'), { type: 'tensor', shape: [1, 2],
        values: [1, 2] }, []).then(() => 'ran', (e) => String(e && e.message || e))`);
    await expect
      .poll(
        async () => {
          await cdp.send('HeapProfiler.collectGarbage');
          return probeDropped();
        },
        { timeout: 20_000 },
      )
      .toMatch(/the page has let go of this model/);
    // The models the page keeps still run.
    const graph = await world.evaluate<number[][]>(`(async () => {
      const values = await __t.api.probe(__t.modelId('graph'), { type: 'tensor', shape: [1, 4, 4, 1],
        values: Array.from({ length: 16 }, (_, i) => i / 16) }, ['out']);
      return values.map((v) => v.shape);
    })()`);
    expect(graph).toEqual([[1, 4, 4, 1]]);
    await cdp.detach();
    await world.close();
    await page.close();
  });
});

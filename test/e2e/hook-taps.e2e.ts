// Taps never disturb the page: on tf.js 1.7.4, 2.8.6, 3.21.0 and 4.22.0, cpu and webgl, a LayersModel and a
// GraphModel (predict, execute, executeAsync) give bit-identical outputs without Literate, with it idle and with
// 8 taps live on each; numTensors is back to baseline after 1,000 frames; every wrapper is gone after unsubscribe.

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TFJS_UMD } from './fixtures';
import { tabIdOf, waitForBadge, type ExtensionSession } from './harness';
import { launchLiterate } from './hook-fixtures/extension';
import { RECORDER, isolatedWorld } from './hook-fixtures/isolated';
import { SMALL_GRAPH_TAPS, smallGraphFiles } from './hook-fixtures/models';
import { tapPage } from './hook-fixtures/pages';
import { launchPlain, recordConsole } from './hook-fixtures/plain';
import { bytes, html, startHookServer, type HookServer } from './hook-fixtures/server';

const FRAMES = 500;
const LAYER_TAPS: [string, string][] = [
  ['c1', 'none'],
  ['bn', 'channel-mean'],
  ['act', 'channel-max'],
  ['pool', 'downsample'],
  ['c2', 'none'],
  ['gap', 'none'],
  ['d1', 'channel-mean'],
  ['d2', 'none'],
];
const GRAPH_TAPS = SMALL_GRAPH_TAPS.map((n, i) => [n, i % 2 ? 'channel-mean' : 'none']);
const BUDGET = { maxInFlight: 8, bytesPerSecond: 16 << 20, hz: 60 };

let server: HookServer;
let session: ExtensionSession;
let plain: Browser;

beforeAll(async () => {
  const graph = smallGraphFiles();
  server = await startHookServer([
    { path: '/hook/graph/model.json', handler: bytes(graph.json, 'application/json') },
    { path: '/hook/graph/weights.bin', handler: bytes(graph.weights) },
    ...Object.entries(TFJS_UMD).map(([v, src]) => ({
      path: `/hook/taps-${v}.html`,
      handler: html(tapPage(src, '/hook/graph/model.json')),
    })),
  ]);
  [session, plain] = await Promise.all([launchLiterate(), launchPlain()]);
});

afterAll(async () => {
  await session?.close();
  await plain?.close();
  await server?.close();
});

interface Run {
  digest: number;
  numTensors: number;
  backend: string;
}

describe('taps leave the page exactly as it was', () => {
  for (const version of Object.keys(TFJS_UMD)) {
    for (const backend of ['cpu', 'webgl']) {
      it(`tf.js ${version} on ${backend}`, async () => {
        const url = `${server.url}/hook/taps-${version}.html?backend=${backend}`;

        const control = await plain.newPage();
        const controlConsole = recordConsole(control);
        await control.goto(url);
        await control.waitForSelector('html[data-ready="1"]');
        const reference = await control.evaluate(() => (window as any).runFrames(30) as Promise<Run>);
        expect(reference.backend).toBe(backend);
        await control.close();

        const page = await session.context.newPage();
        const pageConsole = recordConsole(page);
        await page.goto(url);
        await page.waitForSelector('html[data-ready="1"]');
        expect(await waitForBadge(session, await tabIdOf(session, page), '2')).toBe('2');
        const idle = await page.evaluate(() => (window as any).runFrames(30) as Promise<Run>);
        expect(idle.digest).toBe(reference.digest);

        const world = await isolatedWorld(page, session.extensionId);
        expect(await world.evaluate(RECORDER)).toBe(true);
        const layersId = await world.evaluate<string>(`__t.modelId('tapnet')`);
        const graphId = await world.evaluate<string>(`__t.modelId('graph')`);
        expect(layersId).toMatch(/^m\d+$/);
        expect(graphId).toMatch(/^m\d+$/);
        const taps = (list: (string | undefined)[][]) =>
          JSON.stringify(list.map(([nodeId, reduction]) => ({ nodeId, reduction })));
        await world.evaluate(
          `__t.subscribe('l', '${layersId}', ${taps(LAYER_TAPS)}, ${JSON.stringify(BUDGET)})`,
        );
        await world.evaluate(
          `__t.subscribe('g', '${graphId}', ${taps(GRAPH_TAPS)}, ${JSON.stringify(BUDGET)})`,
        );
        await expect.poll(() => page.evaluate(() => (window as any).ownWrappers().length)).toBeGreaterThan(8);

        // The same 30 frames again, now with 16 taps live: the same bytes out.
        const tapped = await page.evaluate(() => (window as any).runFrames(30) as Promise<Run>);
        expect(tapped.digest).toBe(reference.digest);
        await page.evaluate((n) => (window as any).runFrames(n, 30), FRAMES - 30);

        const frames = await world.evaluate<{ key: string; nodeId: string; finite: boolean }[]>(`__t.frames`);
        const ended = await world.evaluate<unknown[]>(`__t.ended`);
        expect(ended).toEqual([]);
        for (const [nodeId] of LAYER_TAPS)
          expect(frames.some((f) => f.key === 'l' && f.nodeId === nodeId)).toBe(true);
        for (const [nodeId] of GRAPH_TAPS)
          expect(frames.some((f) => f.key === 'g' && f.nodeId === nodeId)).toBe(true);
        expect(frames.every((f) => f.finite)).toBe(true);

        await world.evaluate(`__t.unsubscribe('l') && __t.unsubscribe('g')`);
        await expect.poll(() => page.evaluate(() => (window as any).ownWrappers())).toEqual([]);
        await page.waitForTimeout(300);
        const after = await page.evaluate(() => (window as any).runFrames(30) as Promise<Run>);
        expect(after.digest).toBe(reference.digest);
        expect(after.numTensors).toBe(idle.numTensors);
        // The same distinct console lines as without Literate (tf.js's own warnings, nothing of ours).
        expect(new Set(pageConsole.lines)).toEqual(new Set(controlConsole.lines));
        await world.close();
        await page.close();
      });
    }
  }
});

// Hostile pages: a frozen Object.prototype (before tf.js loads, and after), a replaced fetch and Response.json, a
// strict CSP, tf.profile and model.fit running while taps are live. The page computes exactly what it computes
// without Literate (digest, profile kernel list, training losses), logs the same, and tensors return to baseline.

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TFJS_UMD } from './fixtures';
import { tabIdOf, waitForBadge, type ExtensionSession } from './harness';
import { launchLiterate } from './hook-fixtures/extension';
import { RECORDER, isolatedWorld } from './hook-fixtures/isolated';
import { SMALL_GRAPH_TAPS, smallGraphFiles } from './hook-fixtures/models';
import { launchPlain, recordConsole } from './hook-fixtures/plain';
import { SCENARIOS, scenarioRoutes, type Scenario } from './hook-fixtures/scenario-pages';
import { bytes, startHookServer, type HookServer } from './hook-fixtures/server';

const LAYER_TAPS = ['c1', 'bn', 'act', 'pool', 'c2', 'gap', 'd1', 'd2'];
const BUDGET = { maxInFlight: 8, bytesPerSecond: 16 << 20, hz: 60 };

let server: HookServer;
let session: ExtensionSession;
let plain: Browser;

beforeAll(async () => {
  const graph = smallGraphFiles();
  server = await startHookServer([
    { path: '/hook/graph/model.json', handler: bytes(graph.json, 'application/json') },
    { path: '/hook/graph/weights.bin', handler: bytes(graph.weights) },
    ...scenarioRoutes('/hook/scenario/4.22.0/', TFJS_UMD['4.22.0']!),
    ...scenarioRoutes('/hook/scenario/1.7.4/', TFJS_UMD['1.7.4']!),
  ]);
  [session, plain] = await Promise.all([launchLiterate(), launchPlain()]);
});

afterAll(async () => {
  await session?.close();
  await plain?.close();
  await server?.close();
});

interface Outcome {
  digest: number;
  numTensors: number;
  extra: string;
}

async function ready(page: Page): Promise<string | null> {
  await page.waitForSelector('html[data-ready="1"], html[data-error]');
  return page.evaluate(() => document.documentElement.dataset.error ?? null);
}

/** Each scenario on tf.js 4.22.0; the strict CSP (no eval) and profiling also on 1.7.4, whose UMD needs no eval. */
const CASES: [Scenario, string][] = [
  ...SCENARIOS.filter((s) => s !== 'csp').map((s): [Scenario, string] => [s, '4.22.0']),
  ['csp', '1.7.4'],
  ['profile', '1.7.4'],
  ['fit', '1.7.4'],
];

describe('hostile pages run exactly as without Literate, with taps live', () => {
  for (const [scenario, version] of CASES) {
    it(`${scenario} (tf.js ${version})`, async () => {
      const url = `${server.url}/hook/scenario/${version}/${scenario}.html?scenario=${scenario}`;
      const control = await plain.newPage();
      const controlConsole = recordConsole(control);
      await control.goto(url);
      const controlError = await ready(control);
      if (controlError !== null) {
        // tf.js cannot run on this page at all: with Literate it fails in exactly the same way, and nothing else.
        expect(scenario).toBe('frozen-before');
        await control.close();
        const page = await session.context.newPage();
        const pageConsole = recordConsole(page);
        await page.goto(url);
        expect(await ready(page)).toBe(controlError);
        await page.waitForTimeout(500);
        expect(pageConsole.lines).toEqual(controlConsole.lines);
        await page.close();
        return;
      }
      const reference = await control.evaluate(() => (window as any).scenarioRun() as Promise<Outcome>);
      expect(typeof reference.digest).toBe('number');
      const referenceAfter = await control.evaluate(() => (window as any).runFrames(1) as Promise<Outcome>);
      await control.close();

      const page = await session.context.newPage();
      const pageConsole = recordConsole(page);
      await page.goto(url);
      expect(await ready(page)).toBeNull();
      expect(await waitForBadge(session, await tabIdOf(session, page), '2')).toBe('2');
      const world = await isolatedWorld(page, session.extensionId);
      expect(await world.evaluate(RECORDER)).toBe(true);
      const ids = await world.evaluate<(string | null)[]>(`[__t.modelId('tapnet'), __t.modelId('graph')]`);
      const taps = (names: string[]) =>
        JSON.stringify(names.map((nodeId) => ({ nodeId, reduction: 'none' })));
      await world.evaluate(`__t.subscribe('l', '${ids[0]}', ${taps(LAYER_TAPS)}, ${JSON.stringify(BUDGET)})`);
      await world.evaluate(
        `__t.subscribe('g', '${ids[1]}', ${taps(SMALL_GRAPH_TAPS)}, ${JSON.stringify(BUDGET)})`,
      );
      await expect
        .poll(() =>
          page.evaluate(() =>
            Object.prototype.hasOwnProperty.call((window as any).models.layers.layers[0], 'apply'),
          ),
        )
        .toBe(true);

      const outcome = await page.evaluate(() => (window as any).scenarioRun() as Promise<Outcome>);
      expect(outcome.digest).toBe(reference.digest);
      expect(outcome.extra).toBe(reference.extra);
      const frames = await world.evaluate<{ nodeId: string }[]>(`__t.frames`);
      // Profiling: none of our kernels in the page's profile (`extra` matched above). tf.js ≥ 2 keeps profiling on
      // while an async query runs, so nothing is captured at all; 1.x profiles only the query's synchronous start.
      if (scenario === 'profile' && version !== '1.7.4') expect(frames).toEqual([]);
      else
        expect(new Set(frames.map((f) => f.nodeId)).size).toBe(LAYER_TAPS.length + SMALL_GRAPH_TAPS.length);

      await world.evaluate(`__t.unsubscribe('l') && __t.unsubscribe('g')`);
      await page.waitForTimeout(300);
      const after = await page.evaluate(() => (window as any).runFrames(1) as Promise<Outcome>);
      expect(after).toEqual(referenceAfter);
      expect(new Set(pageConsole.lines)).toEqual(new Set(controlConsole.lines));
      await world.close();
      await page.close();
    });
  }
});

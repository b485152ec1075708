// Firefox: Literate finds the models of tf.js 1.7.4, 2.8.6, 3.21.0 and 4.22.0 by script tag, and of a webpack bundle
// (no global tf), and the page's outputs, tensor count and console are exactly those of a Firefox without it.

import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type GalleryServer } from '../../demos/server';
import { TFJS_UMD } from '../e2e/fixtures';
import { smallGraphFiles } from '../e2e/hook-fixtures/models';
import { tapPage } from '../e2e/hook-fixtures/pages';
import { bytes, html } from '../e2e/hook-fixtures/server';
import { launchFirefox, tabIdOf, waitForBadge, watchConsole, type FirefoxSession } from './harness';

let server: GalleryServer;
let literate: FirefoxSession;
let plain: FirefoxSession;

beforeAll(async () => {
  const graph = smallGraphFiles();
  server = await startServer({
    port: 0,
    routes: [
      { path: '/ff/graph/model.json', handler: bytes(graph.json, 'application/json') },
      { path: '/ff/graph/weights.bin', handler: bytes(graph.weights) },
      ...Object.entries(TFJS_UMD).map(([v, src]) => ({
        path: `/ff/taps-${v}.html`,
        handler: html(tapPage(src, '/ff/graph/model.json')),
      })),
    ],
  });
  [literate, plain] = await Promise.all([launchFirefox(), launchFirefox({ addon: false })]);
});

afterAll(async () => {
  await literate?.close();
  await plain?.close();
  await server?.close();
});

interface Run {
  digest: number;
  numTensors: number;
  backend: string;
}

async function runTapPage(page: Page, url: string): Promise<Run> {
  await page.goto(url);
  await page.waitForSelector('html[data-ready="1"], html[data-error]');
  expect(await page.evaluate(() => document.documentElement.dataset.error ?? null)).toBeNull();
  return page.evaluate(() => (window as any).runFrames(6)) as Promise<Run>;
}

describe('Firefox: detection on every tf.js major', () => {
  for (const version of Object.keys(TFJS_UMD)) {
    it(`tf.js ${version} by script tag: both models counted, outputs and tensors as without Literate`, async () => {
      const url = `${server.url}/ff/taps-${version}.html`;
      const control = await plain.newPage();
      const controlSeen = watchConsole(control);
      const reference = await runTapPage(control, url);
      expect(await control.evaluate(() => (window as any).runFrames(6))).toEqual(reference);
      await control.close();

      const page = await literate.newPage();
      const seen = watchConsole(page);
      const run = await runTapPage(page, url);
      const tabId = await tabIdOf(literate, page);
      expect(await waitForBadge(literate, tabId, '2')).toBe('2');
      expect(run).toEqual(reference);
      expect(run.backend).toBe('cpu');
      // A second run after the overlay's launcher settled: still bit-identical, tensor count unchanged.
      const again = await page.evaluate(() => (window as any).runFrames(6));
      expect(again).toEqual(reference);
      expect(seen.errors).toEqual([]);
      expect(seen.messages.sort()).toEqual(controlSeen.messages.sort());
      await page.close();
    });
  }

  it('a webpack bundle (moving-shapes: tfjs-core and converter as modules, no global tf) is found, outputs unchanged', async () => {
    const url = `${server.url}/demos/moving-shapes/?frames=8&backend=cpu`;
    const read = async (page: Page) => {
      await page.goto(url);
      await page.waitForSelector('html[data-demo-done="1"], html[data-demo-error]', { timeout: 60_000 });
      return page.evaluate(() => {
        const data = document.documentElement.dataset;
        const { demoError, demoDigest, demoTensors } = data;
        return { demoError, demoDigest, demoTensors, tf: typeof (window as any).tf };
      });
    };
    const control = await plain.newPage();
    const reference = await read(control);
    await control.close();
    expect(reference.demoError).toBeUndefined();
    expect(reference.tf).toBe('undefined');

    const page = await literate.newPage();
    const seen = watchConsole(page);
    const run = await read(page);
    expect(await waitForBadge(literate, await tabIdOf(literate, page), '1')).toBe('1');
    expect(run.demoDigest).toBe(reference.demoDigest);
    expect(run.demoTensors).toBe(reference.demoTensors);
    expect(seen.errors).toEqual([]);
    await page.close();
  });
});

// The ONNX gallery pages in real Chromium, with and without Literate: the ONNX Runtime Web version matrix (1.31.1,
// 1.26.0, the 1.22 dev build transformers.js 3 pins and the 1.31 dev build transformers.js 4 pins) on the script-tag
// page, and the webpack-bundled transformers.js page: outputs bit-identical, the same console, nothing fetched from
// outside the gallery, and the badge counts the sessions.

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type GalleryServer } from '../../demos/server';
import { screenshot, tabIdOf, waitForBadge, watchConsole, type ExtensionSession } from './harness';
import { launchLiterate } from './hook-fixtures/extension';
import { launchPlain } from './hook-fixtures/plain';

/** ?ort= value → the version the page must report (ort.env.versions.web). */
const ORT_VERSIONS: Record<string, string> = {
  '1.31': '1.31.1',
  '1.26': '1.26.0',
  '1.22': '1.22.0-dev.20250409-89f8206ba4',
  '1.31-dev': '1.31.0-dev.20260914-8d85527a0',
};

let server: GalleryServer;
let session: ExtensionSession;
let plain: Browser;

beforeAll(async () => {
  server = await startServer({ port: 0 });
  [session, plain] = await Promise.all([launchLiterate(), launchPlain()]);
});

afterAll(async () => {
  await session?.close();
  await plain?.close();
  await server?.close();
});

interface DemoRun {
  demoError?: string;
  demoDigest?: string;
  demoFrames?: string;
  runtime: string;
  ortGlobal: string;
}

/** Opens a test-mode URL, waits for the page's result and returns it, with every request outside the gallery. */
async function runDemo(page: Page, url: string): Promise<{ run: DemoRun; outside: string[] }> {
  const outside: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(server.url)) outside.push(request.url());
  });
  await page.goto(url);
  await page.waitForSelector('html[data-demo-done]', { timeout: 60_000 });
  const run = await page.evaluate(() => {
    const { demoError, demoDigest, demoFrames } = document.documentElement.dataset;
    return {
      demoError,
      demoDigest,
      demoFrames,
      runtime: document.getElementById('runtime')?.textContent ?? '',
      ortGlobal: typeof (window as unknown as { ort?: unknown }).ort,
    };
  });
  return { run, outside };
}

/** The same URL without Literate, then with it: results, console and requests compared; returns the Literate page. */
async function compareWithAndWithout(url: string): Promise<{ page: Page; run: DemoRun; tabId: number }> {
  const control = await plain.newPage();
  const controlSeen = watchConsole(control);
  const reference = await runDemo(control, url);
  await control.close();
  expect(reference.run.demoError).toBeUndefined();
  expect(reference.run.demoDigest).toMatch(/^[0-9a-f]{8}$/);
  expect(reference.outside).toEqual([]);

  const page = await session.context.newPage();
  const seen = watchConsole(page);
  const literate = await runDemo(page, url);
  expect(literate.run).toEqual(reference.run);
  expect(literate.outside).toEqual([]);
  expect(seen.errors).toEqual([]);
  expect(seen.messages.sort()).toEqual(controlSeen.messages.sort());
  return { page, run: literate.run, tabId: await tabIdOf(session, page) };
}

describe('ONNX Runtime Web version matrix (onnx-image, script tag)', () => {
  for (const [param, version] of Object.entries(ORT_VERSIONS)) {
    it(`ort ${version}: outputs bit-identical with and without Literate, and the badge counts the session`, async () => {
      const { page, run, tabId } = await compareWithAndWithout(
        `${server.url}/demos/onnx-image/?frames=8&ort=${param}`,
      );
      expect(run.runtime).toContain(`ONNX Runtime Web ${version} (script tag)`);
      expect(run.ortGlobal).toBe('object');
      expect(await waitForBadge(session, tabId, '1')).toBe('1');
      await page.close();
    });
  }

  it('interactive: the loop keeps classifying its canvas, the badge counts the session, no page errors', async () => {
    const page = await session.context.newPage();
    const seen = watchConsole(page);
    await page.goto(`${server.url}/demos/onnx-image/`);
    const tabId = await tabIdOf(session, page);
    expect(await waitForBadge(session, tabId, '1', 30_000)).toBe('1');
    await expect
      .poll(() => page.locator('#fps').textContent(), { timeout: 15_000 })
      .toMatch(/\d+ frames per second/);
    await expect
      .poll(() => page.locator('#verdict').textContent())
      .toMatch(/^I see a (circle|square|triangle|star|cross|ring)$/);
    await screenshot(page, 'onnx-image');
    expect(seen.errors).toEqual([]);
    await page.close();
  });
});

describe('transformers.js 4 bundled by webpack (onnx-text)', () => {
  it('pipeline scores bit-identical with and without Literate, no global ort, nothing from a CDN or hub', async () => {
    const { page, run, tabId } = await compareWithAndWithout(`${server.url}/demos/onnx-text/?frames=16`);
    expect(run.ortGlobal).toBe('undefined');
    expect(run.runtime).toContain(
      'transformers.js 4.3.2 (bundled) · ONNX Runtime Web 1.31.0-dev.20260914-8d85527a0',
    );
    // One model: the 83-byte helper session transformers.js builds for a tensor op is not listed as a model.
    expect(await waitForBadge(session, tabId, '1')).toBe('1');
    await expect.poll(() => page.locator('#feed li').count()).toBe(6);
    await screenshot(page, 'onnx-text');
    await page.close();
  });
});

// The page's ONNX outputs are bit-identical with and without Literate, also while a live view copies them out: a bare
// ONNX Runtime Web page (session from a URL) runs the same frames in a browser without the extension, then with it
// idle, then with the output's live view open. The describe loads the model again from the page's URL.

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startServer, type GalleryServer } from '../../demos/server';
import { tabIdOf, waitForBadge, watchConsole, type ExtensionSession } from './harness';
import { launchLiterate } from './hook-fixtures/extension';
import { launchPlain } from './hook-fixtures/plain';

const URL_PATH = '/test/fixtures/onnx/tiny-cnn.html';
const FRAMES = 12;

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

async function ready(page: Page): Promise<void> {
  await page.goto(server.url + URL_PATH);
  await page.waitForSelector('html[data-ready="1"]');
}

const runFrames = (page: Page) =>
  page.evaluate((n) => (window as any).runFrames(n) as Promise<string[]>, FRAMES);

it('outputs bit-identical without Literate, with it idle, and with a live view copying them', async () => {
  const control = await plain.newPage();
  await ready(control);
  const reference = await runFrames(control);
  await control.close();
  expect(new Set(reference).size).toBe(FRAMES);

  const page = await session.context.newPage();
  const seen = watchConsole(page);
  await ready(page);
  expect(await waitForBadge(session, await tabIdOf(session, page), '1')).toBe('1');
  expect(await runFrames(page)).toEqual(reference);

  await page.getByRole('button', { name: 'Explain this model' }).click();
  const panel = page.getByRole('dialog', { name: 'Literate' });
  await panel.getByRole('heading', { name: 'tiny-cnn.onnx' }).waitFor({ timeout: 20_000 });
  await panel.getByRole('button', { name: /^probabilities Softmax/ }).click();
  const live = panel.getByRole('region', { name: 'Live values' });
  await live.scrollIntoViewIfNeeded();
  const updates = async () =>
    Number(/^(\d+) updates?$/.exec((await live.locator('.live-status').textContent()) ?? '')?.[1] ?? 0);
  await expect.poll(updates, { timeout: 20_000 }).toBeGreaterThan(2);
  // The page's own session now has our run on its handler: its outputs are still the same bytes.
  expect(await runFrames(page)).toEqual(reference);
  expect(await updates()).toBeGreaterThan(2);
  expect(seen.errors).toEqual([]);
  await page.close();
});

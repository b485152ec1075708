// Firefox: "Try your own input" with the built add-on. On draw-shapes (LayersModel) the page's last input gives
// outputs, the Brightness slider moved by keyboard changes them, and What mattered → Gradients maps the gradient;
// on the ONNX image demo the outline names ONNX Runtime Web and Try your own input answers for the page's input.

import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type GalleryServer } from '../../demos/server';
import {
  clickElement,
  inShadow,
  launchFirefox,
  poll,
  screenshot,
  shadowElement,
  watchConsole,
  type FirefoxSession,
} from './harness';

let session: FirefoxSession;
let server: GalleryServer;

beforeAll(async () => {
  server = await startServer({ port: 0 });
  session = await launchFirefox();
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

/** The text of the first element matching `selector` in the overlay, whitespace collapsed ('' when absent). */
function textOf(page: Page, selector: string): Promise<string> {
  return inShadow<string>(
    page,
    `(root) => (root.querySelector(${JSON.stringify(selector)})?.textContent ?? '').replace(/\\s+/g, ' ').trim()`,
  ).then((t) => t ?? '');
}

/** The run counter under the outputs ("Run 3 · …"), 0 while none. */
async function runs(page: Page): Promise<number> {
  return Number(/Run (\d+)/.exec(await textOf(page, '[data-testid="ex-cost"]'))?.[1] ?? 0);
}

/** Opens the panel and Try your own input. */
async function openExplore(page: Page): Promise<void> {
  await clickElement(await shadowElement(page, 'button[aria-label="Explain this model"]', undefined, 30_000));
  await clickElement(await shadowElement(page, 'button.ex-toggle', 'Try your own input', 30_000));
  expect(
    await inShadow<string>(
      page,
      `(root) => root.querySelector('button.ex-toggle')?.getAttribute('aria-expanded')`,
    ),
  ).toBe('true');
}

/** Waits for the first run on the page's last input, calling `nudge` (which makes the page predict) meanwhile. */
async function firstOutputs(
  page: Page,
  nudge: () => Promise<unknown> = async () => undefined,
): Promise<string> {
  const end = Date.now() + 30_000;
  while ((await runs(page)) === 0 && Date.now() < end) {
    await nudge();
    await new Promise((r) => setTimeout(r, 500));
  }
  expect(await runs(page)).toBeGreaterThan(0);
  return poll(
    () => textOf(page, '[data-testid="ex-outputs"]'),
    (t) => t !== '',
  );
}

describe('Firefox: try your own input', () => {
  it('draw-shapes: outputs for the page’s input, Brightness by keyboard changes them, a gradient map', async () => {
    const p = await session.newPage();
    const seen = watchConsole(p);
    // The page predicts on its own input (Show an example) while Try your own input is open: it reads inputs only
    // then. (A long ?frames loop on Firefox's CPU backend never yields to the page's event loop.)
    await p.goto(`${server.url}/demos/draw-shapes/`);
    await poll(
      () => p.evaluate(() => document.getElementById('runtime')?.textContent ?? ''),
      (t) => t.includes('TensorFlow.js'),
    );
    await openExplore(p);
    const first = await firstOutputs(p, () =>
      p.evaluate(() => (document.getElementById('example') as HTMLButtonElement).click()),
    );
    expect(first).toMatch(/Output for your input · top 5 of 5/);
    expect(first).toMatch(/circle|square|triangle|cross|line/);
    await shadowElement(p, '[data-testid="explore"] [role="img"]', /the page's last input, 28 × 28 pixels/);

    // Brightness by keyboard: the slider's value and the outputs both move.
    const slider = await shadowElement(p, 'label.ex-range', 'Brightness');
    const input = (await slider.$('input[type="range"]'))!;
    await input.evaluate((e) => e.scrollIntoView({ block: 'center' }));
    await input.focus();
    const n = await runs(p);
    const value = () => input.evaluate((e) => (e as HTMLInputElement).value);
    const unmoved = await value();
    for (let i = 0; i < 8; i++) await p.keyboard.press('ArrowRight');
    expect(await value()).not.toBe(unmoved);
    expect(
      await poll(
        () => runs(p),
        (r) => r > n,
      ),
    ).toBeGreaterThan(n);
    expect(
      await poll(
        () => textOf(p, '[data-testid="ex-outputs"]'),
        (t) => t !== first && t !== '',
      ),
    ).not.toBe(first);

    // What mattered → Gradients → Map the gradient: a Done status and the map over the picture.
    await clickElement(await shadowElement(p, '[data-testid="explore"] [role="tab"]', 'What mattered'));
    await clickElement(await shadowElement(p, 'label.ex-check', /^Gradients/));
    expect(
      await inShadow<boolean>(
        p,
        `(root) => !!root.querySelector('input[name="lt-ex-sens-method"][value="gradients"]')?.checked`,
      ),
    ).toBe(true);
    await clickElement(
      await shadowElement(p, '[data-testid="explore"] button.ex-button', 'Map the gradient'),
    );
    expect(
      await poll(
        () => textOf(p, '[data-testid="ex-grad-status"]'),
        (t) => t.startsWith('Done:'),
        30_000,
      ),
    ).toMatch(/^Done: 1 backward pass in [\d,]+ ms/);
    await shadowElement(
      p,
      '[data-testid="ex-grad"] [role="img"]',
      /^Gradient map \(\|gradient\|\) for .+ over your picture/,
    );
    await screenshot(p, 'explore-gradients');
    expect(seen.errors).toEqual([]);
    await p.close();
  }, 90_000);

  it('onnx-image: the outline names ONNX Runtime Web and Try your own input answers for the page’s input', async () => {
    const p = await session.newPage();
    const seen = watchConsole(p);
    await p.goto(`${server.url}/demos/onnx-image/?frames=300`);
    await openExplore(p);
    const first = await firstOutputs(p);
    expect(
      await poll(
        () => textOf(p, '[aria-label="Model totals"]'),
        (t) => t.includes('ONNX Runtime Web'),
      ),
    ).toContain('ONNX Runtime Web');
    expect(first).toMatch(/Output for your input · top 5 of 6/);
    expect(first).toMatch(/circle|square|triangle|star|cross|ring/);
    await shadowElement(p, '[data-testid="explore"] [role="img"]', /the page's last input, 32 × 32 pixels/);
    await screenshot(p, 'explore-onnx-image');
    expect(seen.errors).toEqual([]);
    await p.close();
  }, 60_000);
});

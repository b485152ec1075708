// "Try your own input" (issue #18) in real Chromium with the built extension on gallery demos: the page's own last
// input as a picture, every edit (patch by keyboard and drag, brightness, contrast, flip, shift), drawing, uploads
// (a picture, a text file, a 21 MB file), the outputs and an open layer view following each change, the occlusion
// map (cost shown, Escape cancels), the comparison of two inputs layer by layer, sliders for a vector model, axe in
// light and dark — while the page runs its own frames, whose outputs digest and tensor count must equal a run
// without any of it.

import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type GalleryServer } from '../../demos/server';
import { launchWithExtension, screenshot, watchConsole, type ExtensionSession } from './harness';
import { axeOverlay, BASE_EXTENSION_DIR } from './overlay-packs-support';

const POLL = { timeout: 30_000 };
const VIEWPORT = { width: 1500, height: 1300 };

let server: GalleryServer;
let session: ExtensionSession;

beforeAll(async () => {
  server = await startServer({ port: 0 });
  session = await launchWithExtension({ extensionDir: BASE_EXTENSION_DIR, viewport: VIEWPORT });
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

interface PageRun {
  digest: string;
  tensors: string;
  frames: string;
}

async function finished(page: Page): Promise<PageRun> {
  await page.waitForFunction(() => document.documentElement.dataset['demoDone'], null, { timeout: 240_000 });
  return page.evaluate(() => {
    const d = document.documentElement.dataset;
    if (d['demoDone'] === 'error') throw new Error(d['demoError']);
    return { digest: d['demoDigest']!, tensors: d['demoTensors']!, frames: d['demoFrames']! };
  });
}

async function openExplore(page: Page): Promise<{ panel: Locator; explore: Locator }> {
  await page.getByRole('button', { name: 'Explain this model' }).click({ timeout: 30_000 });
  const panel = page.getByRole('dialog', { name: 'Literate' });
  const toggle = panel.getByRole('button', { name: 'Try your own input' });
  await toggle.click({ timeout: 20_000 });
  expect(await toggle.getAttribute('aria-expanded')).toBe('true');
  return { panel, explore: panel.getByTestId('explore') };
}

/** The run counter under the outputs ("Run 3 · 12 ms …"), 0 while none. */
const runs = (explore: Locator) => async () => {
  const cost = explore.getByTestId('ex-cost');
  if ((await cost.count()) === 0) return 0;
  return Number(/Run (\d+)/.exec((await cost.textContent()) ?? '')?.[1] ?? 0);
};
const outputs = (explore: Locator) => async () =>
  (await explore.getByTestId('ex-outputs').count()) > 0
    ? ((await explore.getByTestId('ex-outputs').textContent()) ?? '').replace(/\s+/g, ' ')
    : '';

/** Waits for a run after `before` and returns the outputs text then. */
async function nextRun(explore: Locator, before: number): Promise<string> {
  await expect.poll(runs(explore), POLL).toBeGreaterThan(before);
  return outputs(explore)();
}

describe('try your own input: a picture model (draw-shapes, LayersModel)', () => {
  it('follows every control, maps and compares, and leaves the page bit-identical', async () => {
    const FRAMES = 2500;
    // The reference: the same frames with the panel opened and closed but nothing explored (Literate idle is
    // bit-identical to no extension: hook-taps.e2e.ts); its tensor count after closing is the baseline.
    // It runs beside the explored page (CI time: two 2500-frame runs one after the other took two minutes); both
    // pages compete for the same cores, which only keeps the explored page's loop running longer.
    const referenceRun = (async () => {
      const reference = await session.context.newPage();
      await reference.goto(`${server.url}/demos/draw-shapes/?frames=${FRAMES}`);
      await reference.getByRole('button', { name: 'Explain this model' }).click({ timeout: 30_000 });
      await reference
        .getByRole('dialog', { name: 'Literate' })
        .getByRole('button', { name: 'Try your own input' })
        .waitFor();
      const run = await finished(reference);
      await reference.keyboard.press('Escape');
      await reference.getByRole('dialog', { name: 'Literate' }).waitFor({ state: 'hidden' });
      await reference.waitForTimeout(1500);
      const tensors = await reference.evaluate(() => String((window as any).tf.memory().numTensors));
      await reference.close();
      return { run, tensors };
    })();
    // Settled whatever happens, so a failure below is not also reported as an unhandled rejection.
    referenceRun.catch(() => undefined);

    const page = await session.context.newPage();
    const consoleLog = watchConsole(page);
    await page.goto(`${server.url}/demos/draw-shapes/?frames=${FRAMES}`);
    const { panel, explore } = await openExplore(page);

    // The page's own last input, as a picture, and the model's answer to it.
    const picture = explore.getByRole('img', { name: /the page's last input, 28 × 28 pixels/ });
    await picture.waitFor(POLL);
    const first = await nextRun(explore, 0);
    expect(first).toMatch(/Output for your input · top 5 of 5/);
    expect(first).toMatch(/circle|square|triangle|cross|line|class \d/);
    expect(await explore.getByTestId('ex-mode').textContent()).toBe('views show your input');
    const stillRunning = await page.evaluate(() => !document.documentElement.dataset['demoDone']);

    // An open layer view shows the reader's input: its frames come from the probe runs.
    await panel.getByRole('button', { name: /^conv1 Conv2D/ }).click();
    const live = panel.locator('section.live');
    await live.waitFor(POLL);
    // Views subscribe only while on screen: the reader scrolls the layer view into sight.
    await live.scrollIntoViewIfNeeded();
    /** The layer view's statistics line (min, max, mean … of what it shows), read with the view on screen. */
    const stats = async () => {
      await live.scrollIntoViewIfNeeded();
      return (await live.locator('.stats').count()) > 0
        ? ((await live.locator('.stats').textContent()) ?? '')
        : '';
    };
    const updates = async () =>
      Number(/(\d+) update/.exec((await live.locator('.live-status').textContent()) ?? '')?.[1] ?? 0);
    await expect.poll(updates, POLL).toBeGreaterThan(0);

    // The patch: switched on, then moved by keyboard and by dragging.
    let n = await runs(explore)();
    const before = await stats();
    expect(before).toMatch(/min/);
    await explore.getByRole('checkbox', { name: /Cover a patch/ }).check();
    const covered = await nextRun(explore, n);
    await expect.poll(stats, POLL).not.toBe(before);
    const patch = explore.getByRole('button', { name: /Occluding patch at 11, 11/ });
    await patch.focus();
    n = await runs(explore)();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Shift+ArrowDown');
    await explore.getByRole('button', { name: /Occluding patch at 12, 15/ }).waitFor(POLL);
    await nextRun(explore, n);
    const box = (await explore.getByRole('button', { name: /Occluding patch/ }).boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 - 60, box.y + box.height / 2 - 60, { steps: 4 });
    await page.mouse.up();
    await expect
      .poll(
        async () => explore.getByRole('button', { name: /Occluding patch/ }).getAttribute('aria-label'),
        POLL,
      )
      .not.toMatch(/at 12, 15/);

    // Brightness, contrast and shift by keyboard on their sliders; both flips.
    for (const name of ['Brightness', 'Contrast', 'Shift right', 'Shift down']) {
      n = await runs(explore)();
      await explore.getByRole('slider', { name }).focus();
      for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
      await nextRun(explore, n);
    }
    expect(await explore.getByRole('slider', { name: 'Brightness' }).getAttribute('aria-valuetext')).toBe(
      '+0.20',
    );
    for (const name of ['Flip left–right', 'Flip upside down']) {
      n = await runs(explore)();
      await explore.getByRole('checkbox', { name }).check();
      await nextRun(explore, n);
    }
    n = await runs(explore)();
    await explore.getByRole('button', { name: 'Undo all edits' }).click();
    expect(await nextRun(explore, n)).toBe(first);
    expect(covered.length).toBeGreaterThan(0);

    // Drawing with the keyboard: a pen stroke changes the picture and the answer.
    await explore.getByRole('button', { name: 'Draw' }).click();
    const pad = explore.getByRole('img', { name: /your drawing/ }).or(explore.locator('.ex-pad-canvas'));
    await explore.locator('.ex-pad-canvas').focus();
    n = await runs(explore)();
    await page.keyboard.press(' ');
    for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowRight');
    for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowDown');
    await nextRun(explore, n);
    expect(await pad.count()).toBeGreaterThan(0);
    await explore.getByRole('img', { name: /your drawing, 28 × 28/ }).waitFor(POLL);

    // Uploads: a text file and a 21 MB file are refused by name and reason; a real picture is used.
    const upload = explore.getByLabel('Upload a picture');
    await upload.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
    await expect
      .poll(async () => explore.getByRole('alert').textContent(), POLL)
      .toMatch(/^notes\.txt is not a picture \(text\/plain\)/);
    await upload.setInputFiles({
      name: 'huge.png',
      mimeType: 'image/png',
      buffer: Buffer.alloc(21 * 1024 * 1024),
    });
    await expect
      .poll(async () => explore.getByRole('alert').textContent(), POLL)
      .toMatch(/^huge\.png is 21\.0 MB; at most 20 MB is read/);
    await upload.setInputFiles({
      name: 'broken.png',
      mimeType: 'image/png',
      buffer: Buffer.from('not a png at all'),
    });
    await expect
      .poll(async () => explore.getByRole('alert').textContent(), POLL)
      .toMatch(/^broken\.png could not be decoded/);
    const png = await page.evaluate(async () => {
      const c = new OffscreenCanvas(56, 56);
      const g = c.getContext('2d')!;
      g.fillStyle = '#fff';
      g.fillRect(0, 0, 56, 56);
      g.fillStyle = '#000';
      g.fillRect(14, 14, 28, 28);
      const blob = await c.convertToBlob({ type: 'image/png' });
      return [...new Uint8Array(await blob.arrayBuffer())];
    });
    n = await runs(explore)();
    await upload.setInputFiles({ name: 'square.png', mimeType: 'image/png', buffer: Buffer.from(png) });
    await explore.getByRole('img', { name: /square\.png, 56 × 56/ }).waitFor(POLL);
    await nextRun(explore, n);
    expect(await explore.getByRole('alert').count()).toBe(0);

    // The page's own pictures: its sketch canvas.
    await explore.getByRole('button', { name: 'The page’s pictures…' }).click();
    await explore
      .getByRole('combobox', { name: 'Page picture' })
      .selectOption({ label: 'canvas #sketch, 280 × 280' });
    n = await runs(explore)();
    await explore.getByRole('button', { name: 'Use it' }).click();
    await explore.getByRole('img', { name: /canvas #sketch, 280 × 280, 280 × 280 pixels/ }).waitFor(POLL);
    await nextRun(explore, n);
    // Dark ink on a white canvas, where the page feeds light-on-dark: read inverted, as the page does.
    expect(
      await explore
        .getByRole('combobox', { name: 'Pixel values as the model takes them' })
        .evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent),
    ).toBe('1 … 0 (dark pixels high: ink on paper)');

    // What mattered: a 4 × 4 grid of 70-px patches (17 runs), then a big one cancelled with Escape.
    await explore.getByRole('tab', { name: 'What mattered' }).click();
    await explore.getByRole('spinbutton', { name: 'Patch' }).fill('70');
    await explore.getByRole('spinbutton', { name: 'Stride' }).fill('70');
    await expect
      .poll(async () => explore.getByTestId('ex-sens-plan').textContent(), POLL)
      .toBe('4 × 4 placements: 17 runs of the model (one without the patch).');
    await explore.getByRole('button', { name: 'Map what mattered' }).click();
    await expect
      .poll(async () => explore.getByTestId('ex-sens-status').textContent(), { timeout: 60_000 })
      .toMatch(/^Done: 17 runs of the model in [\d.]+ s \(\d+ ms a run\)/);
    const bar = explore.getByRole('img', { name: /^Colour scale: −[\d.e-]+ \(blue/ });
    await bar.waitFor(POLL);
    await explore.getByRole('img', { name: /Sensitivity map for/ }).waitFor(POLL);
    await explore.scrollIntoViewIfNeeded();
    await screenshot(page, 'explore');
    await explore.getByRole('spinbutton', { name: 'Patch' }).fill('10');
    await explore.getByRole('spinbutton', { name: 'Stride' }).fill('10');
    await explore.getByRole('button', { name: 'Map what mattered' }).click();
    await explore.getByRole('progressbar', { name: 'Sensitivity map progress' }).waitFor(POLL);
    await explore.getByRole('button', { name: 'Cancel' }).focus();
    await page.keyboard.press('Escape');
    await expect
      .poll(async () => explore.getByTestId('ex-sens-status').textContent(), POLL)
      .toMatch(/^Cancelled after \d+ runs/);
    const cancelledAt = Number(
      /after (\d+) runs/.exec((await explore.getByTestId('ex-sens-status').textContent())!)![1],
    );
    expect(cancelledAt).toBeLessThan(1 + 28 * 28);
    expect(await panel.isVisible()).toBe(true);

    // Compare: the picture against its flipped self, layer by layer.
    await explore.getByRole('tab', { name: 'Compare' }).click();
    await explore.getByRole('button', { name: 'Set A to your input' }).click();
    // The tabs keep their state: A survives a trip to the editor and back (arrow keys move between tabs).
    await explore.getByRole('tab', { name: 'Compare' }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await explore.getByRole('tab', { name: 'Your input' }).getAttribute('aria-selected')).toBe('true');
    n = await runs(explore)();
    await explore.getByRole('checkbox', { name: 'Flip upside down' }).check();
    await nextRun(explore, n);
    await explore.getByRole('tab', { name: 'Compare' }).click();
    await explore.getByRole('button', { name: 'Set B to your input' }).click();
    expect(await explore.getByText(/^A: canvas #sketch.* · B: canvas #sketch/).count()).toBe(1);
    await explore.getByRole('button', { name: 'Compare A and B' }).click();
    await expect
      .poll(async () => explore.getByTestId('ex-cmp-status').textContent(), { timeout: 60_000 })
      .toMatch(/7 layers compared in [\d.]+ s\.$/);
    const rows = explore.getByTestId('ex-diff').getByRole('listitem');
    expect(await rows.count()).toBe(7);
    expect(await rows.first().textContent()).toMatch(/^conv1[\d.]+ · cos [\d.−-]+$/);

    expect(await axeOverlay(page)).toEqual([]);

    // The page's own frames, run all along beside every probe above: bit-identical, same tensor count.
    const got = await finished(page);
    expect(stillRunning).toBe(true);
    const { run: expected, tensors: baseline } = await referenceRun;
    expect(got.digest).toBe(expected.digest);
    expect(got.frames).toBe(expected.frames);
    // Its tensor count once our work settles: the section and the panel closed (the hook lets go of the input it
    // kept while watching), no more than the reference's — the page's own count when it finished, or after the same
    // panel was opened and closed without exploring (opening the panel alone sometimes leaves one more: not ours).
    await panel.getByRole('button', { name: 'Try your own input' }).click();
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'hidden' });
    await page.waitForTimeout(1500);
    const allowed = Math.max(Number(expected.tensors), Number(baseline));
    await expect
      .poll(() => page.evaluate(() => (window as any).tf.memory().numTensors as number), POLL)
      .toBeLessThanOrEqual(allowed);
    expect(consoleLog.errors).toEqual([]);
    await page.close();
  }, 600_000);
});

describe('try your own input: a vector model (decision-regions, GraphModel)', () => {
  it('gives a slider per feature with the range the page used, and refuses a file of the wrong shape', async () => {
    const page = await session.context.newPage();
    await page.goto(`${server.url}/demos/decision-regions/`);
    const { explore } = await openExplore(page);
    const x = explore.getByRole('slider', { name: 'feature 0' });
    await x.waitFor(POLL);
    // Before the page runs the model again no range is known; two points the page classifies give one.
    expect(await explore.locator('#lt-ex-fr0').textContent()).toBe('-1.00 … 1.00 (no range known: −1 … 1)');
    const plane = page.locator('#plane');
    const size = (await plane.boundingBox())!;
    await plane.click({ position: { x: size.width * 0.25, y: size.height * 0.5 } });
    await page.waitForTimeout(800);
    await plane.click({ position: { x: size.width * 0.75, y: size.height * 0.5 } });
    await expect
      .poll(async () => explore.locator('#lt-ex-fr0').textContent(), POLL)
      .toMatch(/^-0\.\d+ … 0\.\d+ \(range from what the page fed the model\)$/);
    await nextRun(explore, 0);
    const setPoint = async (a: string, b: string) => {
      const n = await runs(explore)();
      await explore.getByRole('spinbutton', { name: 'feature 0, value' }).fill(a);
      await explore.getByRole('spinbutton', { name: 'feature 0, value' }).press('Enter');
      await explore.getByRole('spinbutton', { name: 'feature 1, value' }).fill(b);
      await explore.getByRole('spinbutton', { name: 'feature 1, value' }).press('Enter');
      await expect.poll(runs(explore), POLL).toBeGreaterThan(n);
      await page.waitForTimeout(300);
      await expect
        .poll(async () => (await explore.getByTestId('ex-cost').textContent())?.includes('running'), POLL)
        .toBe(false);
      return outputs(explore)();
    };
    const low = await setPoint('-0.9', '-0.9');
    const high = await setPoint('0.9', '0.9');
    expect(high).not.toBe(low);
    let n = await runs(explore)();
    await x.focus();
    for (let i = 0; i < 20; i++) await page.keyboard.press('ArrowLeft');
    await nextRun(explore, n);
    expect(Number(await x.getAttribute('aria-valuetext'))).toBeLessThan(0.9);
    const file = explore.getByLabel(/load the values from a file/);
    await file.setInputFiles({
      name: 'point.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('0.1, 0.2, 0.3'),
    });
    await expect
      .poll(async () => explore.getByRole('alert').textContent(), POLL)
      .toBe('point.csv has 3 numbers; this model takes 2 (input shape [?, 2]).');
    n = await runs(explore)();
    await file.setInputFiles({ name: 'point.csv', mimeType: 'text/csv', buffer: Buffer.from('0.5, -0.5') });
    await nextRun(explore, n);
    expect(await explore.getByRole('spinbutton', { name: 'feature 0, value' }).inputValue()).toMatch(
      /^0\.50*$/,
    );
    expect(await axeOverlay(page)).toEqual([]);
    await page.close();
  }, 300_000);
});

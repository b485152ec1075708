// Open views follow the reader's input (issue #18, parts 1 and 4), in real Chromium with the built extension on the
// draw-shapes gallery demo and its shipped pack: each pack control the reader works by keyboard (slider, choice of
// pictures, drawing pad) drives the diagram's thumbnails, and the slider an open layer view (the panel says so, with
// the way back); back to the page's input, they follow the page's own calls again; "Try your own input" drives the
// thumbnails too. axe in light and dark with the controls driving the views; the page's tensor count unchanged and no
// console errors.

import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type GalleryServer } from '../../demos/server';
import { launchWithExtension, screenshot, watchConsole, type ExtensionSession } from './harness';
import { axeOverlay, BASE_EXTENSION_DIR } from './overlay-packs-support';

const POLL = { timeout: 30_000 };

let server: GalleryServer;
let session: ExtensionSession;

beforeAll(async () => {
  server = await startServer({ port: 0 });
  session = await launchWithExtension({
    extensionDir: BASE_EXTENSION_DIR,
    viewport: { width: 1500, height: 1000 },
  });
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

/** Per diagram thumbnail on screen: how many frames it painted, a digest of its pixels, and whether it is blank. */
function thumbnails(
  page: Page,
): Promise<{ node: string; updates: number; pixels: string; blank: boolean }[]> {
  return page.locator('literate-overlay .diagram canvas.dg-thumb').evaluateAll((canvases) =>
    canvases.map((c) => {
      const canvas = c as HTMLCanvasElement;
      const d = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let sum = 0;
      let lit = 0;
      for (let i = 0; i < d.length; i += 4) {
        sum = (sum * 31 + d[i]! + 3 * d[i + 1]! + 7 * d[i + 2]!) % 1e9;
        if (d[i + 3]) lit++;
      }
      return {
        node: (canvas.closest('[data-node-id]') as HTMLElement).dataset.nodeId!,
        updates: Number(canvas.dataset.updates || 0),
        pixels: String(sum),
        blank: lit === 0,
      };
    }),
  );
}

type Thumbs = Awaited<ReturnType<typeof thumbnails>>;

/**
 * The thumbnails painted with other pixels than `before` showed (by pixels, not frame counts: a thumbnail scrolled
 * off and back is a new canvas whose count starts again).
 */
async function repainted(page: Page, region: Locator, before: Thumbs): Promise<number> {
  await region.scrollIntoViewIfNeeded();
  const now = await thumbnails(page);
  return now.filter((t) => {
    const old = before.find((b) => b.node === t.node);
    return old !== undefined && t.updates > 0 && !t.blank && t.pixels !== old.pixels;
  }).length;
}

/** The page's own "Show an example" button: the page draws its next sketch and calls its model once. */
async function pageCall(page: Page): Promise<void> {
  await page.evaluate(() => document.getElementById('example')!.click());
}

const tensors = (page: Page): Promise<number> =>
  page.evaluate(
    () => (window as unknown as { tf: { memory(): { numTensors: number } } }).tf.memory().numTensors,
  );

/** The page's tensor count, read again until two reads 200 ms apart agree. */
async function settledTensors(page: Page): Promise<number> {
  let last = await tensors(page);
  for (let i = 0; i < 20; i++) {
    await page.waitForTimeout(200);
    const now = await tensors(page);
    if (now === last) return now;
    last = now;
  }
  return last;
}

const text = async (locator: Locator): Promise<string> =>
  ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();

describe('open views follow the reader', () => {
  it("a pack control and Try your own input drive the diagram and a layer view; back to the page's input, they follow the page", async () => {
    const page = await session.context.newPage();
    const seen = watchConsole(page);
    await page.goto(`${server.url}/demos/draw-shapes/`);
    await expect.poll(() => page.locator('#verdict').textContent(), POLL).not.toBe('Loading the model…');
    await page.getByRole('button', { name: 'Explain this model' }).click({ timeout: 30_000 });
    const panel = page.getByRole('dialog', { name: 'Literate' });
    await panel.locator('.pack-head').waitFor(POLL);
    const explore = panel.getByTestId('explore');
    const mode = explore.getByTestId('ex-mode');

    // The pack's experiments: each control asks the model once as it appears — that alone takes no views.
    const list = panel.locator('details.xp-section');
    await list.locator('summary').click();
    const control = list.locator('[data-xp-control="control-patch"]');
    const slider = control.getByRole('slider', { name: 'Patch position, x (pixels)' });
    await expect.poll(() => text(control.locator('.xp-status')), POLL).toMatch(/^The model says triangle/);
    expect(await mode.count()).toBe(0);

    // The diagram, painted from the page's own calls.
    await panel.getByRole('button', { name: 'Diagram', exact: true }).click();
    const region = panel.getByRole('region', { name: 'Diagram' });
    await region.waitFor(POLL);
    await region.scrollIntoViewIfNeeded();
    await expect
      .poll(async () => {
        await pageCall(page);
        return (await thumbnails(page)).filter((t) => t.updates > 0).length;
      }, POLL)
      .toBeGreaterThan(2);
    // The page's tensors once its own call has settled (its output lives until read): the reference for the end.
    const tensorsBefore = await settledTensors(page);

    // The reader moves the pack's patch: the thumbnails show the pack's triangle with the patch over it.
    let before = await thumbnails(page);
    await slider.focus();
    for (let i = 0; i < 7; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => text(control.locator('.xp-status')), POLL).toMatch(/^The model says line/);
    await expect.poll(() => repainted(page, region, before), POLL).toBeGreaterThan(2);
    expect(await text(mode)).toBe('views show your input (Patch position, x (pixels))');
    expect(await text(region.getByTestId('diagram-live'))).toMatch(/output for your input/);
    expect(await text(control.locator('.xp-follow [role=status]'))).toBe('views show your input');
    expect(await control.getByRole('button', { name: "Back to the page's input" }).count()).toBe(1);
    expect(await axeOverlay(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: null });
    await screenshot(page, 'explorables-follow-diagram');

    // While the control drives them, the page's own call does not reach the thumbnails.
    before = await thumbnails(page);
    const verdict = await page.locator('#verdict').textContent();
    await pageCall(page);
    await expect.poll(() => page.locator('#verdict').textContent(), POLL).not.toBe(verdict);
    await page.waitForTimeout(400);
    expect(await repainted(page, region, before)).toBe(0);

    // Back to the page's input (from the explore section's line): the page's next call repaints them.
    await explore.getByRole('button', { name: "Back to the page's input" }).click();
    expect(await mode.count()).toBe(0);
    expect(await text(control.locator('.xp-follow'))).toBe('');
    expect(await text(region.getByTestId('diagram-live'))).toMatch(/output on the page’s latest call/);
    await expect
      .poll(async () => {
        await pageCall(page);
        return repainted(page, region, before);
      }, POLL)
      .toBeGreaterThan(2);

    // The choice of pictures, then the drawing pad, by keyboard: each drives the thumbnails in its turn, and only
    // the control that drives them offers the way back.
    const pick = list.locator('[data-xp-control="control-pick"]');
    before = await thumbnails(page);
    await pick.getByRole('radio', { name: 'example-circle' }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await pick.getByRole('radio', { name: 'example-square' }).isChecked()).toBe(true);
    await expect.poll(() => text(pick.locator('.xp-status')), POLL).toMatch(/^The model says square/);
    await expect.poll(() => repainted(page, region, before), POLL).toBeGreaterThan(2);
    expect(await text(mode)).toBe('views show your input (Example sketch)');
    const pad = list.locator('[data-xp-control="control-draw"]');
    before = await thumbnails(page);
    await pad.getByRole('img', { name: /drawing pad, 28 × 28/ }).focus();
    await page.keyboard.press('Space');
    for (let i = 0; i < 6; i++) await page.keyboard.press('Shift+ArrowDown');
    await expect.poll(() => text(pad.locator('.xp-status')), POLL).toMatch(/^The model says /);
    await expect.poll(() => repainted(page, region, before), POLL).toBeGreaterThan(2);
    expect(await text(mode)).toBe('views show your input (Your own sketch (28 × 28))');
    expect(await pick.getByRole('button', { name: "Back to the page's input" }).count()).toBe(0);
    await pad.getByRole('button', { name: "Back to the page's input" }).click();
    expect(await mode.count()).toBe(0);

    // An open layer view: the page's call, then the control's input, then the page again (the control's own way back).
    await panel.getByRole('button', { name: 'Outline', exact: true }).click();
    await panel.getByRole('button', { name: /^conv1 Conv2D/ }).click();
    const live = panel.locator('section.live');
    await live.waitFor(POLL);
    const stats = async () => {
      await live.scrollIntoViewIfNeeded();
      return (await live.locator('.stats').count()) > 0 ? await text(live.locator('.stats')) : '';
    };
    await expect
      .poll(async () => {
        await pageCall(page);
        return stats();
      }, POLL)
      .toMatch(/min/);
    const fromPage = await stats();
    await slider.focus();
    await page.keyboard.press('Home');
    await expect.poll(() => text(control.locator('.xp-status')), POLL).toMatch(/^The model says triangle/);
    await expect.poll(stats, POLL).not.toBe(fromPage);
    const fromControl = await stats();
    await control.getByRole('button', { name: "Back to the page's input" }).click();
    await expect
      .poll(async () => {
        await pageCall(page);
        return stats();
      }, POLL)
      .not.toBe(fromControl);

    // Try your own input drives the diagram too; closing it gives the thumbnails back to the page.
    await panel.locator('article.detail button.back').click();
    await panel.getByRole('button', { name: 'Diagram', exact: true }).click();
    await region.waitFor(POLL);
    before = await thumbnails(page);
    await explore.getByRole('button', { name: 'Try your own input' }).click();
    await expect.poll(() => text(mode), POLL).toBe('views show your input');
    await explore.getByRole('slider', { name: 'Brightness' }).focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => repainted(page, region, before), POLL).toBeGreaterThan(2);
    await explore.getByRole('button', { name: 'Try your own input' }).click();
    expect(await mode.count()).toBe(0);
    before = await thumbnails(page);
    await expect
      .poll(async () => {
        await pageCall(page);
        return repainted(page, region, before);
      }, POLL)
      .toBeGreaterThan(2);

    // The page's tensors: none left by the reader's runs.
    await expect.poll(() => settledTensors(page), POLL).toBe(tensorsBefore);
    expect(seen.errors).toEqual([]);
    await page.close();
  }, 120_000);
});

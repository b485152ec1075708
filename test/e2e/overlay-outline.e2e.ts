// The overlay on a page with a known CNN: the launcher appears (and only where tf.js is), opens the outline with
// the right nodes and parameters, a glossary line and an equation in loaded KaTeX fonts, a live view whose pixels
// change as the page predicts and that unsubscribes when closed; Escape and the keyboard command; axe finds nothing.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type GalleryServer } from '../../demos/server';
import {
  currentWorker,
  launchWithExtension,
  screenshot,
  tabIdOf,
  waitForBadge,
  watchConsole,
  type ExtensionSession,
} from './harness';
import { isolatedWorld } from './hook-fixtures/isolated';
import { inShadow, katexFonts, overlayRoutes } from './overlay-pages';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let session: ExtensionSession;
let server: GalleryServer;

beforeAll(async () => {
  server = await startServer({ port: 0, routes: overlayRoutes() });
  session = await launchWithExtension({ extensionDir: process.env.LITERATE_EXTENSION_DIR });
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

async function openCnn(): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`${server.url}/overlay/cnn.html`);
  await page.waitForSelector('html[data-ready="1"]');
  await page.getByRole('button', { name: 'Explain this model' }).waitFor();
  return page;
}

/** Active live subscriptions in the content script (the ContentApi's own table). */
async function liveSubscriptions(page: Page): Promise<number> {
  const world = await isolatedWorld(page, session.extensionId);
  try {
    return await world.evaluate<number>(`globalThis[Symbol.for('literate.content-api')].subscriptions.size`);
  } finally {
    await world.close();
  }
}

/** How far an equation's typeset boxes stick out of its box, in px (≤ 0: it fits). */
function equationOverflow(page: Page, name: string): Promise<number> {
  return page.getByRole('group', { name }).evaluate((el) => {
    const box = el.getBoundingClientRect();
    const parts = [...el.querySelectorAll('.katex-html > *')].map((b) => b.getBoundingClientRect());
    if (parts.length === 0) return Infinity; // nothing typeset: not a pass
    return Math.max(
      box.left - Math.min(...parts.map((r) => r.left)),
      Math.max(...parts.map((r) => r.right)) - box.right,
    );
  });
}

async function runAxe(page: Page): Promise<{ id: string; nodes: string[] }[]> {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (window as any).axe;
    const result = await axe.run({ include: [['literate-overlay', '.lt']] }, { resultTypes: ['violations'] });
    return result.violations.map((v: any) => ({
      id: v.id,
      nodes: v.nodes.map((n: any) => n.html.slice(0, 120)),
    }));
  });
}

describe('overlay: launcher and outline', () => {
  it('shows nothing at all on a page without tf.js', async () => {
    // First prove the overlay does appear on a tf.js page in this browser, so the absence below means something.
    const withModel = await openCnn();
    await withModel.close();
    const page = await session.context.newPage();
    const seen = watchConsole(page);
    await page.goto(`${server.url}/overlay/no-tfjs.html`);
    await page.waitForLoadState('load');
    await page.waitForTimeout(1500);
    expect(await page.locator('literate-overlay').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Explain this model' }).count()).toBe(0);
    expect(seen.messages).toEqual([]);
    await page.close();
  });

  it('opens the outline with every node, its op, shape and parameters, and a glossary line', async () => {
    const page = await openCnn();
    const seen = watchConsole(page);
    expect(await waitForBadge(session, await tabIdOf(session, page), '1')).toBe('1');
    const launcher = page.getByRole('button', { name: 'Explain this model' });
    expect(await launcher.getAttribute('aria-expanded')).toBe('false');
    await screenshot(page, 'overlay-launcher');
    await launcher.click();

    const panel = page.getByRole('dialog', { name: 'Literate' });
    await panel.waitFor();
    await expect.poll(() => panel.getByRole('heading', { name: 'digits_cnn' }).count()).toBe(1);
    const list = panel.getByRole('list', { name: 'digits_cnn layers' });
    const rows = list.getByRole('listitem');
    await expect.poll(() => rows.count()).toBe(5);
    const names = await list.locator('.node-name').allTextContents();
    expect(names).toEqual([expect.stringMatching(/input/), 'conv1', 'pool1', 'flatten', 'probs']);
    const conv = rows.nth(1);
    expect(await conv.locator('.chip').textContent()).toBe('Conv2D');
    expect((await conv.locator('.shape').textContent())?.replace(/\u202f/g, ' ')).toBe('26 × 26 × 8');
    expect(await conv.locator('.params').textContent()).toContain('80');
    expect(await conv.locator('.gloss').textContent()).toContain('Slides small learned filters');
    expect(await rows.nth(4).locator('.params').textContent()).toContain('14K');
    const totals = await panel.getByRole('region', { name: 'Model totals' }).textContent();
    expect(totals).toContain('13,610');
    expect(totals).toContain('cpu');
    expect(totals).toContain('4.22.0');

    // The filter box narrows the list.
    await panel.getByRole('searchbox', { name: /Filter layers/ }).fill('pool');
    await expect.poll(() => rows.count()).toBe(1);
    await panel.getByRole('searchbox', { name: /Filter layers/ }).fill('');
    await expect.poll(() => rows.count()).toBe(5);
    await screenshot(page, 'overlay-outline-light');
    expect(seen.errors).toEqual([]);
    await page.close();
  });

  it('opens a conv layer view with its equation in loaded KaTeX fonts and live feature maps that change', async () => {
    const page = await openCnn();
    await page.getByRole('button', { name: 'Explain this model' }).click();
    const panel = page.getByRole('dialog', { name: 'Literate' });
    // KaTeX and the pack renderer are chunks of their own: the outline has no math, this page has no pack.
    await panel.getByRole('button', { name: /^conv1 Conv2D/ }).waitFor();
    const katexLoaded = () =>
      page.evaluate(() => performance.getEntriesByName('literate:katex-loaded').length);
    expect(await katexLoaded()).toBe(0);
    expect(await page.evaluate(() => performance.getEntriesByName('literate:renderer-loaded').length)).toBe(
      0,
    );
    await panel.getByRole('button', { name: /^conv1 Conv2D/ }).click();
    await panel.getByRole('heading', { name: 'conv1', level: 3 }).waitFor();

    // The equation: KaTeX markup with MathML for screen readers, typeset in KaTeX's own fonts.
    const equation = panel.getByRole('group', { name: 'Equation of 2-D convolution' });
    await equation.waitFor();
    expect(await equation.locator('.katex-html').count()).toBe(1);
    expect(await equation.locator('math').count()).toBe(1);
    expect(await katexLoaded()).toBe(1);
    await expect
      .poll(async () => (await katexFonts(page)).filter((f) => f.status === 'loaded').map((f) => f.family))
      .toEqual(expect.arrayContaining(['KaTeX_Main', 'KaTeX_Math']));
    const fontFamily = await equation
      .locator('.katex')
      .first()
      .evaluate((el) => getComputedStyle(el).fontFamily);
    expect(fontFamily).toMatch(/^KaTeX_Main/);
    // Shrunk to fit the panel rather than cut off.
    await expect.poll(() => equationOverflow(page, 'Equation of 2-D convolution')).toBeLessThanOrEqual(0);

    // Live feature maps: the canvas's pixels change while the page keeps predicting.
    const maps = panel.getByRole('img', { name: /feature maps of conv1/ });
    await maps.waitFor({ timeout: 20_000 });
    const pixels = () =>
      inShadow<string>(page, `(root) => root.querySelector('canvas.pixelated').toDataURL()`);
    const first = await pixels();
    await expect.poll(pixels, { timeout: 20_000 }).not.toBe(first);
    expect(await panel.locator('.live .stats').textContent()).toMatch(/min.*max.*mean.*zeros/);
    expect(await liveSubscriptions(page)).toBe(1);
    await screenshot(page, 'overlay-conv-light');

    // Closing the panel ends the subscription: no tap stays on when nothing shows it.
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    await expect.poll(() => liveSubscriptions(page)).toBe(0);
    await page.close();
  });

  it('shows the softmax output as top-k probabilities', async () => {
    const page = await openCnn();
    await page.getByRole('button', { name: 'Explain this model' }).click();
    const panel = page.getByRole('dialog', { name: 'Literate' });
    await panel.getByRole('button', { name: /^probs Dense/ }).click();
    const top = panel.getByRole('list', { name: 'Most likely classes' });
    await top.waitFor({ timeout: 20_000 });
    await expect.poll(() => top.getByRole('listitem').count()).toBe(5);
    expect(await top.textContent()).toMatch(/class \d+\d+\.\d%/);
    expect(await panel.textContent()).toContain('Then the activation Softmax');
    await page.close();
  });

  it('closes on Escape with focus back on the launcher, and the keyboard command toggles it', async () => {
    const page = await openCnn();
    const launcher = page.getByRole('button', { name: 'Explain this model' });
    await launcher.focus();
    await page.keyboard.press('Enter');
    const panel = page.getByRole('dialog', { name: 'Literate' });
    await panel.waitFor();
    // Focus moved into the panel, onto its title.
    await expect
      .poll(() => inShadow<string>(page, `(root) => root.activeElement?.textContent`))
      .toBe('Literate');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    await expect
      .poll(() => inShadow<string>(page, `(root) => root.activeElement?.getAttribute('aria-label')`))
      .toBe('Explain this model');

    // The background relays Alt+Shift+L as a 'toggle-overlay' message to the tab.
    const tabId = await tabIdOf(session, page);
    const send = async () =>
      (await currentWorker(session)).evaluate(
        (id: number) => chrome.tabs.sendMessage(id, { type: 'toggle-overlay' }),
        tabId,
      );
    await send();
    await panel.waitFor();
    await send();
    await panel.waitFor({ state: 'detached' });

    // Alt+Shift+E, relayed as 'toggle-authoring': the panel opens in authoring mode; again, authoring ends.
    const commands = await (
      await currentWorker(session)
    ).evaluate(() => chrome.commands.getAll().then((all) => all.map((c) => `${c.name}=${c.shortcut}`)));
    expect(commands).toEqual(
      expect.arrayContaining(['toggle-overlay=Alt+Shift+L', 'toggle-authoring=Alt+Shift+E']),
    );
    const authoring = async () =>
      (await currentWorker(session)).evaluate(
        (id: number) => chrome.tabs.sendMessage(id, { type: 'toggle-authoring' }),
        tabId,
      );
    await authoring();
    await panel.waitFor();
    const done = panel.getByRole('button', { name: 'Done writing' });
    await done.waitFor();
    expect(await done.getAttribute('aria-pressed')).toBe('true');
    await authoring();
    await panel.getByRole('button', { name: 'Write notes' }).waitFor();
    await page.close();
  });

  it('moves the launcher by keyboard and pointer and remembers its place for the site', async () => {
    const page = await openCnn();
    const launcher = page.getByRole('button', { name: 'Explain this model' });
    const before = (await launcher.boundingBox())!;
    await launcher.focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Shift+ArrowUp');
    await expect.poll(async () => (await launcher.boundingBox())!.x).toBe(before.x - 16);
    await expect.poll(async () => (await launcher.boundingBox())!.y).toBe(before.y - 64);
    expect(await page.getByRole('dialog').count()).toBe(0);

    const box = (await launcher.boundingBox())!;
    await page.mouse.move(box.x + 20, box.y + 20);
    await page.mouse.down();
    await page.mouse.move(box.x - 100, box.y - 150, { steps: 8 });
    await page.mouse.up();
    await expect.poll(async () => (await launcher.boundingBox())!.x).toBe(box.x - 120);
    // A drag is not a click: the panel stayed closed.
    expect(await page.getByRole('dialog').count()).toBe(0);
    const place = () => launcher.evaluate((el) => [el.style.right, el.style.bottom]);
    const moved = await place();
    expect(moved).toEqual([`${20 + 16 + 120}px`, `${20 + 64 + 170}px`]);

    await page.reload();
    await page.waitForSelector('html[data-ready="1"]');
    await launcher.waitFor();
    await expect.poll(place).toEqual(moved);
    await page.close();
  });

  it('has no axe violations: launcher, outline and layer view, light and dark', async () => {
    const page = await openCnn();
    expect(await runAxe(page)).toEqual([]);
    await page.getByRole('button', { name: 'Explain this model' }).click();
    const panel = page.getByRole('dialog', { name: 'Literate' });
    await panel.getByRole('list', { name: 'digits_cnn layers' }).waitFor();
    expect(await runAxe(page)).toEqual([]);
    await panel.getByRole('button', { name: /^conv1 Conv2D/ }).click();
    await panel.getByRole('img', { name: /feature maps of conv1/ }).waitFor({ timeout: 20_000 });
    expect(await runAxe(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await runAxe(page)).toEqual([]);
    await expect.poll(() => equationOverflow(page, 'Equation of 2-D convolution')).toBeLessThanOrEqual(0);
    await screenshot(page, 'overlay-conv-dark');
    await panel.getByRole('button', { name: 'All layers' }).click();
    await panel.getByRole('list', { name: 'digits_cnn layers' }).waitFor();
    expect(await runAxe(page)).toEqual([]);
    await screenshot(page, 'overlay-outline-dark');
    await page.close();
  });
});

describe('overlay: live views only while seen', () => {
  it('unsubscribes when the tab is hidden or the view scrolls away, and resumes when it is back', async () => {
    const page = await openCnn();
    await page.getByRole('button', { name: 'Explain this model' }).click();
    const panel = page.getByRole('dialog', { name: 'Literate' });
    await panel.getByRole('button', { name: /^conv1 Conv2D/ }).click();
    await panel.getByRole('img', { name: /feature maps of conv1/ }).waitFor({ timeout: 20_000 });
    expect(await liveSubscriptions(page)).toBe(1);

    // The tab hidden. Headless Chromium never hides a page, so the content script's world is told so the way the
    // browser would: visibilityState reads 'hidden' there and a visibilitychange event fires.
    const setVisibility = async (state: 'hidden' | 'visible') => {
      const world = await isolatedWorld(page, session.extensionId);
      await world.evaluate(
        `(Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => '${state}' }), document.dispatchEvent(new Event('visibilitychange')), true)`,
      );
      await world.close();
    };
    await setVisibility('hidden');
    await expect.poll(() => liveSubscriptions(page)).toBe(0);
    await setVisibility('visible');
    await expect.poll(() => liveSubscriptions(page)).toBe(1);

    // The live view scrolled out of the panel: off.
    await inShadow(
      page,
      `(root) => { const body = root.querySelector('.panel-body'); const spacer = document.createElement('div'); spacer.style.height = '3000px'; body.append(spacer); body.scrollTop = 3000; }`,
    );
    await expect.poll(() => liveSubscriptions(page)).toBe(0);
    await inShadow(page, `(root) => { root.querySelector('.panel-body').scrollTop = 0; }`);
    await expect.poll(() => liveSubscriptions(page)).toBe(1);

    // Back to the outline: the layer view is gone and so is its tap.
    await panel.getByRole('button', { name: 'All layers' }).click();
    await expect.poll(() => liveSubscriptions(page)).toBe(0);
    await page.close();
  });

  it('lists every model on the page in tabs', async () => {
    const page = await session.context.newPage();
    await page.goto(`${server.url}/overlay/two-models.html`);
    await page.waitForSelector('html[data-ready="1"]');
    await page.getByRole('button', { name: 'Explain this model' }).click();
    const panel = page.getByRole('dialog', { name: 'Literate' });
    const tabs = panel.getByRole('tablist', { name: 'Models on this page' }).getByRole('tab');
    await expect.poll(() => tabs.count()).toBe(2);
    expect(await panel.textContent()).toContain('2 models on this page');
    const first = (await tabs.nth(0).textContent()) ?? '';
    await tabs.nth(0).focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => tabs.nth(1).getAttribute('aria-selected')).toBe('true');
    const second = (await tabs.nth(1).textContent()) ?? '';
    expect([first, second].map((t) => t.replace(/\d.*$/, '')).sort()).toEqual(['functional', 'seq']);
    await panel.getByRole('tabpanel').getByRole('heading', { level: 3 }).first().waitFor();
    expect(await runAxe(page)).toEqual([]);
    await screenshot(page, 'overlay-two-models');
    await page.close();
  });
});

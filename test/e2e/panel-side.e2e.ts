// The panel beside the page (issue #16 items 3, 4, 7), in Chromium at 1280 × 800: opened on a gallery demo it makes
// room (the page reflows beside it) and covers none of the demo's content, and the page's own style is back when it
// closes; it docks left, right or at the bottom by mouse or keyboard, remembered per site, axe-clean; a pack note
// whose element is display: none is listed in the panel with its reason and counted by the popup; a pack's notes
// for its other page are no orphans here; a page without a doctype (quirks mode) with math gets no console output
// from Literate; a bundled page (no global tf) reports its tf.js version.

import { rmSync } from 'node:fs';
import type { ConsoleMessage, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Pack } from '../../annotations/format/types';
import { startServer, type GalleryServer } from '../../demos/server';
import { html, TFJS_UMD } from './fixtures';
import { launchWithExtension, openPopup, screenshot, tabIdOf, type ExtensionSession } from './harness';
import { CNN_SCRIPT, inShadow } from './overlay-pages';
import {
  axeOverlay,
  extensionWithPacks,
  note,
  overlaps,
  validPackText,
  type Box,
} from './overlay-packs-support';

const VIEWPORT = { width: 1280, height: 800 };
const TF = TFJS_UMD['4.22.0']!;
const CSS = `<style>body{font:16px/1.5 Georgia,serif;margin:0}main{max-width:900px;margin:30px auto;padding:0 20px}</style>`;
const body = (inner: string) =>
  `<main>${inner}<output id="out"></output></main><script src="/side/cnn.js"></script>`;
const doc = (title: string, inner: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>${CSS}<script src="${TF}"></script></head><body>${body(inner)}</body></html>`;

/** A camera page whose video is not shown (as on the real PoseNet page), its sibling page, and one in quirks mode. */
const CAMERA = doc(
  'Camera',
  `<h1>Camera demo</h1><video id="cam" style="display:none"></video><p id="status">Pose estimation runs on every frame.</p>`,
);
/** A layout positioned against the viewport: a margin on <html> alone does not move it. */
const ABSOLUTE = doc(
  'Absolute',
  `<h1>Absolutely placed</h1><p>The column is positioned absolutely.</p><style>main{position:absolute;left:60px;right:60px;top:0}</style>`,
);
const COCO = doc('Coco', `<h1>Coco demo</h1><canvas id="coco" width="200" height="100"></canvas>`);
const QUIRKS = `<html><head><title>Quirks</title>${CSS}<script src="${TF}"></script></head><body>${body(
  `<h1>No doctype here</h1><p id="rule">The rule is a ReLU.</p>`,
)}</body></html>`;

function sidePack(): Pack {
  const camera = 'http://127.0.0.1:*/side/camera.html';
  const coco = 'http://127.0.0.1:*/side/coco.html';
  return {
    '@context': ['http://www.w3.org/ns/anno.jsonld', 'https://literate.dev/ns/pack/1'],
    type: 'AnnotationCollection',
    literate: '1',
    id: 'e2e-side',
    title: 'Side by side',
    authors: [{ name: 'Ada Lovelace' }],
    license: 'CC-BY-4.0',
    version: '1.0.0',
    targets: {
      pages: ['http://127.0.0.1:*/side/*.html'],
      models: [{ alias: 'cnn', structure: { kind: 'layers', nodes: [{ name: 'conv1', op: 'Conv2D' }] } }],
    },
    items: [
      note('title', 'The title of the demo.', { selector: [{ type: 'CssSelector', value: 'main h1' }] }),
      note('video', 'The camera feed the model reads.', {
        pages: [camera],
        selector: [{ type: 'CssSelector', value: '#cam' }],
      }),
      note('status', 'It runs on every frame.', {
        pages: [camera],
        selector: [{ type: 'CssSelector', value: '#status' }],
      }),
      note('coco', 'The picture from the COCO data set.', {
        pages: [coco],
        selector: [{ type: 'CssSelector', value: '#coco' }],
      }),
      note('rule', 'A ReLU keeps the positive part: $y = \\max(0, x)$.', {
        pages: ['http://127.0.0.1:*/side/quirks.html'],
        selector: [{ type: 'CssSelector', value: '#rule' }],
      }),
    ],
  };
}

let session: ExtensionSession;
let server: GalleryServer;
let dir: string;

beforeAll(async () => {
  server = await startServer({
    port: 0,
    routes: [
      {
        path: '/side/cnn.js',
        handler: (_q, r) => (r.setHeader('content-type', 'text/javascript'), r.end(CNN_SCRIPT)),
      },
      { path: '/side/camera.html', handler: html(CAMERA) },
      { path: '/side/coco.html', handler: html(COCO) },
      { path: '/side/absolute.html', handler: html(ABSOLUTE) },
      { path: '/side/quirks.html', handler: html(QUIRKS) },
    ],
  });
  dir = extensionWithPacks({ 'e2e-side.json': validPackText(sidePack()) });
  session = await launchWithExtension({ extensionDir: dir, viewport: VIEWPORT });
});

afterAll(async () => {
  await session?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function openPanel(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Explain this model' }).click({ timeout: 30_000 });
  const panel = page.getByRole('dialog', { name: 'Literate' });
  await panel.waitFor();
  return panel;
}

const panelBox = (page: Page) =>
  inShadow<Box>(
    page,
    `(root) => { const r = root.querySelector('.panel').getBoundingClientRect(); return { left: r.left, top: r.top, right: r.right, bottom: r.bottom }; }`,
  );

/** The demo's content: the header's text, the main column and each of its parts, as laid out now. */
const contentBoxes = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('.site-header h1, .site-header p, main, main > *, main h2, main canvas')]
      .map((el) => {
        const r = el.getBoundingClientRect();
        return {
          what: el.id || el.className || el.tagName,
          left: r.left,
          top: r.top,
          right: r.right,
          bottom: r.bottom,
        };
      })
      .filter((r) => r.right > r.left && r.bottom > r.top),
  );

async function covered(page: Page): Promise<string[]> {
  const panel = await panelBox(page);
  // Only what is in the viewport can be covered (the panel is fixed).
  return (await contentBoxes(page))
    .filter((r) => r.top < VIEWPORT.height && overlaps(r, panel))
    .map((r) => `${r.what} ${Math.round(r.left)}..${Math.round(r.right)}`);
}

const rootStyle = (page: Page) => page.evaluate(() => document.documentElement.getAttribute('style'));

describe('side by side', () => {
  it('on a gallery demo at 1280 px, the page reflows beside the panel: it covers none of the content', async () => {
    const page = await session.context.newPage();
    await page.goto(`${server.url}/demos/draw-shapes/`);
    await page.getByRole('button', { name: 'Explain this model' }).waitFor({ timeout: 30_000 });
    // Left and right edges: heights change as the demo fills in its results.
    const across = async () => (await contentBoxes(page)).map((r) => [r.what, r.left, r.right]);
    const before = await contentBoxes(page);
    const acrossBefore = await across();
    // Without room made, a 420 px panel on the right would cover the demo's right column.
    expect(before.some((r) => r.right > VIEWPORT.width - 420)).toBe(true);
    expect(await rootStyle(page)).toBeNull();

    const panel = await openPanel(page);
    await expect.poll(() => covered(page), { timeout: 10_000 }).toEqual([]);
    const box = await panelBox(page);
    expect(box.right - box.left).toBeGreaterThanOrEqual(320);
    // Nothing scrolls sideways: the page fits the room left to it.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      VIEWPORT.width,
    );
    await screenshot(page, 'panel-side-by-side');

    await panel.getByRole('button', { name: 'Close Literate panel' }).click();
    await panel.waitFor({ state: 'detached' });
    expect(await rootStyle(page)).toBeNull();
    expect(await across()).toEqual(acrossBefore);
    await page.close();
  });

  it('also on a page whose content is positioned absolutely against the viewport', async () => {
    const page = await session.context.newPage();
    await page.goto(`${server.url}/side/absolute.html`);
    await page.getByRole('button', { name: 'Explain this model' }).waitFor({ timeout: 30_000 });
    const main = () => page.evaluate(() => document.querySelector('main')!.getBoundingClientRect().right);
    expect(await main()).toBeGreaterThan(VIEWPORT.width - 420);
    const panel = await openPanel(page);
    await expect.poll(() => covered(page), { timeout: 10_000 }).toEqual([]);
    await panel.getByRole('button', { name: 'Close Literate panel' }).click();
    await panel.waitFor({ state: 'detached' });
    expect(await rootStyle(page)).toBeNull();
    await page.close();
  });

  it('docks left, at the bottom and right by mouse and keyboard, remembered for the site, axe-clean', async () => {
    const page = await session.context.newPage();
    await page.goto(`${server.url}/demos/draw-shapes/`);
    let panel = await openPanel(page);
    await panel.getByRole('button', { name: 'Dock at the bottom' }).click();
    await expect.poll(() => panel.getAttribute('data-side')).toBe('bottom');
    const bottom = await panelBox(page);
    expect(bottom.left).toBe(0);
    expect(bottom.right).toBe(VIEWPORT.width);
    // The page makes room below its end (so its last content scrolls above the panel), not beside it.
    const margins = () =>
      page.evaluate(() => {
        const s = document.documentElement.style;
        return [s.marginLeft, s.marginRight, s.marginBottom];
      });
    expect(await margins()).toEqual(['', '', `${Math.round(bottom.bottom - bottom.top)}px`]);
    expect(await axeOverlay(page)).toEqual([]);

    await panel.getByRole('button', { name: 'Dock left' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => panel.getAttribute('data-side')).toBe('left');
    expect(await panel.getByRole('button', { name: 'Dock left' }).getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => covered(page)).toEqual([]);
    const left = await panelBox(page);
    expect((await margins())[0]).toBe(`${Math.round(left.right - left.left)}px`);
    expect(await axeOverlay(page)).toEqual([]);

    // Remembered for the site: the next visit opens docked left.
    await page.reload();
    panel = await openPanel(page);
    await expect.poll(() => panel.getAttribute('data-side')).toBe('left');
    await panel.getByRole('button', { name: 'Dock right' }).click();
    await expect.poll(() => panel.getAttribute('data-side')).toBe('right');
    await expect.poll(() => covered(page)).toEqual([]);
    await page.close();
  });
});

describe('notes on hidden elements and per-page notes', () => {
  it('lists a note whose element is display: none in the panel with its reason, and the popup counts it', async () => {
    const page = await session.context.newPage();
    await page.goto(`${server.url}/side/camera.html`);
    const panel = await openPanel(page);
    await panel.locator('.pack-head').waitFor({ timeout: 20_000 });
    const hidden = panel.getByRole('list', { name: 'Notes about parts of the page not shown' });
    await hidden.waitFor({ timeout: 10_000 });
    expect(
      await hidden.locator('[data-hidden-note-id]').evaluateAll((els) => els.map((e) => e.textContent)),
    ).toEqual(['The camera feed the model reads.its element is hidden on this page (display: none)']);
    // Not an orphan; the note for the other page is neither here nor an orphan.
    expect(await panel.locator('.orphans:not(.hidden-notes)').count()).toBe(0);
    await expect
      .poll(() =>
        inShadow<string[]>(
          page,
          `(root) => [...root.querySelectorAll('.sidenote')].map((n) => n.dataset.noteId)`,
        ),
      )
      .toEqual(expect.arrayContaining(['title', 'status']));
    const popup = await openPopup(session, await tabIdOf(session, page));
    await expect
      .poll(() => popup.getByTestId('hidden-notes').textContent(), { timeout: 10_000 })
      .toMatch(/^1 note is about parts of the\s+page it does not show/);
    expect(await popup.getByTestId('orphans').count()).toBe(0);
    await popup.close();

    // Shown again, it goes back beside the page and leaves the list.
    await page.evaluate(() => (document.getElementById('cam')!.style.display = 'block'));
    await hidden.waitFor({ state: 'detached', timeout: 10_000 });
    await page.close();
  });

  it('on the pack’s other page, the camera page’s notes are no orphans', async () => {
    const page = await session.context.newPage();
    await page.goto(`${server.url}/side/coco.html`);
    const panel = await openPanel(page);
    await panel.locator('.pack-head').waitFor({ timeout: 20_000 });
    await expect
      .poll(() =>
        inShadow<string[]>(
          page,
          `(root) => [...root.querySelectorAll('.sidenote')].map((n) => n.dataset.noteId).sort()`,
        ),
      )
      .toEqual(['coco', 'title']);
    expect(await panel.locator('.orphans').count()).toBe(0);
    const popup = await openPopup(session, await tabIdOf(session, page));
    await popup.getByText('Side by side').first().waitFor();
    expect(await popup.getByTestId('orphans').count()).toBe(0);
    await popup.close();
    await page.close();
  });
});

describe('tf.js version', () => {
  it('is reported on a bundled page (no global tf): read from the page’s bundle', async () => {
    const page = await session.context.newPage();
    await page.goto(`${server.url}/demos/moving-shapes/`);
    expect(await page.evaluate(() => typeof (window as { tf?: unknown }).tf)).toBe('undefined');
    const panel = await openPanel(page);
    const version = panel.locator('.totals div', { hasText: 'tf.js' }).locator('dd');
    await expect.poll(() => version.textContent(), { timeout: 15_000 }).toBe('4.22.0');
    await page.close();
  });
});

describe('quirks mode', () => {
  it('a page without a doctype, with a pack with math: no console output from Literate', async () => {
    const page = await session.context.newPage();
    const seen: ConsoleMessage[] = [];
    page.on('console', (m) => seen.push(m));
    await page.goto(`${server.url}/side/quirks.html`);
    expect(await page.evaluate(() => document.compatMode)).toBe('BackCompat');
    const panel = await openPanel(page);
    await panel.locator('.pack-head').waitFor({ timeout: 20_000 });
    // The math is typeset (KaTeX loaded and ran) ...
    await expect
      .poll(
        () =>
          inShadow<number>(
            page,
            `(root) => root.querySelectorAll('.sidenote[data-note-id="rule"] .katex').length`,
          ),
        {
          timeout: 15_000,
        },
      )
      .toBeGreaterThan(0);
    await page.waitForTimeout(500);
    // ... and nothing was printed: neither by Literate's scripts nor anything naming KaTeX.
    const ours = seen
      .filter((m) => m.location().url.startsWith('chrome-extension://') || /katex|literate/i.test(m.text()))
      .map((m) => `${m.type()}: ${m.text()} (${m.location().url})`);
    expect(ours).toEqual([]);
    await page.close();
  });
});

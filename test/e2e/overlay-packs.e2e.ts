// The overlay with a pack, as readers see it in Chromium: on every gallery demo with its shipped pack, notes sit in
// the margin beside their anchors and never overlap, equations are typeset in KaTeX's fonts with symbols linked
// to their tensors, views change as the model runs, a tour is walked through (buttons, keys, a link to a step),
// axe finds nothing; on a test page, deliberately broken anchors are listed as orphans with their reasons and
// reported to the popup, and a narrow window turns the notes into numbered markers. Screenshots in light and dark.

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { acceptConsent, readerGesture } from './packs-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchPageUrl } from '../../annotations/targets/match-page';
import type { Pack } from '../../annotations/format/types';
import { startServer, type GalleryServer } from '../../demos/server';
import {
  ARTIFACTS_DIR,
  launchWithExtension,
  openPopup,
  screenshot,
  tabIdOf,
  watchConsole,
  type ExtensionSession,
} from './harness';
import { inShadow, katexFonts, overlayRoutes } from './overlay-pages';
import {
  articlePack,
  articleRoutes,
  axeOverlay,
  cnnPack,
  DIGITS,
  extensionWithPacks,
  overlaps,
  pageNotes,
  rings,
  shippedPacks,
  validPackText,
  type Box,
  type NoteGeometry,
} from './overlay-packs-support';

const VIEWPORT = { width: 1680, height: 1000 };
/** The layout's promise (sidenotes/layout.ts MAX_DISPLACEMENT): a note in the margin is this close to its anchor. */
const NEAR = 120;
const ARTICLE_NOTES = 50;

const GALLERY = [
  '/demos/draw-shapes/',
  '/demos/moving-shapes/',
  '/demos/decision-regions/',
  '/demos/legacy-spiral/',
];

let session: ExtensionSession;
let server: GalleryServer;
let dir: string;
let shipped: Pack[];

beforeAll(async () => {
  server = await startServer({ port: 0, routes: [...overlayRoutes(), ...articleRoutes(ARTICLE_NOTES)] });
  dir = extensionWithPacks({
    'e2e-cnn.json': validPackText(cnnPack()),
    'e2e-article.json': validPackText(articlePack(ARTICLE_NOTES)),
  });
  shipped = shippedPacks();
  session = await launchWithExtension({ extensionDir: dir, viewport: VIEWPORT });
});

afterAll(async () => {
  await session?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The shipped pack that explains a gallery page, if one does. */
function packFor(path: string): Pack | undefined {
  return shipped.find((p) => matchPageUrl(p, `${server.url}${path}`).matched);
}

async function openWithPack(path: string, dark = false): Promise<{ page: Page; panel: Locator }> {
  const page = await session.context.newPage();
  if (dark) await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(`${server.url}${path}`);
  await page.getByRole('button', { name: 'Explain this model' }).click({ timeout: 30_000 });
  const panel = page.getByRole('dialog', { name: 'Literate' });
  await panel.locator('.pack-head').waitFor({ timeout: 20_000 });
  return { page, panel };
}

/** The page notes once their layout has settled (two reads a moment apart agree). */
async function settledNotes(page: Page): Promise<NoteGeometry[]> {
  let last = '';
  const seen: string[] = [];
  for (let i = 0; i < 60; i++) {
    const notes = (await pageNotes(page)).notes;
    const now = JSON.stringify(notes);
    if (now === last) return notes;
    if (last) seen.push(diff(last, now));
    last = now;
    await page.waitForTimeout(250);
  }
  throw new Error(`the notes' layout keeps changing: ${seen.slice(-3).join(' / ')}`);
}

function diff(a: string, b: string): string {
  const x = JSON.parse(a) as NoteGeometry[];
  const y = JSON.parse(b) as NoteGeometry[];
  return y
    .filter((n, i) => JSON.stringify(n) !== JSON.stringify(x[i]))
    .slice(0, 3)
    .map((n) => `${n.id}: ${JSON.stringify(x.find((m) => m.id === n.id))} → ${JSON.stringify(n)}`)
    .join('; ');
}

function union(boxes: Box[]): Box {
  return boxes.reduce<Box>(
    (u, r) => ({
      left: Math.min(u.left, r.left),
      top: Math.min(u.top, r.top),
      right: Math.max(u.right, r.right),
      bottom: Math.max(u.bottom, r.bottom),
    }),
    { left: Infinity, top: Infinity, right: -Infinity, bottom: -Infinity },
  );
}

/** Every note in the margin is beside its anchor (hovering it rings the anchor) and no two notes overlap. */
async function expectNotesBesideAnchors(page: Page): Promise<number> {
  await expect.poll(async () => (await pageNotes(page)).mode, { timeout: 15_000 }).toBe('margin');
  await expect
    .poll(async () => (await pageNotes(page)).notes.filter((n) => !n.hidden).length, { timeout: 15_000 })
    .toBeGreaterThan(0);
  const notes = await settledNotes(page);
  const inMargin = notes.filter((n) => !n.hidden && !n.folded);
  for (let i = 0; i < inMargin.length; i++)
    for (let j = i + 1; j < inMargin.length; j++) {
      const [a, b] = [inMargin[i]!, inMargin[j]!];
      expect(
        overlaps(a.box, b.box),
        `${a.id} ${JSON.stringify(a.box)} overlaps ${b.id} ${JSON.stringify(b.box)}`,
      ).toBe(false);
    }
  for (const { id } of inMargin) {
    const read = async () => (await pageNotes(page)).notes.find((n) => n.id === id)!.box;
    let box = await read();
    if (box.top < 0 || box.top + 16 > VIEWPORT.height) {
      // Notes follow their anchors: scrolling the page brings this one into view.
      await page.evaluate((dy) => window.scrollBy(0, dy), box.top - 200);
      await expect.poll(async () => (box = await read()).top).toBeGreaterThanOrEqual(0);
      await expect.poll(async () => (box = await read()).top).toBeLessThan(VIEWPORT.height - 16);
    }
    // Point at the note where it is now (live values can still reflow the margin), until its anchor rings.
    let drawn: Box[] = [];
    let under = 'nothing';
    await expect
      .poll(
        async () => {
          box = await read();
          const [x, y] = [(box.left + box.right) / 2, box.top + 8];
          await page.mouse.move(x, y);
          under = await page.evaluate(
            ([px, py]) => {
              const root = document.querySelector('literate-overlay')?.shadowRoot;
              const el = root?.elementFromPoint(px!, py!) ?? document.elementFromPoint(px!, py!);
              return el?.outerHTML.slice(0, 160) ?? 'nothing';
            },
            [x, y],
          );
          return (drawn = await rings(page)).length;
        },
        {
          timeout: 8_000,
          message: `hovering ${id} rings its anchor (last at ${JSON.stringify(box)}, under the pointer: ${under})`,
        },
      )
      .toBeGreaterThan(0);
    // The ring is drawn 4 px outside the anchor (3 px above and below).
    const ring = union(drawn);
    const anchor = { left: ring.left + 4, top: ring.top + 3, right: ring.right - 4, bottom: ring.bottom - 3 };
    const note = await read();
    const where = `${id}: note ${JSON.stringify(note)}, anchor ${JSON.stringify(anchor)}`;
    // Wholly to one side of its anchor, and level with it.
    expect(note.left >= anchor.right - 1 || note.right <= anchor.left + 1, `beside: ${where}`).toBe(true);
    expect(Math.abs(note.top - anchor.top), `level: ${where}`).toBeLessThanOrEqual(NEAR + 1);
    await page.mouse.move(5, VIEWPORT.height - 5);
    await expect.poll(async () => (await rings(page)).length).toBe(0);
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  return inMargin.length;
}

/** A node of the pack's model that has an equation in the pack (for the layer view tests). */
function equationNode(pack: Pack): string | undefined {
  return pack.items.find((i) => i.kind === 'equation' && i.target?.model?.node)?.target?.model?.node;
}

describe('overlay with a pack: the gallery', () => {
  it('ships packs for the gallery (draw-shapes and moving-shapes at least)', () => {
    expect(packFor('/demos/draw-shapes/')).toBeDefined();
    expect(packFor('/demos/moving-shapes/')).toBeDefined();
  });

  for (const path of GALLERY) {
    it(`${path}: provenance, notes beside their anchors, KaTeX equations linked to tensors, axe, light and dark`, async () => {
      const pack = packFor(path);
      if (!pack) {
        // Not every demo has a shipped pack yet; those that do are all checked (see the test above).
        expect(shipped.every((p) => !matchPageUrl(p, `${server.url}${path}`).matched)).toBe(true);
        return;
      }
      const name = path.split('/').filter(Boolean).pop()!;
      for (const dark of [false, true]) {
        const { page, panel } = await openWithPack(path, dark);
        const seen = watchConsole(page);
        const head = panel.locator('.pack-head');
        expect(await head.getByRole('heading', { level: 3 }).textContent()).toBe(pack.title);
        expect(await head.textContent()).toContain(pack.authors[0]!.name);
        expect(await head.getByTestId('pack-source').textContent()).toBe('from shipped with Literate');
        const hasPageNotes = pack.items.some(
          (i) => i.target?.selector && ['note', 'equation'].includes(i.kind),
        );
        if (hasPageNotes) expect(await expectNotesBesideAnchors(page)).toBeGreaterThan(0);
        // Every anchor of a shipped pack resolves on its live page and model: no orphans. (Under load an anchor can
        // resolve a moment after the notes are placed — a node's shape learned from the page's first call, an element
        // the page adds once its model answers — as a reader would see it settle; a real orphan stays.)
        await expect.poll(() => panel.locator('details.orphans').count(), { timeout: 10_000 }).toBe(0);
        await screenshot(page, `overlay-packs-${name}-${dark ? 'dark' : 'light'}`);

        const nodeId = equationNode(pack);
        if (nodeId) {
          await panel.locator(`.node-button[data-node-id="${nodeId}"]`).click();
          const math = panel.locator('.pack-notes math').first();
          await math.waitFor();
          expect(
            await math
              .locator('mi:not([mathvariant]):not([data-lt-word])')
              .first()
              .evaluate((e) => `${getComputedStyle(e).fontFamily} ${e.outerHTML}`),
          ).toMatch(/^KaTeX_Math/);
          await expect
            .poll(async () =>
              (await katexFonts(page)).filter((f) => f.status === 'loaded').map((f) => f.family),
            )
            .toEqual(expect.arrayContaining(['KaTeX_Main', 'KaTeX_Math']));
          const symbol = panel.locator('.pack-notes [data-lit-symbol]').first();
          if (await symbol.count()) {
            await symbol.focus();
            const tip = page.locator('#lt-symbol-tip');
            await expect.poll(() => tip.isVisible()).toBe(true);
            expect((await tip.textContent())?.length).toBeGreaterThan(3);
            await screenshot(page, `overlay-packs-${name}-equation-${dark ? 'dark' : 'light'}`);
            await symbol.blur();
            await expect.poll(() => tip.isVisible()).toBe(false);
          }
        }
        expect(await axeOverlay(page)).toEqual([]);
        expect(seen.errors).toEqual([]);
        await page.close();
      }
    });
  }

  it('draw-shapes: class labels in top-k, live values in notes and linked symbols follow the page’s examples', async () => {
    const pack = packFor('/demos/draw-shapes/')!;
    const labels = pack.targets.models[0]!.labels!;
    const { page, panel } = await openWithPack('/demos/draw-shapes/');
    await panel.locator('.node-button[data-node-id="probs"]').click();
    // The pack's notes come first: the reader scrolls down to the live values (they run only while in view).
    await panel.locator('section.live').scrollIntoViewIfNeeded();
    await page.getByRole('button', { name: 'Show an example' }).click();
    const top = panel.getByRole('list', { name: 'Most likely classes' });
    await top.waitFor({ timeout: 20_000 });
    const names = await top.locator('.topk-label').allTextContents();
    expect(names.length).toBeGreaterThan(0);
    for (const n of names) expect(labels).toContain(n);
    // The verdict note says the top class by name, live: it follows the examples (one per class, in turn).
    const verdict = page.locator('.sidenote[data-note-id="verdict"] .lit-live').first();
    const said = new Set<string>();
    await expect
      .poll(
        async () => {
          await page.getByRole('button', { name: 'Show an example' }).click();
          const text = (await verdict.textContent()) ?? '';
          if (labels.includes(text)) said.add(text);
          return said.size;
        },
        { timeout: 30_000 },
      )
      .toBeGreaterThanOrEqual(2);
    // An equation symbol bound to probs rings the page's bars (the probs node is anchored there too).
    const p = panel.locator('[data-lit-symbol="p"]').first();
    await p.hover();
    await expect.poll(async () => (await rings(page)).length).toBeGreaterThan(0);
    expect(await panel.locator('.live[data-lt-linked]').count()).toBe(1);
    await screenshot(page, 'overlay-packs-draw-shapes-symbol');
    await page.close();
  });

  it('moving-shapes: the pack’s views change as the page’s animation runs', async () => {
    const pack = packFor('/demos/moving-shapes/')!;
    const view = pack.items.find(
      (i) => i.kind === 'view' && i.body.view === 'feature-maps' && i.target?.model?.node,
    )!;
    expect(view).toBeDefined();
    const { page, panel } = await openWithPack('/demos/moving-shapes/');
    await panel.locator(`.node-button[data-node-id="${view.target!.model!.node}"]`).click();
    await panel.locator('.view-captions').first().waitFor();
    // Below the pack's notes: the reader scrolls down to it (live values run only while in view).
    await panel.locator('section.live').scrollIntoViewIfNeeded();
    const canvas = panel.locator('.live canvas.pixelated');
    await canvas.waitFor({ timeout: 20_000 });
    const pixels = () =>
      inShadow<string>(page, `(root) => root.querySelector('.live canvas.pixelated').toDataURL()`);
    const first = await pixels();
    await expect.poll(pixels, { timeout: 20_000 }).not.toBe(first);
    await page.close();
  });

  it('draw-shapes: a tour walked through with buttons and keys, each step ringing its anchors and opening its layer view', async () => {
    const pack = packFor('/demos/draw-shapes/')!;
    const steps = pack.steps!;
    const n = steps.length;
    const { page, panel } = await openWithPack('/demos/draw-shapes/');
    const seen = watchConsole(page);
    await panel.getByRole('button', { name: 'Start the tour' }).click();
    const tour = panel.locator('section.tour');
    const byId = new Map(pack.items.map((i) => [i.id, i]));
    for (let k = 0; k < n; k++) {
      await expect
        .poll(() => tour.locator('.tour-progress-text').textContent())
        .toBe(`Step ${k + 1} of ${n}`);
      expect(await tour.locator('.tour-title').textContent()).toBe(steps[k]!.title);
      const highlighted = (steps[k]!.highlights ?? []).map((id) => byId.get(id));
      if (highlighted.some((i) => i?.target?.selector))
        await expect.poll(async () => (await rings(page)).length).toBeGreaterThan(0);
      const nodeId = highlighted.find((i) => i?.target?.model?.node)?.target?.model?.node;
      if (nodeId) await expect.poll(() => panel.locator('#lt-node-title').textContent()).toBe(nodeId);
      if (k === 2) await screenshot(page, 'overlay-packs-tour-step-3');
      if (k < n - 1) await tour.getByRole('button', { name: 'Next' }).click();
    }
    await expect.poll(() => tour.getByRole('button', { name: 'Finish' }).count()).toBe(1);
    expect(seen.errors).toEqual([]);
    // Keys, while the tour has focus.
    await tour.focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => tour.locator('.tour-progress-text').textContent()).toBe(`Step ${n - 1} of ${n}`);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => tour.locator('.tour-progress-text').textContent()).toBe(`Step ${n - 1} of ${n}`);
    for (let k = n - 1; k > 3; k--) await page.keyboard.press('ArrowLeft');
    await expect.poll(() => tour.locator('.tour-progress-text').textContent()).toBe(`Step 3 of ${n}`);
    await page.close();
  });
});

describe('overlay with a pack: the CNN test page', () => {
  it('lists the orphans with their reasons, tells the popup, and places everything else', async () => {
    const { page, panel } = await openWithPack('/overlay/cnn.html');
    const seen = watchConsole(page);
    const orphans = panel.locator('details.orphans');
    expect(await orphans.locator('summary').textContent()).toContain('3 notes could not be placed');
    await orphans.locator('summary').click();
    const reasons = await orphans.locator('.orphan').allTextContents();
    expect(reasons).toEqual([
      expect.stringContaining("no element matches CSS '#no-such-element'"),
      expect.stringMatching(/broken-quote[\s\S]*page: /),
      expect.stringContaining('no node named dense_9'),
    ]);
    expect(await expectNotesBesideAnchors(page)).toBe(4);
    // Live values in a note: the top class by the pack's name for it.
    const live = page.locator('.sidenote[data-note-id="output"] .lit-live').first();
    await expect
      .poll(async () => DIGITS.includes((await live.textContent()) ?? ''), { timeout: 20_000 })
      .toBe(true);
    // The outline shows the pack's line under conv1.
    expect(await panel.locator('.node:has([data-node-id="conv1"]) .pack-excerpt').textContent()).toContain(
      'Eight 3 × 3 filters',
    );
    const popup = await openPopup(session, await tabIdOf(session, page));
    await expect
      .poll(async () => (await popup.getByTestId('orphans').textContent())?.replace(/\s+/g, ' ').trim(), {
        timeout: 15_000,
      })
      .toBe('3 notes could not be placed on this page');
    await screenshot(page, 'overlay-packs-cnn-orphans');
    expect(await axeOverlay(page)).toEqual([]);
    expect(seen.errors).toEqual([]);
    await Promise.all([page.close(), popup.close()]);
  });

  it('collapses to numbered markers on a narrow window: a click or Enter opens a note, Escape closes it', async () => {
    const { page, panel } = await openWithPack('/overlay/cnn.html');
    // The notes stay on the page when the panel closes (the panel would cover half of a narrow window).
    await panel.getByRole('button', { name: 'Close Literate panel' }).click();
    await page.setViewportSize({ width: 1000, height: 800 });
    await expect.poll(async () => (await pageNotes(page)).mode).toBe('markers');
    const markers = page.getByRole('button', { name: /^Note \d+$/ });
    await expect.poll(() => markers.count()).toBe(4);
    const first = markers.first();
    await first.click();
    expect(await first.getAttribute('aria-expanded')).toBe('true');
    const id = await first.getAttribute('aria-controls');
    const popover = page.locator(`.sidenote#${id}`);
    await expect.poll(() => popover.isVisible()).toBe(true);
    const [m, p] = await Promise.all([first.boundingBox(), popover.boundingBox()]);
    expect(Math.abs(p!.y - (m!.y + m!.height))).toBeLessThan(40); // just under its marker
    await screenshot(page, 'overlay-packs-markers');
    await popover.focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => popover.isVisible()).toBe(false);
    expect(await first.getAttribute('aria-expanded')).toBe('false');
    expect(await inShadow<string>(page, '(root) => root.activeElement?.textContent ?? ""')).toBe('1');
    await page.keyboard.press('Enter');
    await expect.poll(() => popover.isVisible()).toBe(true);
    expect(await axeOverlay(page)).toEqual([]);
    await page.close();
  });

  it('links each equation symbol to its tensor: tooltip with its shape and live value, its view lit', async () => {
    const { page, panel } = await openWithPack('/overlay/cnn.html');
    await panel.locator('.node-button[data-node-id="conv1"]').click();
    const tip = page.locator('#lt-symbol-tip');
    await panel.locator('[data-lit-symbol="W"]').first().focus();
    await expect.poll(() => tip.textContent()).toContain('conv1 (Conv2D) kernel [3, 3, 1, 8]');
    expect(await panel.locator('.weights-view[data-lt-linked]').count()).toBe(1);
    // y: conv1's mean output, live from the page's predictions.
    await panel.locator('[data-lit-symbol="y"]').first().focus();
    const value = tip.locator('.tip-line .tip-value');
    await expect
      .poll(async () => Number.isFinite(Number(await value.textContent())), { timeout: 20_000 })
      .toBe(true);
    const before = await value.textContent();
    await expect.poll(() => value.textContent(), { timeout: 20_000 }).not.toBe(before);
    expect(await panel.locator('.live[data-lt-linked]').count()).toBe(1);
    await screenshot(page, 'overlay-packs-cnn-symbol');
    await page.keyboard.press('Escape');
    await expect.poll(() => tip.isVisible()).toBe(false);
    await page.close();
  });

  it('opens at the tour step a copied link names, after the reader agrees to load it', async () => {
    const { page, panel } = await openWithPack('/overlay/cnn.html');
    const tour = panel.locator('section.tour');
    await panel.getByRole('button', { name: 'Start the tour' }).click();
    await tour.getByRole('button', { name: 'Next' }).click();
    await tour.getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => tour.locator('.tour-progress-text').textContent()).toBe('Step 3 of 3');
    await tour.getByRole('button', { name: 'Copy link to this step' }).click();
    const link = await tour.getByRole('textbox', { name: 'Link to this step' }).inputValue();
    expect(link).toMatch(/#literate(-inline)?=/);
    const prompt = session.context.waitForEvent('page', {
      predicate: (p) => p.url().includes('options.html?consent='),
      timeout: 20_000,
    });
    const linked = await session.context.newPage();
    await linked.goto(link);
    await readerGesture(linked);
    const consent = await prompt;
    await expect.poll(() => consent.textContent('body')).toContain('opens at step 3');
    // The consent window closes itself on the click: do not wait for anything after it.
    await acceptConsent(consent);
    const linkedPanel = linked.getByRole('dialog', { name: 'Literate' });
    await expect
      .poll(() => linkedPanel.locator('.tour-progress-text').textContent(), { timeout: 30_000 })
      .toBe('Step 3 of 3');
    expect(await linkedPanel.locator('.tour-title').textContent()).toBe('The answer');
    await screenshot(linked, 'overlay-packs-tour-linked-step');
    await Promise.all([page.close(), linked.close(), consent.close().catch(() => undefined)]);
  });

  it(`renders and positions a ${ARTICLE_NOTES}-note pack, marking the time it took`, async () => {
    const { page } = await openWithPack('/overlay/article.html');
    await expect
      .poll(async () => (await pageNotes(page)).notes.length, { timeout: 20_000 })
      .toBe(ARTICLE_NOTES);
    await expectNotesBesideAnchors(page).then((shown) => expect(shown).toBeGreaterThan(5));
    const marks = await page.evaluate(() =>
      Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])),
    );
    expect(marks['literate:notes-positioned']).toBeGreaterThan(marks['literate:panel-opened']!);
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    writeFileSync(join(ARTIFACTS_DIR, 'overlay-packs-timing.json'), JSON.stringify(marks, null, 2));
    await screenshot(page, 'overlay-packs-article');
    await page.close();
  });
});

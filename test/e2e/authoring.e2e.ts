// Authoring in place, in real Chromium with the built extension, on a gallery demo: an annotator writes a
// three-step pack through the overlay alone (pointing at an element, selecting text, pinning a note to an outline
// node, typing, reordering steps by keyboard, undo/redo, inline validation), the draft survives a closed tab and an
// extension reload, the pack JSON and Markdown download and rebuild the same pack, and the share link opened in a
// fresh profile (after the reader accepts the prompt) shows the same notes at the same anchors. axe finds nothing.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPack } from '../../annotations/author/build';
import type { Pack } from '../../annotations/format/types';
import { validatePackText } from '../../annotations/format/validate';
import { startServer, type GalleryServer } from '../../demos/server';
import {
  chromiumPath,
  launchWithExtension,
  screenshot,
  watchConsole,
  type ExtensionSession,
} from './harness';
import { axeOverlay, extensionWithPacks, pageNotes, rings, type Box } from './overlay-packs-support';
import { inShadow } from './overlay-pages';
import { openSharedPack } from './packs-support';

const VIEWPORT = { width: 1680, height: 1000 };
const DEMO = '/demos/draw-shapes/';
/** The layout's promise (sidenotes/layout.ts): a note in the margin is this close to its anchor. */
const NEAR = 120;

let server: GalleryServer;
let author: ExtensionSession;
let reader: ExtensionSession | undefined;
/** The annotator's profile and their copy of the extension: kept across a browser restart and an update. */
let profile: string;
let extensionDir: string;

/** Chromium on the annotator's own profile (the harness makes a fresh profile per launch). */
async function launchAuthor(): Promise<ExtensionSession> {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-dev-shm-usage',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
    ],
    viewport: VIEWPORT,
    colorScheme: 'light',
  });
  const worker =
    context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
    (await context.waitForEvent('serviceworker', { timeout: 10_000 }));
  return { context, worker, extensionId: new URL(worker.url()).host, close: () => context.close() };
}

beforeAll(async () => {
  server = await startServer({ port: 0 });
  profile = mkdtempSync(join(tmpdir(), 'literate-author-'));
  extensionDir = extensionWithPacks({});
  author = await launchAuthor();
});

afterAll(async () => {
  await reader?.close();
  await author?.close();
  await server?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
  if (extensionDir) rmSync(extensionDir, { recursive: true, force: true });
});

async function openPanel(session: ExtensionSession, demo = DEMO): Promise<{ page: Page; panel: Locator }> {
  const page = await session.context.newPage();
  await page.goto(`${server.url}${demo}`);
  await page.getByRole('button', { name: 'Explain this model' }).click({ timeout: 30_000 });
  const panel = page.getByRole('dialog', { name: 'Literate' });
  await panel.getByRole('button', { name: 'Write notes' }).waitFor();
  return { page, panel };
}

/** Drags the mouse across `text` inside the element `selector` (a real text selection). */
async function dragAcross(page: Page, selector: string, text: string): Promise<void> {
  const box = await page.evaluate(
    ([sel, t]) => {
      const el = document.querySelector(sel as string) as Element;
      el.scrollIntoView({ block: 'center' });
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = (n as Text).data.indexOf(t as string);
        if (i < 0) continue;
        const range = document.createRange();
        range.setStart(n, i);
        range.setEnd(n, i + (t as string).length);
        const rects = [...range.getClientRects()];
        const first = rects[0] as DOMRect;
        const last = rects[rects.length - 1] as DOMRect;
        return {
          x1: first.left + 1,
          y1: first.top + first.height / 2,
          x2: last.right - 1,
          y2: last.top + last.height / 2,
        };
      }
      return null;
    },
    [selector, text],
  );
  if (!box) throw new Error(`“${text}” not found in ${selector}`);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move((box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2, { steps: 4 });
  await page.mouse.move(box.x2, box.y2, { steps: 4 });
  await page.mouse.up();
}

/** The viewport box of `text` inside the element `selector` (the union of the range's rects). */
function textBox(page: Page, selector: string, text: string) {
  return page.evaluate(
    ([sel, t]) => {
      const el = document.querySelector(sel as string) as Element;
      const at = (el.textContent ?? '').indexOf(t as string);
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      let offset = 0;
      const range = document.createRange();
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const len = (n as Text).data.length;
        if (at >= offset && at < offset + len) range.setStart(n, at - offset);
        if (at + (t as string).length > offset && at + (t as string).length <= offset + len)
          range.setEnd(n, at + (t as string).length - offset);
        offset += len;
      }
      const r = range.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    },
    [selector, text],
  );
}

/**
 * Chooses an option as a reader does, typing the start of its label into the focused select: the overlay ignores
 * a script's change event (Playwright's selectOption dispatches one), since a hostile page could send it too.
 */
async function chooseByKeyboard(page: Page, select: Locator, value: string, typed: string): Promise<void> {
  await select.focus();
  await page.keyboard.type(typed);
  await expect.poll(() => select.inputValue()).toBe(value);
}

const stepTitles = (panel: Locator) =>
  panel
    .getByRole('list', { name: /Tour steps/ })
    .locator('[data-step-button]')
    .allTextContents();

let pack: Pack;
let link: string;
/** Where each page note was anchored when it was written: id → [element, the text the anchor covers]. */
const anchored: Record<string, [string, string]> = {};

describe('authoring in place', () => {
  it('writes a three-step pack on a gallery demo with the keyboard and the mouse', async () => {
    const { page, panel } = await openPanel(author);
    const seen = watchConsole(page);
    await panel.getByRole('button', { name: 'Write notes' }).click();
    await panel.getByLabel('Title', { exact: true }).waitFor();
    expect(await axeOverlay(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });
    await panel.getByLabel('Title', { exact: true }).fill('Shapes, step by step');
    await panel.getByLabel('Your name').fill('Ada Author');
    await expect.poll(() => panel.getByRole('button', { name: 'Start writing' }).isEnabled()).toBe(true);
    await panel.getByLabel('Your name').press('Enter');
    await panel.getByRole('heading', { name: 'Writing “Shapes, step by step”' }).waitFor();

    // Three steps, typed and entered with the keyboard.
    for (const title of ['Your drawing', 'The network', 'The guess']) {
      await panel.getByLabel('New step').fill(title);
      await panel.getByLabel('New step').press('Enter');
    }
    expect(await stepTitles(panel)).toEqual([
      expect.stringContaining('Your drawing'),
      expect.stringContaining('The network'),
      expect.stringContaining('The guess'),
    ]);

    // Step 1: point at an element. The box is drawn by the overlay; the page's canvas never sees the pointer.
    await panel.locator('[data-step-button="step-1"]').click();
    // Escape leaves pick mode.
    await panel.getByRole('button', { name: 'Point at the page to add a note' }).click();
    await page.locator('literate-overlay .pick-banner').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('literate-overlay .pick-banner').count()).toBe(0);
    expect(await panel.isVisible()).toBe(true);
    await panel.getByRole('button', { name: 'Point at the page to add a note' }).click();
    const heading = page.locator('#sketch-heading');
    await heading.hover();
    await expect.poll(() => page.locator('literate-overlay .pick-box').count()).toBe(1);
    expect(await axeOverlay(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });
    await heading.hover();
    expect(await heading.evaluate((e) => e.getAttribute('style'))).toBeNull();
    // The overlay's own UI is never pickable: clicking in the panel does not anchor anything.
    await panel.getByRole('heading', { name: /Writing/ }).click();
    expect(await panel.locator('[data-item]').count()).toBe(0);
    await heading.click();
    await expect.poll(() => panel.locator('[data-item="note-1"]').count()).toBe(1);
    await expect.poll(() => panel.locator('.author-anchor').textContent()).toContain('#sketch-heading');
    // Focus is in the new note's editor: type it.
    await page.keyboard.type('You draw here; the picture becomes $x \\in [0,1]^{28 \\times 28}$.');
    await expect
      .poll(() => panel.locator('.author-preview .katex, .author-preview math').count())
      .toBeGreaterThan(0);
    expect(await panel.getByLabel('Tour step', { exact: true }).inputValue()).toBe('step-1');

    // Step 3: a text selection anchors a quote (with prefix/suffix) and a position.
    await panel.locator('[data-step-button="step-3"]').click();
    await panel.getByRole('button', { name: 'Point at the page to add a note' }).click();
    await dragAcross(page, '#guess-heading ~ p.hint', 'two dense layers');
    await expect.poll(() => panel.locator('[data-item="note-2"]').count()).toBe(1);
    await expect.poll(() => panel.locator('.author-anchor').textContent()).toContain('two dense layers');
    await page.keyboard.type('The **last dense layer** has one unit per shape.');

    // Step 2: pin a note to a node of the model outline (its op and output shape are recorded as a guard).
    const pin = panel.getByRole('button', { name: 'Pin a note to conv1', exact: true });
    await pin.scrollIntoViewIfNeeded();
    const nodeName = ((await pin.getAttribute('aria-label')) ?? '').replace('Pin a note to ', '');
    await pin.click();
    await expect.poll(() => panel.locator('[data-item="note-3"]').count()).toBe(1);
    // The new note's text box takes focus once drawn: type when it has it (keys before that go elsewhere).
    await expect
      .poll(() => inShadow<string>(page, '(root) => root.activeElement?.tagName ?? ""'))
      .toBe('TEXTAREA');
    await page.keyboard.type('This convolution finds strokes.');
    await chooseByKeyboard(page, panel.getByLabel('Tour step', { exact: true }), 'step-2', '2');

    // Undo a burst of typing and redo it (own history: Ctrl+Z / Ctrl+Shift+Z).
    const text = panel.getByLabel('Note (Markdown, $TeX$)');
    await text.focus();
    await page.keyboard.type(' Oops.');
    await page.keyboard.press('Control+z');
    await expect.poll(() => text.inputValue()).toBe('This convolution finds strokes.');
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => text.inputValue()).toBe('This convolution finds strokes. Oops.');
    await page.keyboard.press('Control+z');
    await expect.poll(() => text.inputValue()).toBe('This convolution finds strokes.');

    // Validation inline as you type: an empty step title is flagged on that step, then fixed.
    await panel.locator('[data-step-button="step-2"]').click();
    const title = panel.getByLabel('Step title');
    await title.fill('');
    await expect
      .poll(() => panel.locator('[data-step-editor] .author-errors').textContent())
      .toContain('/title');
    expect(await panel.getByRole('button', { name: 'Download pack JSON' }).isDisabled()).toBe(true);
    await title.fill('The network');
    await expect.poll(() => panel.locator('.author-errors').count()).toBe(0);

    // Reorder by keyboard: Alt+Up moves “The guess” above “The network”, Alt+Down puts it back, Alt+Up again.
    const guess = panel.locator('[data-step-button="step-3"]');
    await guess.focus();
    await page.keyboard.press('Alt+ArrowUp');
    expect((await stepTitles(panel)).map((t) => t.split(' ')[1])).toEqual(['Your', 'The', 'The']);
    expect((await stepTitles(panel))[1]).toContain('The guess');
    await expect.poll(() => panel.getByRole('status').first().textContent()).toContain('is now step 2 of 3');
    await page.keyboard.press('Alt+ArrowDown');
    expect((await stepTitles(panel))[2]).toContain('The guess');
    // … and by dragging: “The guess” dropped on the second row.
    await panel.locator('li[data-step-id="step-3"]').dragTo(panel.locator('li[data-step-id="step-2"]'));
    await expect.poll(async () => (await stepTitles(panel))[1]).toContain('The guess');

    // The anchored elements, as they are on this page, for the reader's check.
    anchored['note-1'] = ['#sketch-heading', 'Your drawing'];
    anchored['note-2'] = ['#guess-heading ~ p.hint', 'two dense layers'];

    await screenshot(page, 'authoring-editor');
    expect(await axeOverlay(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });

    // Export: JSON and literate Markdown, both rebuilding the same valid pack.
    const [json] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('button', { name: 'Download pack JSON' }).click(),
    ]);
    expect(json.suggestedFilename()).toBe('shapes-step-by-step.json');
    const jsonText = readFileSync((await json.path()) as string, 'utf8');
    const valid = validatePackText(jsonText);
    expect(valid.errors).toEqual([]);
    if (!valid.ok) throw new Error('unreachable');
    pack = valid.pack;
    const [md] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('button', { name: 'Download Markdown source' }).click(),
    ]);
    const built = buildPack(readFileSync((await md.path()) as string, 'utf8'));
    expect(built.errors).toEqual([]);
    expect(built.ok && built.pack).toEqual(pack);

    expect(pack.steps?.map((s) => [s.title, s.highlights])).toEqual([
      ['Your drawing', ['note-1']],
      ['The guess', ['note-2']],
      ['The network', ['note-3']],
    ]);
    const quote = pack.items[1]?.target?.selector?.find((s) => s.type === 'TextQuoteSelector');
    expect(quote).toMatchObject({
      exact: 'two dense layers',
      prefix: expect.any(String),
      suffix: expect.any(String),
    });
    expect(pack.items[1]?.target?.selector?.some((s) => s.type === 'TextPositionSelector')).toBe(true);
    expect(pack.items[2]?.target?.model).toMatchObject({ node: nodeName, op: 'Conv2D' });
    expect(pack.targets.models[0]?.structure?.nodes?.[0]).toMatchObject({ name: nodeName, op: 'Conv2D' });

    // Share link: small enough to travel inline.
    await panel.getByRole('button', { name: 'Copy share link' }).click();
    const field = panel.getByTestId('author-share-link');
    await expect.poll(() => field.inputValue()).toContain('#literate-inline=');
    link = await field.inputValue();
    expect(link.startsWith(`${server.url}${DEMO}`)).toBe(true);
    expect(seen.errors).toEqual([]);
    await page.close();
  });

  it('offers to resume the draft after the browser closed and the extension was updated', async () => {
    // Close everything (as a crash or a closed window would), then update the extension: same profile, same
    // extension, a higher version in its manifest, which Chromium installs as an update.
    await author.close();
    const manifestPath = join(extensionDir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { version: string };
    const before = manifest.version;
    manifest.version = before.replace(/\d+$/, (n) => String(Number(n) + 1));
    writeFileSync(manifestPath, JSON.stringify(manifest));
    author = await launchAuthor();
    expect(await author.worker.evaluate(() => chrome.runtime.getManifest().version)).toBe(manifest.version);
    expect(manifest.version).not.toBe(before);
    const { page, panel } = await openPanel(author);
    await panel.getByRole('button', { name: 'Write notes' }).click();
    await panel.getByRole('button', { name: 'Resume draft “Shapes, step by step”' }).click();
    await panel.getByRole('heading', { name: 'Writing “Shapes, step by step”' }).waitFor();
    expect(await panel.locator('[data-item]').count()).toBe(3);
    expect((await stepTitles(panel))[1]).toContain('The guess');
    await page.close();
  });

  it('opens the share link in a fresh profile: after the prompt, the same notes sit at the same anchors', async () => {
    reader = await launchWithExtension({ viewport: VIEWPORT });
    const page = await openSharedPack(reader.context, link, 'Shapes, step by step');
    const panel = page.getByRole('dialog', { name: 'Literate' });
    await panel.locator('.pack-head').waitFor();

    // Page notes beside the elements they were written on.
    await expect
      .poll(async () => (await pageNotes(page)).notes.map((n) => n.id).sort())
      .toEqual(['note-1', 'note-2']);
    for (const [id, [selector, text]] of Object.entries(anchored)) {
      await page.locator(selector).scrollIntoViewIfNeeded();
      const read = async () => (await pageNotes(page)).notes.find((n) => n.id === id);
      await expect
        .poll(async () => {
          const note = await read();
          const anchor = await page.locator(selector).boundingBox();
          if (!note || !anchor || note.hidden) return Infinity;
          return Math.abs(note.box.top - anchor.y);
        })
        .toBeLessThan(NEAR);
      expect(await page.locator(`literate-overlay .sidenote[data-note-id="${id}"]`).textContent()).toContain(
        id === 'note-1' ? 'You draw here' : 'last dense layer',
      );
      // Pointing at the note rings exactly the text it was written on (the ring is 4 px out, 3 px above/below).
      const box = (await read())!.box;
      await page.mouse.move((box.left + box.right) / 2, box.top + 8);
      // Ring and text are measured together, again until they agree: the page may still be settling a scroll.
      const offBy = async (): Promise<Record<string, number>> => {
        const drawn: Box[] = await rings(page);
        if (drawn.length === 0) return { rings: Infinity };
        const ring = drawn.reduce((u, r) => ({
          left: Math.min(u.left, r.left),
          top: Math.min(u.top, r.top),
          right: Math.max(u.right, r.right),
          bottom: Math.max(u.bottom, r.bottom),
        }));
        const expected = await textBox(page, selector, text);
        return {
          left: Math.abs(ring.left + 4 - expected.left),
          right: Math.abs(ring.right - 4 - expected.right),
          top: Math.abs(ring.top + 3 - expected.top),
        };
      };
      await expect
        .poll(async () => Math.max(...Object.values(await offBy())), {
          message: `${id}: ring around its text`,
        })
        .toBeLessThan(3);
      await page.mouse.move(5, VIEWPORT.height - 5);
      await expect.poll(async () => (await rings(page)).length).toBe(0);
    }
    // The pinned note sits under its node in the outline.
    const nodeId = pack.items[2]?.target?.model?.node ?? '';
    const row = panel.locator(`li.node:has([data-node-id="${nodeId}"])`);
    await row.scrollIntoViewIfNeeded();
    await expect.poll(() => row.textContent()).toContain('This convolution finds strokes.');
    await screenshot(page, 'authoring-shared');
  });

  it('binds an equation symbol by choosing its node in the outline; the preview links it to the live tensor', async () => {
    const { page, panel } = await openPanel(author, '/demos/decision-regions/');
    const seen = watchConsole(page);
    await panel.getByRole('button', { name: 'Write notes' }).click();
    await panel.getByLabel('Title', { exact: true }).fill('Bound symbols');
    await panel.getByLabel('Your name').fill('Ada Author');
    await expect.poll(() => panel.getByRole('button', { name: 'Start writing' }).isEnabled()).toBe(true);
    await panel.getByRole('button', { name: 'Start writing' }).click();
    const pin = panel.locator('button[aria-label^="Pin a note to "]').first();
    await pin.scrollIntoViewIfNeeded();
    const node = ((await pin.getAttribute('aria-label')) ?? '').replace('Pin a note to ', '');
    await pin.click();
    await chooseByKeyboard(
      page,
      panel.getByRole('combobox', { name: 'Kind', exact: true }),
      'equation',
      'Eq',
    );
    await panel.getByRole('textbox', { name: 'TeX', exact: true }).fill('h = \\max(0,\\, W x + b)');
    await panel.getByRole('textbox', { name: 'Symbol', exact: true }).fill('W');
    await panel.getByRole('combobox', { name: 'Tensor', exact: true }).selectOption('kernel');
    await panel.getByRole('button', { name: 'Choose in the outline' }).click();
    await expect.poll(() => panel.locator('.author-banner').textContent()).toContain('Choose the node for W');
    const bind = panel.getByRole('button', { name: `Bind W to ${node}`, exact: true });
    await bind.scrollIntoViewIfNeeded();
    await bind.click();
    await expect.poll(() => panel.locator('.author-banner').count()).toBe(0);
    await expect
      .poll(() => panel.getByRole('list', { name: 'Bound symbols' }).textContent())
      .toContain(`W → model · ${node} · kernel`);
    // The preview, drawn by the real renderer with KaTeX, marks W as bound.
    await expect
      .poll(() => panel.locator('.author-preview [data-lit-symbol="W"]').count())
      .toBeGreaterThan(0);
    expect(await axeOverlay(page)).toEqual([]);
    expect(seen.errors).toEqual([]);
    await page.close();
  });
});

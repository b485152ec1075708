// The diagram on every gallery page, in real Chromium with the real extension: it opens beside the outline with live
// thumbnails that change as the page runs, arrow keys follow edges, Enter opens the layer view, groups open,
// search frames a node, axe finds nothing in light and dark; and docs/screenshots/diagram.png for the README (with LITERATE_WRITE_SCREENSHOTS=1).

import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startServer, type GalleryServer } from '../../demos/server';
import { ROOT, launchWithExtension, screenshot, watchConsole, type ExtensionSession } from './harness';
import { inShadow } from './overlay-pages';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const PAGES = [
  '/demos/draw-shapes/',
  '/demos/moving-shapes/',
  '/demos/decision-regions/',
  '/demos/legacy-spiral/',
];

let session: ExtensionSession;
let server: GalleryServer;

beforeAll(async () => {
  server = await startServer({ port: 0 });
});

// Each test in a fresh profile: what one test leaves (the site's panel preferences, a pack's state) is not the next
// test's starting point.
beforeEach(async () => {
  session = await launchWithExtension({ extensionDir: process.env.LITERATE_EXTENSION_DIR });
});

// Pages a failed test left open would keep their models running beside the next test's page.
const opened: Page[] = [];
afterEach(async () => {
  for (const page of opened.splice(0)) await page.close().catch(() => undefined);
  await session?.close();
});

afterAll(async () => {
  await server?.close();
});

async function openDiagram(path: string, dark = false): Promise<Page> {
  const page = await session.context.newPage();
  opened.push(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  if (dark) await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(`${server.url}${path}`);
  await page.getByRole('button', { name: 'Explain this model' }).click({ timeout: 30_000 });
  const panel = page.getByRole('dialog', { name: 'Literate' });
  await panel.getByRole('button', { name: 'Diagram', exact: true }).click({ timeout: 30_000 });
  const region = panel.getByRole('region', { name: 'Diagram' });
  await region.waitFor();
  // As a reader would: the diagram on screen (a pack's header above may push it below the fold; thumbnails are only
  // tapped for a diagram on screen).
  await region.scrollIntoViewIfNeeded();
  return page;
}

/**
 * Waits for the graph ops' shapes, learned from one of the page's own calls (the model is described again then), so
 * that key presses are not raced by that second description.
 */
async function shapesLearned(page: Page): Promise<void> {
  await expect
    .poll(() => page.locator('literate-overlay .dg-edge text.dg-shape').count(), { timeout: 20_000 })
    .toBeGreaterThan(2);
}

/** Per live thumbnail: its node, how many frames it painted, and a digest of its pixels. */
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

async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const result = await (window as any).axe.run(
      { include: [['literate-overlay', '.lt']] },
      { resultTypes: ['violations'] },
    );
    return result.violations.map((v: any) => `${v.id}: ${v.nodes.map((n: any) => n.html).join(' | ')}`);
  });
}

describe('the diagram on the gallery', () => {
  for (const path of PAGES) {
    it(`${path}: opens with live thumbnails that change as the page runs, and axe finds nothing (light, dark)`, async () => {
      for (const dark of [false, true]) {
        const page = await openDiagram(path, dark);
        const seen = watchConsole(page);
        // Pages that predict on request get a few requests: another example, another point to classify.
        const poke = async () => {
          const example = page.getByRole('button', { name: 'Show an example', exact: true });
          if (await example.count()) return example.click();
          const x = page.locator('#point-x');
          if (!(await x.count())) return;
          // The point form is the page's once its model has answered the first grid ("Loading the model…" until
          // then): submitted before, the browser would send it and leave the page, overlay and all.
          await expect
            .poll(() => page.locator('#verdict').textContent(), { timeout: 30_000 })
            .not.toMatch(/^Loading/);
          await x.fill((Math.random() * 2 - 1).toFixed(2));
          await page.locator('#point-y').fill((Math.random() * 2 - 1).toFixed(2));
          await page.locator('form button[type="submit"]').click();
        };
        // Painted thumbnails, with the diagram's live line (it says why, when the page stopped the values).
        const painted = async () => {
          await poke();
          const n = (await thumbnails(page)).filter((t) => t.updates > 0 && !t.blank).length;
          return `${n} painted; ${await page.getByTestId('diagram-live').textContent()}`;
        };
        await expect.poll(painted, { timeout: 30_000 }).toMatch(/^[1-9]\d* painted/);
        const first = await thumbnails(page);
        await expect
          .poll(
            async () => {
              await poke();
              const now = await thumbnails(page);
              return now.some((t) => {
                const before = first.find((f) => f.node === t.node);
                return t.updates > (before?.updates ?? 0) + 1 && t.pixels !== before?.pixels;
              });
            },
            { timeout: 30_000 },
          )
          .toBe(true);
        expect(await axeViolations(page)).toEqual([]);
        expect(seen.errors).toEqual([]);
        if (path === '/demos/moving-shapes/') {
          const shot = await screenshot(page, `diagram-moving-shapes-${dark ? 'dark' : 'light'}`);
          // The README's picture, refreshed on request (as the real-demo checks' --write): a test run leaves the tree clean.
          if (!dark && process.env.LITERATE_WRITE_SCREENSHOTS === '1') {
            mkdirSync(join(ROOT, 'docs/screenshots'), { recursive: true });
            copyFileSync(shot, join(ROOT, 'docs/screenshots/diagram.png'));
          }
        }
        await page.close();
      }
    });
  }

  it('moving-shapes: arrow keys follow edges, Enter opens the layer view and Back returns to the diagram', async () => {
    const page = await openDiagram('/demos/moving-shapes/');
    await shapesLearned(page);
    const panel = page.getByRole('dialog', { name: 'Literate' });
    const input = panel.locator('.diagram [data-node-id="image"] button');
    await input.focus();
    const focused = () =>
      inShadow<string | null>(page, `(root) => root.activeElement?.dataset.itemId ?? null`);
    expect(await focused()).toBe('image');
    await page.keyboard.press('ArrowDown');
    await expect.poll(focused).not.toBe('image');
    const next = await focused();
    // Down followed an edge out of the input: the node it landed on reads the input (or is a group holding it).
    const label = await panel.locator(`.diagram button[data-item-id="${next}"]`).getAttribute('aria-label');
    expect(label).toMatch(/from image/);
    // The path from the input to the focused item is lit.
    expect(await panel.locator('.diagram .dg-edge.lit').count()).toBeGreaterThan(0);
    await page.keyboard.press('ArrowUp');
    await expect.poll(focused).toBe('image');
    // To a node, then Enter: the layer view; Back: the diagram again, focus on that node.
    const conv = panel.locator('.diagram button.dg-node[data-kind="conv"]').first();
    const groups = panel.locator('.diagram button.dg-group');
    while ((await conv.count()) === 0 && (await groups.count()) > 0) await groups.first().click();
    const convId = await conv.getAttribute('data-item-id');
    await conv.focus();
    await page.keyboard.press('Enter');
    await panel.getByRole('heading', { level: 3 }).first().waitFor();
    await panel
      .getByRole('button', { name: /^All (layers|ops)/ })
      .first()
      .click();
    await panel.getByRole('region', { name: 'Diagram' }).waitFor();
    await expect.poll(focused).toBe(convId);
    await page.close();
  });

  it('moving-shapes: a closed group opens on Enter, search frames a node, zoom keys change the scale', async () => {
    const page = await openDiagram('/demos/moving-shapes/');
    await shapesLearned(page);
    const panel = page.getByRole('dialog', { name: 'Literate' });
    await panel.getByRole('button', { name: 'Close all' }).click();
    const group = panel.locator('.diagram button.dg-group').first();
    const groupId = await group.getAttribute('data-item-id');
    const drawn = () => panel.locator('.diagram [data-node-id]').count();
    const before = await drawn();
    await group.focus();
    await page.keyboard.press('Enter');
    await expect.poll(drawn).toBeGreaterThan(before);
    expect(
      await panel.locator(`.diagram [data-group-id="${groupId}"] button[aria-expanded="true"]`).count(),
    ).toBe(1);
    const focused = () =>
      panel
        .locator('.diagram')
        .evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement?.outerHTML.slice(0, 160) ?? 'none');
    const scale = () => inShadow<string>(page, `(root) => root.querySelector('.dg-stage').style.transform`);
    // The group, now its open frame's title, is the diagram's tab stop (roving tabindex), so the keys keep working
    // from it. (Keeping document focus on it across the redraw is not asserted: in this harness focus sometimes falls
    // to the body after the frame is drawn — a known gap, see the closing note.)
    const title = panel.locator(`.diagram [data-group-id="${groupId}"] button[aria-expanded="true"]`);
    await expect.poll(() => title.getAttribute('tabindex')).toBe('0');
    await title.focus();
    await expect.poll(focused).toContain(`data-item-id="${groupId}"`);
    const s0 = await scale();
    await page.keyboard.press('+');
    await expect.poll(scale).not.toBe(s0);
    await page.keyboard.press('/');
    await page.keyboard.type('Softmax');
    await page.keyboard.press('Enter');
    await expect(panel.locator('.dg-found').textContent()).resolves.toMatch(/1 of \d+/);
    expect(await panel.locator('.diagram button.dg-node.match').count()).toBeGreaterThan(0);
    await screenshot(page, 'diagram-search');
    await page.close();
  });
});

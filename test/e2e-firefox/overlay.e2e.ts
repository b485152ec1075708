// Firefox: the overlay on the demo gallery — the launcher and the outline in the open shadow root, its later pieces
// injected by the background (scripting.executeScript into the content scripts' sandbox, not the page), a shipped
// pack's margin notes and equations in KaTeX's fonts, a tour, a live layer view following the page, axe.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Pack } from '../../annotations/format/types';
import { startServer, type GalleryServer } from '../../demos/server';
import {
  ROOT,
  clickElement,
  inShadow,
  launchFirefox,
  poll,
  screenshot,
  shadowElement,
  watchConsole,
  type FirefoxSession,
} from './harness';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const DRAW: Pack = JSON.parse(readFileSync(`${ROOT}/annotations/packs/draw-shapes.json`, 'utf8'));

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

/** Opens a gallery page and the panel with a trusted click on the launcher; waits for the outline's rows. */
async function openPanel(path: string): Promise<Page> {
  const page = await session.newPage();
  await page.goto(`${server.url}${path}`);
  const launcher = await shadowElement(page, 'button[aria-label="Explain this model"]', undefined, 30_000);
  await clickElement(launcher);
  await shadowElement(page, '.panel[role="dialog"] .node-button');
  return page;
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const result = await (window as any).axe.run(
      { include: [['literate-overlay', '.lt']] },
      { resultTypes: ['violations'] },
    );
    return result.violations.map(
      (v: any) => `${v.id}: ${v.nodes.map((n: any) => n.html.slice(0, 120)).join(' | ')}`,
    );
  }) as Promise<string[]>;
}

describe('Firefox: the overlay on the gallery', () => {
  it('draw-shapes: launcher, outline, lazily injected pieces, the pack’s margin notes and KaTeX equations, axe', async () => {
    const page = await session.newPage();
    const seen = watchConsole(page);
    await page.close();
    const p = await openPanel('/demos/draw-shapes/');
    const errors = watchConsole(p).errors;
    // The panel side was injected into the content scripts' world: the page never sees webpack's chunk array.
    expect(await p.evaluate(() => typeof (window as any).literateOverlayChunks)).toBe('undefined');
    const outline = await inShadow<{ rows: number; title: string }>(
      p,
      `(root) => ({ rows: root.querySelectorAll('.node-button').length, title: root.querySelector('.pack-head h3')?.textContent ?? '' })`,
    );
    expect(outline.rows).toBeGreaterThan(3);
    expect(
      await poll(
        () => inShadow<string>(p, `(root) => root.querySelector('.pack-head h3')?.textContent ?? ''`),
        (t) => t === DRAW.title,
      ),
    ).toBe(DRAW.title);
    // Margin notes beside the page's own widgets.
    const notes = await poll(
      () => inShadow<number>(p, `(root) => root.querySelectorAll('.sidenote').length`),
      (n) => n > 0,
    );
    expect(notes).toBeGreaterThan(0);
    await screenshot(p, 'overlay-draw-shapes-pack');

    // An equation of the pack, typeset by the lazily loaded KaTeX chunk, in KaTeX's own fonts.
    const node = DRAW.items.find((i) => i.kind === 'equation' && i.target?.model?.node)?.target?.model?.node;
    expect(node).toBeTruthy();
    // The outline can be drawn again under a click while the model's graph is refined (live shapes): a click that
    // met a row on its way out is made again on the row that replaced it.
    const equationFont = () =>
      inShadow<string>(
        p,
        `(root) => { const mi = root.querySelector('.pack-notes math mi:not([mathvariant]):not([data-lt-word])'); return mi ? getComputedStyle(mi).fontFamily : ''; }`,
      );
    let font = '';
    for (let attempt = 0; attempt < 3 && !font.startsWith('KaTeX_Math'); attempt++) {
      const row = await inShadow<boolean>(
        p,
        `(root) => !!root.querySelector('.node-button[data-node-id="${node}"]')`,
      );
      if (attempt === 0 || row)
        await clickElement(await shadowElement(p, `.node-button[data-node-id="${node}"]`));
      font = await poll(equationFont, (f) => f.startsWith('KaTeX_Math'), 7_000);
    }
    expect(font).toMatch(/^KaTeX_Math/);
    const loaded = await poll(
      () =>
        p.evaluate(() =>
          [...(document.fonts as unknown as Iterable<FontFace>)]
            .filter((f) => f.status === 'loaded')
            .map((f) => f.family.replace(/"/g, '')),
        ),
      (fams) => fams.includes('KaTeX_Main') && fams.includes('KaTeX_Math'),
    );
    expect(loaded).toEqual(expect.arrayContaining(['KaTeX_Main', 'KaTeX_Math']));
    await screenshot(p, 'overlay-draw-shapes-equation');
    expect(await axeViolations(p)).toEqual([]);
    expect(errors).toEqual([]);
    expect(seen.errors).toEqual([]);
    await p.close();
  });

  it('draw-shapes: the pack’s tour walked through with Next, each step’s title shown', async () => {
    const steps = DRAW.steps ?? [];
    expect(steps.length).toBeGreaterThan(2);
    const p = await openPanel('/demos/draw-shapes/');
    await clickElement(await shadowElement(p, 'button', 'Start the tour'));
    for (let k = 0; k < steps.length; k++) {
      const progress = () =>
        inShadow<string>(
          p,
          `(root) => root.querySelector('section.tour .tour-progress-text')?.textContent ?? ''`,
        );
      expect(await poll(progress, (t) => t === `Step ${k + 1} of ${steps.length}`)).toBe(
        `Step ${k + 1} of ${steps.length}`,
      );
      expect(
        await inShadow<string>(p, `(root) => root.querySelector('section.tour .tour-title')?.textContent`),
      ).toBe(steps[k]!.title);
      if (k < steps.length - 1) await clickElement(await shadowElement(p, 'section.tour button', /^Next/));
    }
    expect(
      await inShadow<number>(
        p,
        `(root) => [...root.querySelectorAll('section.tour button')].filter((b) => /Finish/.test(b.textContent)).length`,
      ),
    ).toBe(1);
    await p.close();
  });

  it('moving-shapes (bundled): the first convolution’s live view changes with the page’s animation loop', async () => {
    const p = await openPanel('/demos/moving-shapes/');
    // Its shipped pack loads after the outline; open the layer once the pack is shown, or it would close it.
    await shadowElement(p, '.pack-head h3');
    const conv = await shadowElement(p, '.node-button', /Conv2D/);
    await clickElement(conv);
    await shadowElement(p, 'section.live');
    await inShadow(p, `(root) => root.querySelector('section.live')?.scrollIntoView()`);
    const pixels = () =>
      inShadow<string>(p, `(root) => root.querySelector('.live canvas.pixelated')?.toDataURL() ?? ''`);
    const first = await poll(pixels, (d) => d.length > 100);
    expect(first.length).toBeGreaterThan(100);
    const later = await poll(pixels, (d) => d !== first);
    expect(later).not.toBe(first);
    await screenshot(p, 'overlay-moving-shapes-live');
    await p.close();
  });
});

// The overlay is a good guest: hostile page CSS does not get in, none of ours gets out, it works under a strict CSP
// (styles adopted, fonts registered without a <style> in the page), and it honours dark mode and reduced motion.

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type GalleryServer } from '../../demos/server';
import { launchWithExtension, screenshot, watchConsole, type ExtensionSession } from './harness';
import { inShadow, katexFonts, overlayRoutes } from './overlay-pages';

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

async function open(path: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as any).__violations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await page.goto(`${server.url}${path}`);
  await page.waitForSelector('html[data-ready="1"]');
  await page.getByRole('button', { name: 'Explain this model' }).waitFor();
  return page;
}

/** Computed styles of the page's own elements, to show that the overlay changes none of them. */
function pageStyles(page: Page, sideBySide = false): Promise<string> {
  return page.evaluate(
    (sideBySide) =>
      JSON.stringify(
        ['html', 'body', 'main', 'h1', 'p', '#page-button', 'output'].map((sel) => {
          const el = document.querySelector(sel);
          if (!el) return null;
          const s = getComputedStyle(el);
          // With the panel open side by side, the root's margin is the room the page makes for it (page-shift.ts).
          const margin = sideBySide && sel === 'html' ? 'side by side' : s.margin;
          return [sel, s.display, s.fontFamily, s.fontSize, s.color, s.backgroundColor, margin, s.lineHeight];
        }),
      ),
    sideBySide,
  );
}

/** Stylesheets in the document itself (ours must all be inside the shadow root). */
function documentSheets(page: Page): Promise<{ sheets: number; adopted: number; styleElements: number }> {
  return page.evaluate(() => ({
    sheets: document.styleSheets.length,
    adopted: document.adoptedStyleSheets.length,
    styleElements: document.querySelectorAll('style, link[rel="stylesheet"]').length,
  }));
}

async function openConvView(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Explain this model' }).click();
  const panel = page.getByRole('dialog', { name: 'Literate' });
  await panel.getByRole('button', { name: /^conv1 Conv2D/ }).click();
  await panel.getByRole('group', { name: 'Equation of 2-D convolution' }).waitFor();
}

describe('overlay: a good guest', () => {
  it('keeps hostile global CSS out, and lets none of its own out', async () => {
    const page = await open('/overlay/hostile.html');
    const before = await pageStyles(page);
    const beforeBeside = await pageStyles(page, true);
    const sheetsBefore = await documentSheets(page);
    const launcher = page.getByRole('button', { name: 'Explain this model' });
    // `* { all: unset }`, `button { display: none !important }`, 48px root font: the launcher is as designed.
    const box = (await launcher.boundingBox())!;
    expect(box.height).toBe(40);
    expect(await launcher.evaluate((el) => getComputedStyle(el).fontSize)).toBe('13.5px');
    expect(await launcher.evaluate((el) => getComputedStyle(el).display)).toBe('flex');
    await openConvView(page);
    const panel = page.getByRole('dialog', { name: 'Literate' });
    expect(await panel.evaluate((el) => getComputedStyle(el).fontSize)).toBe('14px');
    expect(await panel.evaluate((el) => getComputedStyle(el).color)).not.toBe('rgb(0, 255, 0)');
    expect(await panel.getByRole('button', { name: 'Close Literate panel' }).isVisible()).toBe(true);
    await panel.getByRole('img', { name: /feature maps of conv1/ }).waitFor({ timeout: 20_000 });
    expect(await panel.getByRole('img', { name: /feature maps of conv1/ }).isVisible()).toBe(true);
    await screenshot(page, 'overlay-hostile-css');
    // Nothing of ours reached the page: same computed styles (but the room made beside the panel), no stylesheet
    // added to the document; closed, the page is exactly as before.
    expect(await pageStyles(page, true)).toBe(beforeBeside);
    expect(await documentSheets(page)).toEqual(sheetsBefore);
    await panel.getByRole('button', { name: 'Close Literate panel' }).click();
    await panel.waitFor({ state: 'detached' });
    expect(await pageStyles(page)).toBe(before);
    await page.close();
  });

  it('works under a strict CSP: styles, KaTeX stylesheet and fonts, with no violation caused', async () => {
    const page = await open('/overlay/csp.html');
    const seen = watchConsole(page);
    await openConvView(page);
    const equation = page.getByRole('group', { name: 'Equation of 2-D convolution' });
    expect(
      await equation
        .locator('.katex')
        .first()
        .evaluate((el) => getComputedStyle(el).fontFamily),
    ).toMatch(/^KaTeX_Main/);
    await expect
      .poll(async () => (await katexFonts(page)).filter((f) => f.status === 'loaded').map((f) => f.family))
      .toEqual(expect.arrayContaining(['KaTeX_Main', 'KaTeX_Math']));
    // Our own stylesheet applied (adoptedStyleSheets are not subject to style-src).
    expect(
      await page.getByRole('dialog', { name: 'Literate' }).evaluate((el) => getComputedStyle(el).position),
    ).toBe('fixed');
    await page.getByRole('img', { name: /feature maps of conv1/ }).waitFor({ timeout: 20_000 });
    expect(await page.evaluate(() => (window as any).__violations)).toEqual([]);
    expect(seen.errors).toEqual([]);
    await screenshot(page, 'overlay-strict-csp');
    await page.close();
  });

  it('follows dark mode and reduced motion', async () => {
    const page = await open('/overlay/cnn.html');
    await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
    await page.getByRole('button', { name: 'Explain this model' }).click();
    const panel = page.getByRole('dialog', { name: 'Literate' });
    await panel.waitFor();
    const look = () =>
      panel.evaluate((el) => {
        const s = getComputedStyle(el);
        return { background: s.backgroundColor, animation: s.animationName, duration: s.animationDuration };
      });
    const dark = await look();
    expect(dark.background).toBe('rgb(21, 24, 30)');
    expect(dark.animation).toBe('none');
    await page.keyboard.press('Escape');
    await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
    await page.getByRole('button', { name: 'Explain this model' }).click();
    await panel.waitFor();
    const light = await look();
    expect(light.background).toBe('rgb(255, 255, 255)');
    expect(light.animation).toBe('lt-slide-in');
    await page.close();
  });

  it('can be operated by keyboard alone: open, filter, open a layer, go back, resize, move side, close', async () => {
    const page = await open('/overlay/cnn.html');
    await page.getByRole('button', { name: 'Explain this model' }).focus();
    await page.keyboard.press('Enter');
    const panel = page.getByRole('dialog', { name: 'Literate' });
    await panel.waitFor();
    await expect
      .poll(() => inShadow<string>(page, `(root) => root.activeElement?.textContent ?? ''`))
      .toBe('Literate');
    const active = () =>
      inShadow<string>(
        page,
        `(root) => root.activeElement?.getAttribute('aria-label') ?? root.activeElement?.textContent ?? ''`,
      );
    // Title → dock left, at the bottom, right → close → Write notes → (body) filter.
    await page.keyboard.press('Tab');
    expect(await active()).toBe('Dock left');
    await page.keyboard.press('Enter');
    await expect.poll(() => panel.getAttribute('data-side')).toBe('left');
    for (let i = 0; i < 4; i++) await page.keyboard.press('Tab');
    expect(await active()).toBe('Write notes');
    // On through the panel's sections (Try your own input, the Outline | Diagram switch) to the outline's filter.
    const onFilter = () =>
      inShadow<boolean>(
        page,
        `(root) => root.activeElement?.matches('input[type="search"], input.filter') ?? false`,
      );
    const passed: string[] = [];
    for (let i = 0; i < 8 && !(await onFilter()); i++) {
      await page.keyboard.press('Tab');
      passed.push(await active());
    }
    expect(await onFilter()).toBe(true);
    expect(passed.length).toBeGreaterThan(0);
    await page.keyboard.type('pool');
    await page.keyboard.press('Tab');
    expect(await active()).toMatch(/^pool1/);
    await page.keyboard.press('Enter');
    await panel.getByRole('heading', { name: 'pool1', level: 3 }).waitFor();
    await expect.poll(active).toBe('pool1');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await expect.poll(active).toMatch(/^pool1/);
    // The resize handle is in the tab order before the header; arrow keys change the width.
    const width = (await panel.boundingBox())!.width;
    await panel.getByRole('separator', { name: 'Panel width' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await panel.boundingBox())!.width).toBe(width + 24);
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    await page.close();
  });
});

// Literate in a French browser (Chromium started with --lang=fr and LANGUAGE=fr): the popup and the overlay speak
// French and write numbers the French way; of two packs for the page, the French one is shown; an Arabic pack's
// words run right to left; and in Windows high-contrast mode (forced-colors emulation) the overlay keeps its borders,
// focus rings and markers, axe-clean.

import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type GalleryServer } from '../../demos/server';
import type { Pack } from '../../annotations/format/types';
import {
  launchWithExtension,
  openPopup,
  screenshot,
  tabIdOf,
  watchConsole,
  type ExtensionSession,
} from './harness';
import { overlayRoutes } from './overlay-pages';
import { axeOverlay, cnnPack, extensionWithPacks, note, validPackText } from './overlay-packs-support';

const NNBSP = '\u202f';
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's violations of an extension page in both colour schemes, with some rules turned off. */
async function axeViolations(page: Page, rules: Record<string, { enabled: boolean }>): Promise<string[]> {
  const found: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.evaluate(AXE);
    const violations = await page.evaluate(async (r) => {
      const axe = (
        window as unknown as { axe: { run(o: unknown): Promise<{ violations: { id: string }[] }> } }
      ).axe;
      return (await axe.run({ rules: r, resultTypes: ['violations'] })).violations.map((v) => v.id);
    }, rules);
    found.push(...violations.map((v) => `${colorScheme} ${v}`));
  }
  return found;
}

/** WCAG contrast ratio of two computed `rgb(…)` colours. */
function contrast(a: string, b: string): number {
  const luminance = (css: string) => {
    const [r, g, bl] = (css.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (bl ?? 0);
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
let session: ExtensionSession;
let server: GalleryServer;
let dir: string;

const onPage = (path: string): Pick<Pack, 'targets'> => ({
  targets: { ...cnnPack().targets, pages: [`http://127.0.0.1:*${path}*`] },
});
const heading = { selector: [{ type: 'CssSelector' as const, value: 'main h1' }] };

/** Two packs for the same page, one in English (better bound: it names the model's structure) and one in French. */
const english = cnnPack({ id: 'e2e-i18n-en', title: 'The digits network', language: 'en' });
const french = cnnPack({
  ...onPage('/overlay/cnn.html'),
  id: 'e2e-i18n-fr',
  title: 'Le réseau des chiffres',
  language: 'fr',
  items: [note('titre', 'Le **titre** de la démonstration.', heading)],
  steps: undefined,
});
const ARABIC_TITLE = 'شبكة الأرقام';
const arabic = cnnPack({
  ...onPage('/i18n/rtl.html'),
  id: 'e2e-i18n-ar',
  title: ARABIC_TITLE,
  language: 'ar',
  description: 'شبكة صغيرة تقرأ رسمًا بحجم ٢٨ × ٢٨.',
  items: [note('title-ar', 'هذا **عنوان** الصفحة، والشبكة تتعرف على الأرقام.', heading)],
  steps: undefined,
});

beforeAll(async () => {
  const routes = overlayRoutes();
  const cnn = routes.find((r) => r.path === '/overlay/cnn.html')!;
  server = await startServer({
    port: 0,
    routes: [...routes, { path: '/i18n/rtl.html', handler: cnn.handler }],
  });
  dir = extensionWithPacks({
    'e2e-i18n-en.json': validPackText(english),
    'e2e-i18n-fr.json': validPackText(french),
    'e2e-i18n-ar.json': validPackText(arabic),
  });
  session = await launchWithExtension({
    extensionDir: dir,
    locale: 'fr',
    viewport: { width: 1500, height: 900 },
  });
});

afterAll(async () => {
  await session?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function openOverlay(path: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`${server.url}${path}`);
  await page.waitForSelector('html[data-ready="1"]');
  await page.getByRole('button', { name: 'Expliquer ce modèle' }).click({ timeout: 30_000 });
  await page.getByRole('dialog', { name: 'Literate' }).locator('.pack-head').waitFor({ timeout: 20_000 });
  return page;
}

describe('Literate in French', () => {
  it('reads the browser language as French', async () => {
    const ui = await session.worker.evaluate(() => chrome.i18n.getUILanguage());
    expect(
      ui.toLowerCase(),
      "Chromium's UI is not in French: install its locale files (Debian: apt-get install chromium-l10n)",
    ).toMatch(/^fr/);
  });

  it('the popup speaks French, writes numbers the French way and offers the French pack first', async () => {
    const page = await session.context.newPage();
    await page.goto(`${server.url}/overlay/cnn.html`);
    await page.waitForSelector('html[data-ready="1"]');
    const popup = await openPopup(session, await tabIdOf(session, page));
    await expect.poll(() => popup.getByTestId('summary').textContent()).toContain('1 modèle trouvé');
    expect(await popup.evaluate(() => document.documentElement.lang)).toMatch(/^fr/);
    expect(await popup.getByRole('heading', { level: 2 }).allTextContents()).toContain('Explications');
    // 13,610 parameters, compact: "14 k" in French (a no-break space before the unit).
    const meta = await popup.getByRole('list', { name: 'Modèles de cet onglet' }).textContent();
    expect(meta).toMatch(/4 couches · 14\s?k paramètres/);
    await expect
      .poll(() => popup.locator('.packs .pack-title').allTextContents())
      .toEqual(['Le réseau des chiffres', 'The digits network']);
    await expect.poll(() => popup.getByRole('button', { name: 'Ouvrir l’explication' }).count()).toBe(1);
    await screenshot(popup, 'i18n-popup-fr');
    await popup.close();
    await page.close();
  });

  it('the overlay speaks French, shows the French pack with lang=fr and formats 13 610 with a narrow space', async () => {
    const page = await openOverlay('/overlay/cnn.html');
    const seen = watchConsole(page);
    const panel = page.getByRole('dialog', { name: 'Literate' });
    expect(await panel.locator('.pack-title').textContent()).toBe('Le réseau des chiffres');
    expect(await panel.locator('.pack-title').getAttribute('lang')).toBe('fr');
    expect(await panel.locator('.panel-subtitle').textContent()).toBe('1 modèle sur cette page');
    const totals = panel.getByRole('region', { name: 'Totaux du modèle' });
    await totals.waitFor({ timeout: 20_000 });
    expect(await totals.locator('dt').first().textContent()).toBe('Paramètres');
    expect(await totals.locator('dd').first().textContent()).toBe(`13${NNBSP}610`);
    expect(
      await page.evaluate(() =>
        document.querySelector('literate-overlay')!.shadowRoot!.querySelector('.lt')!.getAttribute('lang'),
      ),
    ).toMatch(/^fr/);
    expect(await panel.getByRole('button', { name: 'Fermer le panneau de Literate' }).count()).toBe(1);
    // The built-in glossary explains the convolution in French, marked as French for a screen reader's voice.
    const gloss = panel
      .locator('li', { has: page.locator('.chip', { hasText: /^Conv2D$/ }) })
      .locator('.gloss');
    await expect
      .poll(() => gloss.textContent(), { timeout: 15_000 })
      .toMatch(/^Fait glisser de petits filtres/);
    expect(await gloss.getAttribute('lang')).toBe('fr');
    await screenshot(page, 'i18n-overlay-fr');
    expect(seen.errors).toEqual([]);
    await page.close();
  });
});

describe('right to left', () => {
  it('an Arabic pack runs right to left in the panel and beside the page, the French chrome around it left to right', async () => {
    const page = await openOverlay('/i18n/rtl.html');
    const panel = page.getByRole('dialog', { name: 'Literate' });
    const title = panel.locator('.pack-title');
    expect(await title.textContent()).toBe(ARABIC_TITLE);
    expect(await title.getAttribute('lang')).toBe('ar');
    expect(await title.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    expect(await panel.locator('.pack-description').evaluate((el) => getComputedStyle(el).direction)).toBe(
      'rtl',
    );
    expect(await panel.locator('.pack-kicker').evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
    const body = page.locator('literate-overlay .sidenote[data-note-id="title-ar"] .sidenote-body');
    await expect.poll(() => body.count(), { timeout: 15_000 }).toBe(1);
    expect(await body.getAttribute('dir')).toBe('rtl');
    expect(await body.getAttribute('lang')).toBe('ar');
    expect(await body.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    // Right to left: the first word sits at the right edge of the note's text.
    const edges = await body.evaluate((el) => {
      const range = document.createRange();
      const text = el.querySelector('p')!.firstChild!;
      range.setStart(text, 0);
      range.setEnd(text, 3);
      const first = range.getBoundingClientRect();
      const box = el.getBoundingClientRect();
      return { firstRight: first.right, boxRight: box.right, boxLeft: box.left };
    });
    expect(edges.boxRight - edges.firstRight).toBeLessThan(edges.firstRight - edges.boxLeft);
    await screenshot(page, 'i18n-rtl-ar');
    await page.close();
  });
});

describe('Windows high contrast (forced colors)', () => {
  it('keeps the panel, launcher, focus ring and note markers outlined in system colours, axe-clean', async () => {
    const page = await session.context.newPage();
    await page.emulateMedia({ forcedColors: 'active' });
    await page.setViewportSize({ width: 700, height: 900 });
    await page.goto(`${server.url}/overlay/cnn.html`);
    await page.waitForSelector('html[data-ready="1"]');
    const launcher = page.getByRole('button', { name: 'Expliquer ce modèle' });
    await launcher.waitFor({ timeout: 30_000 });
    expect(await page.evaluate(() => matchMedia('(forced-colors: active)').matches)).toBe(true);
    const border = (el: Element) => parseFloat(getComputedStyle(el).borderTopWidth);
    expect(await launcher.evaluate(border)).toBeGreaterThanOrEqual(1);
    await launcher.focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Shift+Tab');
    expect(
      await launcher.evaluate((el) => {
        const s = getComputedStyle(el);
        return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
      }),
    ).toBe(true);
    await launcher.click();
    const panel = page.getByRole('dialog', { name: 'Literate' });
    await panel.locator('.pack-head').waitFor({ timeout: 20_000 });
    expect(await panel.evaluate(border)).toBeGreaterThanOrEqual(1);
    // At 700 px the notes become numbered markers beside their anchors: each keeps an outline.
    const marker = page.locator('literate-overlay .marker:not([hidden])').first();
    await expect.poll(() => marker.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await marker.evaluate(border)).toBeGreaterThanOrEqual(1);
    expect(await axeOverlay(page)).toEqual([]);
    await screenshot(page, 'i18n-forced-colors');
    await page.close();
  });

  it('keeps the popup’s buttons outlined, axe-clean', async () => {
    const page = await session.context.newPage();
    await page.goto(`${server.url}/overlay/cnn.html`);
    await page.waitForSelector('html[data-ready="1"]');
    const popup = await openPopup(session, await tabIdOf(session, page));
    await popup.emulateMedia({ forcedColors: 'active' });
    const open = popup.getByRole('button', { name: 'Ouvrir l’explication' });
    await open.waitFor({ timeout: 10_000 });
    expect(
      await open.evaluate((el) => parseFloat(getComputedStyle(el).borderTopWidth)),
    ).toBeGreaterThanOrEqual(1);
    // axe reads the un-forced text colour under forced-colors emulation (the dark theme's #0d1020 against the forced
    // black), so contrast is measured here from what the browser paints, and axe checks everything else.
    for (const colorScheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ forcedColors: 'active', colorScheme });
      const [fg, bg] = await open.evaluate((el) => {
        const style = getComputedStyle(el);
        return [style.color, style.backgroundColor];
      });
      expect(contrast(fg, bg), `${colorScheme}: ${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
    }
    expect(await axeViolations(popup, { 'color-contrast': { enabled: false } })).toEqual([]);
    await screenshot(popup, 'i18n-popup-forced-colors');
    await popup.close();
    await page.close();
  });
});

// Executable explanations in the overlay, in real Chromium with the real extension and the gallery demos: every
// shipped gallery pack's examples run and its checks pass through the live model; a deliberately wrong pack shows
// fail / could-not-run with the right reasons beside its prose and in the exported report; a stale pack shows the
// staleness banner and re-binds nothing; the setting runs checks on load; axe finds nothing on the checks UI.

import { readFileSync, rmSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchPageUrl } from '../../annotations/targets/match-page';
import type { Pack } from '../../annotations/format/types';
import { startServer, type GalleryServer } from '../../demos/server';
import { launchWithExtension, screenshot, watchConsole, type ExtensionSession } from './harness';
import {
  extensionWithOnly,
  foreignPictureRoute,
  itemResult,
  PACK_FILES,
  shippedSource,
  stalePack,
} from './overlay-checks-support';
import { axeOverlay, BASE_EXTENSION_DIR, shippedPacks } from './overlay-packs-support';

const POLL = { timeout: 60_000 };
const VIEWPORT = { width: 1680, height: 1000 };
const GALLERY = ['draw-shapes', 'moving-shapes', 'decision-regions', 'legacy-spiral'];

let server: GalleryServer;
let shipped: ExtensionSession;
let custom: ExtensionSession;
let dir: string;

beforeAll(async () => {
  server = await startServer({ port: 0, routes: [foreignPictureRoute()] });
  dir = extensionWithOnly(PACK_FILES());
  shipped = await launchWithExtension({ extensionDir: BASE_EXTENSION_DIR, viewport: VIEWPORT });
  custom = await launchWithExtension({ extensionDir: dir, viewport: VIEWPORT });
});

afterAll(async () => {
  await shipped?.close();
  await custom?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function openPanel(session: ExtensionSession, path: string): Promise<{ page: Page; panel: Locator }> {
  const page = await session.context.newPage();
  await page.goto(`${server.url}${path}`);
  await page.getByRole('button', { name: 'Explain this model' }).click({ timeout: 30_000 });
  const panel = page.getByRole('dialog', { name: 'Literate' });
  await panel.locator('.pack-head').waitFor({ timeout: 20_000 });
  return { page, panel };
}

const summary = (panel: Locator) => panel.getByTestId('checks-summary');

/** The text of the first element the locator finds ('' while there is none), for expect.poll. */
const text = (l: Locator) => async () =>
  (await l.count()) > 0 ? ((await l.first().textContent()) ?? '').replace(/\s+/g, ' ').trim() : '';
const visible = (l: Locator) => async () => (await l.count()) > 0 && (await l.first().isVisible());

/** Presses "Run all checks" and waits until the button is back (the run is over). */
async function runAll(panel: Locator): Promise<void> {
  await panel.getByRole('button', { name: 'Run all checks' }).click();
  await panel.getByRole('button', { name: 'Run all checks' }).waitFor({ timeout: 90_000 });
}

function ids(pack: Pack, kind: 'example' | 'check'): string[] {
  return pack.items.filter((a) => a.kind === kind).map((a) => a.id);
}

describe('executable explanations: the shipped gallery packs', () => {
  for (const name of GALLERY) {
    it(`${name}: every example runs through the live model and every check passes`, async () => {
      const pack = shippedPacks().find((p) => matchPageUrl(p, `${server.url}/demos/${name}/`).matched);
      expect(pack, `a shipped pack for ${name}`).toBeDefined();
      const examples = ids(pack!, 'example');
      const checks = ids(pack!, 'check');
      expect(examples.length).toBeGreaterThan(0);
      expect(checks.length).toBeGreaterThan(0);
      const { page, panel } = await openPanel(shipped, `/demos/${name}/`);
      const errors = watchConsole(page);
      // Nothing runs before the reader asks (the setting is off by default).
      await expect
        .poll(text(summary(panel)), POLL)
        .toMatch(new RegExp(`^${checks.length} claims, not checked yet`));
      await runAll(panel);
      await expect
        .poll(text(summary(panel)), POLL)
        .toMatch(
          new RegExp(
            `^${checks.length} of ${checks.length} claims hold · ${examples.length} of ${examples.length} examples run$`,
          ),
        );
      const section = panel.locator('.exec-section');
      await section.locator('summary', { hasText: /examples? and \d+ checks?/ }).click();
      for (const id of [...examples, ...checks]) {
        const r = await itemResult(panel, id);
        expect(r.status, `${name} ${id}: ${r.text}`).toMatch(/^(pass|ran)$/);
      }
      // One example, run on its own from the keyboard: its top-k (with labels) beside what was expected.
      const first = pack!.items.find((a) => a.kind === 'example' && a.body.expected?.top1 !== undefined);
      if (first?.kind === 'example') {
        const item = panel.locator(`[data-exec-id="${first.id}"]`);
        await item.getByRole('button', { name: `Run example ${first.id}` }).focus();
        await page.keyboard.press('Enter');
        await expect.poll(visible(item.locator('.run-badge[data-status="pass"]')), POLL).toBe(true);
        const labels = pack!.targets.models[0]!.labels!;
        const top1 = first.body.expected!.top1!;
        const label = typeof top1 === 'number' ? labels[top1]! : top1;
        await expect
          .poll(text(item.locator('.run-top li').first()), POLL)
          .toMatch(new RegExp(`^${label} \\d`));
        await expect.poll(text(item.locator('.run-facts')), POLL).toContain(`top-1 ${label}`);
      }
      expect(errors.errors.filter((e) => /literate|overlay/i.test(e))).toEqual([]);
      await page.close();
    });
  }

  it('a check about a layer shows, with its result, in that layer view; axe finds nothing, light and dark', async () => {
    const { page, panel } = await openPanel(shipped, '/demos/draw-shapes/');
    await runAll(panel);
    await panel.locator('.exec-section summary', { hasText: /examples? and \d+ checks?/ }).click();
    await expect.poll(visible(panel.locator('.exec .run-badge').first()), POLL).toBe(true);
    await screenshot(page, 'overlay-checks-draw-shapes');
    expect(await axeOverlay(page)).toEqual([]);
    await panel.locator('.node-button[data-node-id="conv1"]').click();
    const inLayer = panel.locator('.pack-notes [data-exec-id="check-conv1-params"]');
    await expect.poll(visible(inLayer.locator('.run-badge[data-status="pass"]')), POLL).toBe(true);
    expect(await inLayer.locator('.run-result').textContent()).toContain('208');
    expect(await axeOverlay(page)).toEqual([]);
    await page.close();
  });
});

describe('executable explanations: a wrong pack and a stale pack', () => {
  it('a wrong pack fails with the right reasons, beside its prose and in the exported report', async () => {
    const { page, panel } = await openPanel(custom, '/demos/draw-shapes/');
    await expect.poll(text(panel.locator('.pack-title')), POLL).toMatch('A deliberately wrong pack');
    // A picture from another origin (localhost is not 127.0.0.1): the browser taints any canvas it is drawn on.
    await page.evaluate(
      async (src) => {
        const img = document.createElement('img');
        img.id = 'foreign';
        img.alt = '';
        img.src = src;
        document.body.append(img);
        await img.decode();
      },
      `${server.url.replace('127.0.0.1', 'localhost')}/e2e/foreign.png`,
    );
    await runAll(panel);
    await expect
      .poll(text(summary(panel)), POLL)
      .toMatch(/^1 of 4 claims hold · 3 fail · 3 of 3 examples run \(1 fails, 1 could not run\)$/);
    await panel.locator('.exec-section summary', { hasText: /examples? and \d+ checks?/ }).click();

    const circle = await itemResult(panel, 'ex-circle-as-square');
    expect(circle.status).toBe('fail');
    expect(circle.text).toMatch(/circle/);
    expect(circle.text).toMatch(/top-1 square/);
    const top1 = await itemResult(panel, 'wrong-top1');
    expect(top1.status).toBe('fail');
    expect(top1.text).toMatch(/circle/);
    const fingerprint = await itemResult(panel, 'swapped-fingerprint');
    expect(fingerprint.status).toBe('fail');
    expect(fingerprint.text).toContain(
      shippedSource('draw-shapes').targets.models[0]!.fingerprint!.slice(0, 12),
    );
    expect((await itemResult(panel, 'right-conv1-params')).status).toBe('pass');
    expect((await itemResult(panel, 'ex-sketch')).status).toBe('ran');
    const foreign = await itemResult(panel, 'ex-foreign');
    expect(foreign.status).toBe('could-not-run');
    expect(foreign.text).toMatch(/another site.*CORS/);

    // The page-anchored check shows its result in its margin note, beside the heading it is about.
    const notes = page.locator('literate-overlay .notes-column');
    const params = await itemResult(notes, 'wrong-params');
    expect(params.status).toBe('fail');
    expect(params.text).toMatch(/26661/);
    expect(params.text).toMatch(/26662/);
    await screenshot(page, 'overlay-checks-wrong-pack');
    expect(await axeOverlay(page)).toEqual([]);

    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 30_000 }),
      panel.getByRole('button', { name: 'Export report' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^literate-report-e2e-wrong-shapes-.*\.html$/);
    const report = readFileSync((await download.path())!, 'utf8');
    expect(report).toContain('A deliberately wrong pack');
    expect(report).toContain(`${server.url}/demos/draw-shapes/`);
    for (const id of [
      'ex-circle-as-square',
      'wrong-top1',
      'swapped-fingerprint',
      'wrong-params',
      'ex-foreign',
    ])
      expect(report).toContain(id);
    expect(report).toMatch(/26662/);
    // The page's tf.js (4.x UMD on this demo) and its backend, read from the live model.
    expect(report).toMatch(/4\.\d+\.\d+ <span class="muted">backend<\/span> (cpu|webgl|wasm|webgpu)/);
    expect(report).toMatch(/another site/);
    await page.close();
  });

  it('a stale pack shows the staleness banner, lists what no longer applies, and re-binds nothing', async () => {
    const { page, panel } = await openPanel(custom, '/demos/legacy-spiral/');
    await expect.poll(text(panel.locator('.pack-title')), POLL).toMatch(stalePack().title);
    const banner = panel.getByTestId('staleness-banner');
    await expect.poll(visible(banner), POLL).toBe(true);
    await expect.poll(text(banner), POLL).toContain('fingerprint');
    await expect.poll(text(banner.locator('[data-stale-item="hidden3-params"]')), POLL).toContain('hidden3');
    // The orphan keeps its reason in the list of what could not be placed; nothing was moved to another layer.
    await expect.poll(text(panel.locator('[data-orphan-id="hidden3-params"]')), POLL).toContain('hidden3');
    await runAll(panel);
    await expect.poll(text(summary(panel)), POLL).toContain('1 could not run');
    expect(await axeOverlay(page)).toEqual([]);
    await page.close();
  });

  it("with 'Run a pack's checks when it loads' on, the checks run without being asked", async () => {
    const worker = custom.context.serviceWorkers()[0]!;
    await worker.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: typeof chrome }).chrome;
      const { settings } = await c.storage.local.get('settings');
      await c.storage.local.set({ settings: { ...(settings ?? {}), runChecksOnLoad: true } });
    });
    try {
      const { page, panel } = await openPanel(custom, '/demos/draw-shapes/');
      await expect.poll(text(summary(panel)), POLL).toMatch(/^1 of 4 claims hold · 3 fail/);
      await page.close();
    } finally {
      await worker.evaluate(async () => {
        const c = (globalThis as unknown as { chrome: typeof chrome }).chrome;
        const { settings } = await c.storage.local.get('settings');
        await c.storage.local.set({ settings: { ...(settings ?? {}), runChecksOnLoad: false } });
      });
    }
  });
});

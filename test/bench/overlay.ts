// `tsx test/bench/overlay.ts`: how fast the overlay shows a pack, from Literate's own performance marks on the page
// timeline, over fresh tabs: model found → launcher, click → outline visible, and click → a 50-note pack rendered and
// positioned beside its anchors — once opened after the page settled (notes pre-rendered while idle) and once
// clicked the moment the launcher exists (a page-side observer clicks it: no test-driver delay; the panel's chunk
// may still be loading). "Model found" is when the content script heard of the model from the hook; the page's own
// work before that (its first predictions run before the hook's scan gets a turn) is shown on its own row.
// Medians and worst; targets 100 ms and 150 ms.
// Environment: BENCH_ROUNDS (default 9), LITERATE_EXTENSION_DIR (default dist/chrome).

import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { startServer } from '../../demos/server';
import { launchWithExtension, ROOT } from '../e2e/harness';
import { overlayRoutes } from '../e2e/overlay-pages';
import { articlePack, articleRoutes, extensionWithPacks, validPackText } from '../e2e/overlay-packs-support';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9);
const NOTES = 50;
const TARGETS = { launcher: 100, outline: 100, notes: 150, foundToOutline: 100 };

interface Round {
  /** the page's model constructed (its own mark) → Literate knows of it (the hook's scan waits for the page's task) */
  pageToFound: number;
  /** model found → launcher visible */
  launcher: number;
  /** click → outline visible */
  outline: number;
  /** model found → outline visible (only meaningful when clicked as the launcher appears) */
  foundToOutline: number;
  /** click (or the pack's resolution, if later) → every note rendered and positioned */
  notes: number;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function marks(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const out: Record<string, number> = {};
    for (const m of performance.getEntriesByType('mark')) out[m.name] = m.startTime;
    out.modelReady = (window as unknown as { modelReadyAt?: number }).modelReadyAt ?? NaN;
    return out;
  });
}

/** Clicks the launcher from the page the moment it is in the overlay's shadow root (the "at once" condition). */
const CLICK_AT_ONCE = `(() => {
  const tryClick = () => {
    const button = document.querySelector('literate-overlay')?.shadowRoot?.querySelector('.launcher');
    if (!button) return false;
    button.click();
    return true;
  };
  const watch = new MutationObserver(() => {
    const root = document.querySelector('literate-overlay')?.shadowRoot;
    if (!root) return;
    watch.disconnect();
    if (tryClick()) return;
    const inner = new MutationObserver(() => tryClick() && inner.disconnect());
    inner.observe(root, { childList: true, subtree: true });
  });
  watch.observe(document, { childList: true, subtree: true });
})();`;

async function round(page: Page, url: string, settle: boolean): Promise<Round> {
  if (!settle) await page.addInitScript(CLICK_AT_ONCE);
  await page.goto(url);
  if (settle) {
    const launcher = page.getByRole('button', { name: 'Explain this model' });
    await launcher.waitFor({ timeout: 30_000 });
    await page.waitForFunction(() => performance.getEntriesByName('literate:pack-resolved').length > 0);
    await page.waitForTimeout(1500);
    await launcher.click();
  }
  await page.waitForFunction(
    () => performance.getEntriesByName('literate:notes-positioned').length > 0,
    undefined,
    { timeout: 30_000 },
  );
  const m = await marks(page);
  const opened = m['literate:panel-opened']!;
  const found = m['literate:model-found']!;
  return {
    pageToFound: found - m.modelReady!,
    launcher: m['literate:launcher-visible']! - found,
    outline: m['literate:outline-visible']! - opened,
    foundToOutline: m['literate:outline-visible']! - found,
    notes: m['literate:notes-positioned']! - Math.max(opened, m['literate:pack-resolved'] ?? opened),
  };
}

/** What each script of the extension weighs, minified and gzipped: what the browser parses, and what ships. */
function bundleTable(dir: string): string[] {
  const when: Record<string, string> = {
    'hook.js': 'every page, MAIN world, document_start',
    'content.js': 'every page, isolated world, document_start',
    'overlay.js': 'frames with a model: the launcher',
    'overlay-app.js': 'frames with a model, right after the launcher: the panel side',
    'overlay-katex.js': 'only when there is math to show',
    'overlay-render.js': 'once there is a pack, a draft or a report to render',
    'background.js': 'the service worker',
    'popup.js': 'the toolbar popup',
    'options.js': 'the options page',
  };
  const files = readdirSync(dir).filter((f) => f.endsWith('.js'));
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  return [
    '| script | minified | gzip | loaded |',
    '|---|---|---|---|',
    ...files.sort().map((f) => {
      const bytes = readFileSync(join(dir, f));
      return `| ${f} | ${kb(bytes.length)} | ${kb(gzipSync(bytes).length)} | ${when[f] ?? ''} |`;
    }),
  ];
}

async function main(): Promise<void> {
  const dir = extensionWithPacks({ 'bench-article.json': validPackText(articlePack(NOTES)) });
  const server = await startServer({ port: 0, routes: [...overlayRoutes(), ...articleRoutes(NOTES)] });
  const session = await launchWithExtension({ extensionDir: dir, viewport: { width: 1680, height: 1000 } });
  const results: Record<'settled' | 'at once', Round[]> = { settled: [], 'at once': [] };
  try {
    const url = `${server.url}/overlay/article.html`;
    // One warm-up tab (caches, first KaTeX font registration), then alternate the two conditions.
    const warm = await session.context.newPage();
    await round(warm, url, true);
    await warm.close();
    for (let i = 0; i < ROUNDS; i++) {
      for (const settle of i % 2 ? [true, false] : [false, true]) {
        const page = await session.context.newPage();
        results[settle ? 'settled' : 'at once'].push(await round(page, url, settle));
        await page.close();
      }
    }
  } finally {
    await session.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const row = (
    name: string,
    key: keyof Round,
    target: number,
    conditions: readonly ('settled' | 'at once')[] = ['settled', 'at once'],
  ) =>
    conditions.map((c) => {
      const xs = results[c].map((r) => r[key]);
      const m = median(xs);
      return target > 0
        ? `| ${name} (${c}) | ${m.toFixed(1)} ms | ${Math.max(...xs).toFixed(1)} ms | ${target} ms | ${m <= target ? 'ok' : 'OVER'} |`
        : `| ${name} (${c}) | ${m.toFixed(1)} ms | ${Math.max(...xs).toFixed(1)} ms | — | page's own |`;
    });
  const lines = [
    `Overlay with a ${NOTES}-note pack, ${ROUNDS} fresh tabs per condition (Chromium, headless):`,
    '',
    '| measure | median | worst | target | |',
    '|---|---|---|---|---|',
    ...row("page's model ready → Literate found it", 'pageToFound', 0),
    ...row('model found → launcher', 'launcher', TARGETS.launcher),
    ...row('click → outline visible', 'outline', TARGETS.outline),
    ...row('model found → outline visible, clicked at once', 'foundToOutline', TARGETS.foundToOutline, [
      'at once',
    ]),
    ...row(`click → ${NOTES} notes rendered and positioned`, 'notes', TARGETS.notes),
    '',
    '"settled": opened after the page was idle (notes pre-rendered); "at once": clicked by the page the moment the',
    'launcher existed. "Model found": the content script heard of the model from the hook.',
    '',
    'Bundles (the extension as built):',
    '',
    ...bundleTable(process.env.LITERATE_EXTENSION_DIR ?? join(ROOT, 'dist/chrome')),
  ];
  console.log(lines.join('\n'));
  const out = join(ROOT, 'test-results/bench');
  mkdirSync(out, { recursive: true });
  writeFileSync(
    join(out, 'overlay.json'),
    JSON.stringify({ rounds: ROUNDS, notes: NOTES, results }, null, 2),
  );
  writeFileSync(join(out, 'overlay.md'), lines.join('\n') + '\n');
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});

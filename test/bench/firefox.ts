// `npm run bench`, Firefox rows: the bench page's predict-loop time per frame in firefox-esr without Literate, with
// Literate idle, and with one live layer view open in the overlay (a tap, as a reader gets it: the Firefox content
// script's world is not reachable over BiDi, so taps come through the overlay). Rounds alternate the conditions;
// ratio of medians to the plain page. BENCH_ROUNDS, BENCH_FF_FRAMES, BENCH_BACKENDS (cpu first) as in run.ts.

import type { Page } from 'puppeteer-core';
import { html, startHookServer } from '../e2e/hook-fixtures/server';
import {
  clickElement,
  firefoxPath,
  launchFirefox,
  shadowElement,
  type FirefoxSession,
} from '../e2e-firefox/harness';
import { benchPage, median } from './bench-page';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
const FRAMES = Number(process.env.BENCH_FF_FRAMES ?? 40);
const BACKEND = (process.env.BENCH_BACKENDS ?? 'cpu').split(',')[0] ?? 'cpu';
const MODEL = { name: 'tiny-mobilenet', kind: 'layers', url: '/demos/models/tiny-mobilenet/model.json' };

interface Row {
  name: string;
  page: Page;
  times: number[];
}

async function openBench(session: FirefoxSession, origin: string): Promise<Page> {
  const page = await session.newPage();
  const query = new URLSearchParams({ kind: MODEL.kind, url: MODEL.url, backend: BACKEND });
  await page.goto(`${origin}/bench/page.html?${query}`);
  await page.waitForSelector('html[data-ready="1"], html[data-error]', { timeout: 60_000 });
  const error = await page.evaluate(() => document.documentElement.dataset.error ?? null);
  if (error) throw new Error(`bench page: ${error}`);
  return page;
}

const runLoop = (page: Page, n: number) =>
  page.evaluate((k: number) => (window as any).runLoop(k), n) as Promise<number[]>;

async function main(): Promise<void> {
  try {
    firefoxPath();
  } catch (e) {
    console.log(`Firefox rows skipped: ${(e as Error).message}`);
    return;
  }
  const server = await startHookServer([
    { path: '/bench/page.html', handler: html(benchPage('/node_modules/@tensorflow/tfjs/dist/tf.min.js')) },
  ]);
  // Firefox rounds performance.now() to 1 ms (or coarser) unless told not to: frames here take about that long.
  const prefs = { 'privacy.reduceTimerPrecision': false };
  const [plain, literate] = await Promise.all([
    launchFirefox({ addon: false, prefs }),
    launchFirefox({ prefs }),
  ]);
  try {
    const rows: Row[] = [
      { name: 'plain', page: await openBench(plain, server.url), times: [] },
      { name: 'idle', page: await openBench(literate, server.url), times: [] },
      { name: '1 live view', page: await openBench(literate, server.url), times: [] },
    ];
    // The live view: open the panel and the first convolution's layer view (it taps while on screen).
    const view = rows[2]!.page;
    await runLoop(view, 2);
    await view.bringToFront();
    await clickElement(
      await shadowElement(view, 'button[aria-label="Explain this model"]', undefined, 30_000),
    );
    await clickElement(await shadowElement(view, '.node-button', /Conv2D/));
    await shadowElement(view, 'section.live');
    await runLoop(view, 10);
    await shadowElement(view, 'section.live canvas', undefined, 30_000);
    for (const row of rows) await runLoop(row.page, 5); // warm-up
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? rows : [...rows].reverse();
      for (const row of order) {
        // Each condition runs in the front tab, as a reader's would (Firefox throttles background tabs).
        await row.page.bringToFront();
        row.times.push(...(await runLoop(row.page, FRAMES)));
      }
    }
    const base = median(rows[0]!.times);
    console.log(
      `\nFirefox ${firefoxPath()} · ${MODEL.name} (${MODEL.kind}) · ${BACKEND} · ${ROUNDS}×${FRAMES} frames`,
    );
    console.log('condition        median ms   ratio');
    for (const row of rows) {
      const m = median(row.times);
      console.log(`${row.name.padEnd(16)} ${m.toFixed(2).padStart(9)}   ${(m / base).toFixed(3)}`);
    }
  } finally {
    await Promise.all([plain.close(), literate.close()]);
    await server.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});

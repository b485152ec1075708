// `npm run bench`: the page's predict-loop time per frame without Literate, with Literate idle, with 1 and 8 taps
// live at 10 Hz, and the two ways a reader could get activations without it (recompute with a multi-output
// sub-model / execute(); KEEP_INTERMEDIATE_TENSORS), on gallery models and, when present, ../shared/models; cpu and
// webgl. One run, every condition in its own tab, rounds alternating the order; ratio of medians to the plain page.
// Then the hook's own cost on a page without tf.js, and the page's frame time while a pack's checks probe PoseNet beside
// its never-stopping loop (checks-beside-loop.ts). Environment: BENCH_ROUNDS, BENCH_ROUND_MS, BENCH_MIN_FRAMES, BENCH_MODELS (regexp),
// BENCH_BACKENDS (cpu,webgl), BENCH_REDUCTION (downsample: what the overlay asks; none: every value).

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { ExtensionSession } from '../e2e/harness';
import { launchLiterate } from '../e2e/hook-fixtures/extension';
import { RECORDER, isolatedWorld, type IsolatedWorld } from '../e2e/hook-fixtures/isolated';
import { launchPlain } from '../e2e/hook-fixtures/plain';
import { ROOT, html, startHookServer, type HookServer } from '../e2e/hook-fixtures/server';
import { EMPTY_PAGE, benchPage, median, type Mode } from './bench-page';
import { checksBesideLoop, sharedPosenetPresent, type LoopProbeResult } from './checks-beside-loop';
import { onnxTapBench, onnxTapLines, type OnnxTapBench } from './onnx-taps';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
/** Frames per condition and round: about this many ms of the plain loop (4–80), long enough that 10 Hz sampling
 * is at its steady rate rather than catching the first frame of every short stretch. */
const ROUND_MS = Number(process.env.BENCH_ROUND_MS ?? 800);
/** Fewest frames per condition and round, so slow models (≈ 200 ms a frame) still give medians of many frames. */
const MIN_FRAMES = Number(process.env.BENCH_MIN_FRAMES ?? 10);
const SHARED = resolve(ROOT, '../shared/models');
const TAP_BUDGET = JSON.stringify({ maxInFlight: 4, bytesPerSecond: 16 << 20, hz: 10 });
/** What each tap asks for: 'downsample' is what the overlay's live views ask (whole tensors up to 65,536 values,
 * strided beyond); 'none' reads every value of every tensor (the worst case). */
const REDUCTION = process.env.BENCH_REDUCTION ?? 'downsample';
const BACKENDS = (process.env.BENCH_BACKENDS ?? 'cpu,webgl').split(',');

interface BenchModel {
  name: string;
  kind: 'layers' | 'graph';
  url: string;
}

const GALLERY: BenchModel[] = [
  { name: 'tiny-mobilenet', kind: 'layers', url: '/demos/models/tiny-mobilenet/model.json' },
  { name: 'tiny-mobilenet-graph', kind: 'graph', url: '/demos/models/tiny-mobilenet-graph/model.json' },
];
const REAL: BenchModel[] = [
  { name: 'mobilenet-v1-025 (layers)', kind: 'layers', url: '/real/mobilenet-v1-025-224-layers/model.json' },
  {
    name: 'mobilenet-v1-025 (graph)',
    kind: 'graph',
    url: '/real/mobilenet-v1-025-224-tfhub-graph/model.json',
  },
];

interface Condition {
  name: 'plain' | 'plain, same browser' | 'idle' | '1 tap' | '8 taps' | 'recompute' | 'keep';
  /** 'literate, not here': the browser with Literate, on an address its content scripts do not match. */
  browser: 'plain' | 'literate' | 'literate, not here';
  mode: Mode;
  taps: number;
}

const CONDITIONS: Condition[] = [
  { name: 'plain', browser: 'plain', mode: 'plain', taps: 0 },
  { name: 'plain, same browser', browser: 'literate, not here', mode: 'plain', taps: 0 },
  { name: 'idle', browser: 'literate', mode: 'plain', taps: 0 },
  { name: '1 tap', browser: 'literate', mode: 'plain', taps: 1 },
  { name: '8 taps', browser: 'literate', mode: 'plain', taps: 8 },
  { name: 'recompute', browser: 'plain', mode: 'recompute', taps: 0 },
  { name: 'keep', browser: 'plain', mode: 'keep', taps: 0 },
];

interface Tab {
  condition: Condition;
  page: Page;
  world?: IsolatedWorld;
  /** Re-subscribes this tab's taps (after an 'off' stretch). */
  subscribe?: string;
  times: number[];
  /** 8-taps tab only: the same tab's frames with the taps unsubscribed, alternating with `times` every round. */
  offTimes: number[];
  unsupported: string | null;
}

interface Result {
  model: string;
  backend: string;
  framesPerRound: number;
  medians: Record<string, number | null>;
  /** Tap frames the content script received over the whole run (1 tap, 8 taps). */
  tapFrames: Record<string, number>;
}

/** The bench server at the address Literate runs on, and at one it does not (127.0.0.2: no content scripts). */
interface Bases {
  here: string;
  elsewhere: string;
}

async function openTab(
  browsers: { plain: Browser; literate: ExtensionSession },
  bases: Bases,
  model: BenchModel,
  backend: string,
  condition: Condition,
): Promise<Tab> {
  const page =
    condition.browser === 'plain'
      ? await browsers.plain.newPage()
      : await browsers.literate.context.newPage();
  const query = new URLSearchParams({ kind: model.kind, url: model.url, backend, mode: condition.mode });
  const origin = condition.browser === 'literate, not here' ? bases.elsewhere : bases.here;
  await page.goto(`${origin}/bench/page.html?${query}`);
  await page.waitForSelector('html[data-ready="1"], html[data-error]', { timeout: 120_000 });
  const error = await page.evaluate(() => document.documentElement.dataset.error ?? null);
  if (error) throw new Error(`${model.name}: ${error}`);
  const info = await page.evaluate(() => ({
    watched: (window as any).benchInfo.watched as string[],
    unsupported: (window as any).benchInfo.unsupported as string | null,
  }));
  const tab: Tab = { condition, page, times: [], offTimes: [], unsupported: info.unsupported };
  if (condition.taps > 0) {
    const world = await isolatedWorld(page, browsers.literate.extensionId);
    await world.evaluate(RECORDER);
    const end = Date.now() + 20_000;
    let id: string | null = null;
    while (!id && Date.now() < end) {
      id = await world.evaluate<string | null>(`__t.api.snapshot().models[0]?.id ?? null`);
      if (!id) await new Promise((r) => setTimeout(r, 100));
    }
    const nodes = condition.taps === 1 ? [info.watched[info.watched.length >> 1]!] : info.watched;
    const taps = JSON.stringify(nodes.map((nodeId) => ({ nodeId, reduction: REDUCTION })));
    tab.subscribe = `__t.subscribe('bench', '${id}', ${taps}, ${TAP_BUDGET}, true)`;
    await world.evaluate(tab.subscribe);
    tab.world = world;
  }
  return tab;
}

async function benchModel(
  browsers: { plain: Browser; literate: ExtensionSession },
  bases: Bases,
  model: BenchModel,
  backend: string,
): Promise<Result> {
  const tabs: Tab[] = [];
  for (const c of CONDITIONS) tabs.push(await openTab(browsers, bases, model, backend, c));
  const loop = async (tab: Tab, n: number): Promise<number[]> => {
    await tab.page.bringToFront();
    return tab.page.evaluate((k) => (window as any).runLoop(k) as Promise<number[]>, n);
  };
  const live = tabs.filter((t) => !t.unsupported);
  let warm: number[] = [];
  for (const tab of live) {
    const times = await loop(tab, 3); // warm up: shader compiles, caches
    if (tab.condition.name === 'plain') warm = times;
  }
  const frames = Math.max(MIN_FRAMES, Math.min(80, Math.ceil(ROUND_MS / Math.max(0.1, median(warm)))));
  for (const tab of live) if (tab.world) await tab.world.evaluate(`(__t.frames.length = 0, true)`);
  for (let round = 0; round < ROUNDS; round++) {
    const order = live.map((_, i) => live[(i + round) % live.length]!);
    for (const tab of order) {
      if (tab.condition.name === '8 taps' && tab.world && tab.subscribe) {
        // The same tab with its taps off: the tap cost without the noise between tabs and browsers. On and off
        // swap places every round, so neither always runs first after the tab comes to the front.
        const on = async (): Promise<void> => void tab.times.push(...(await loop(tab, frames)));
        const off = async (): Promise<void> => {
          await tab.world!.evaluate(`__t.unsubscribe('bench')`);
          tab.offTimes.push(...(await loop(tab, frames)));
          await tab.world!.evaluate(tab.subscribe!);
        };
        if (round % 2) {
          await off();
          await on();
        } else {
          await on();
          await off();
        }
      } else {
        tab.times.push(...(await loop(tab, frames)));
      }
    }
  }
  const tapFrames: Record<string, number> = {};
  for (const tab of live) {
    if (!tab.world) continue;
    tapFrames[tab.condition.name] = await tab.world.evaluate<number>(`__t.frames.length`);
    await tab.world.evaluate(`__t.unsubscribe('bench')`);
    await tab.world.close();
  }
  for (const tab of tabs) await tab.page.close();
  const medians: Record<string, number | null> = {};
  for (const tab of tabs) medians[tab.condition.name] = tab.unsupported ? null : median(tab.times);
  const eight = tabs.find((t) => t.condition.name === '8 taps');
  medians['8 taps off'] = eight && eight.offTimes.length ? median(eight.offTimes) : null;
  return { model: model.name, backend, framesPerRound: frames, medians, tapFrames };
}

/** The hook's script evaluation time (fresh iframes) and navigation → load event on a page without tf.js. */
async function hookCost(
  browsers: { plain: Browser; literate: ExtensionSession },
  base: string,
): Promise<{ evalMs: number; loadPlain: number; loadLiterate: number }> {
  const hookFile = join(process.env.LITERATE_EXTENSION_DIR ?? join(ROOT, 'dist/chrome'), 'hook.js');
  const source = readFileSync(hookFile, 'utf8');
  const page = await browsers.plain.newPage();
  await page.goto(`${base}/bench/empty.html`);
  const evalTimes = await page.evaluate((src) => {
    const times: number[] = [];
    for (let i = 0; i < 40; i++) {
      const frame = document.createElement('iframe');
      document.body.append(frame);
      const w = frame.contentWindow as unknown as { eval(s: string): unknown; performance: Performance };
      const t0 = performance.now();
      w.eval(src);
      times.push(performance.now() - t0);
      frame.remove();
    }
    return times;
  }, source);
  await page.close();
  const loads: { plain: number[]; literate: number[] } = { plain: [], literate: [] };
  const plainPage = await browsers.plain.newPage();
  const literatePage = await browsers.literate.context.newPage();
  const loadTime = async (p: Page): Promise<number> => {
    await p.goto(`${base}/bench/empty.html?${Math.random()}`, { waitUntil: 'load' });
    return p.evaluate(
      () => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd,
    );
  };
  for (let i = 0; i < 20; i++) {
    loads.plain.push(await loadTime(plainPage));
    loads.literate.push(await loadTime(literatePage));
  }
  await plainPage.close();
  await literatePage.close();
  return {
    evalMs: median(evalTimes.slice(5)),
    loadPlain: median(loads.plain),
    loadLiterate: median(loads.literate),
  };
}

function ratio(r: Result, name: string, baseline = 'plain'): string {
  const base = r.medians[baseline];
  const m = r.medians[name];
  if (m === null || m === undefined || !base) return 'n/a';
  return `${(m / base).toFixed(3)}×`;
}

async function main(): Promise<void> {
  const startedAt = Date.now();
  const models = [...GALLERY, ...(existsSync(SHARED) ? REAL : [])].filter(
    (m) => !process.env.BENCH_MODELS || new RegExp(process.env.BENCH_MODELS).test(m.name),
  );
  const routes = [
    { path: '/bench/page.html', handler: html(benchPage('/node_modules/@tensorflow/tfjs/dist/tf.min.js')) },
    { path: '/bench/empty.html', handler: html(EMPTY_PAGE) },
  ];
  const mounts = [
    { prefix: '/real/', dir: SHARED },
    { prefix: '/', dir: ROOT },
  ];
  const server: HookServer = await startHookServer(routes, mounts);
  const elsewhere: HookServer = await startHookServer(routes, mounts, '127.0.0.2');
  const [plain, literate] = await Promise.all([launchPlain(), launchLiterate()]);
  const browsers = { plain, literate };
  const results: Result[] = [];
  try {
    for (const backend of BACKENDS) {
      for (const model of models) {
        try {
          const r = await benchModel(
            browsers,
            { here: server.url, elsewhere: elsewhere.url },
            model,
            backend,
          );
          results.push(r);
          console.error(
            `  ${model.name} / ${backend}: plain ${r.medians.plain?.toFixed(2)} ms, 8 taps ${ratio(r, '8 taps')}`,
          );
        } catch (e) {
          console.error(`  ${model.name} / ${backend}: skipped (${e instanceof Error ? e.message : e})`);
        }
      }
    }
    const cost = await hookCost(browsers, server.url);
    // Live values on an ONNX Runtime Web page, outputs and inner nodes (issue 20).
    const onnx: OnnxTapBench | string = await onnxTapBench(plain, literate).catch(
      (e: unknown) => `skipped (${e instanceof Error ? e.message : String(e)})`,
    );
    // Frame time while checks run: PoseNet in a loop that never stops, probed as a pack's checks do (issue 16.2).
    let loop: LoopProbeResult | string | null = null;
    if (sharedPosenetPresent()) {
      loop = await checksBesideLoop(literate, '/node_modules/@tensorflow/tfjs/dist/tf.min.js').catch(
        (e: unknown) => `skipped (${e instanceof Error ? e.message : String(e)})`,
      );
    }
    const ms = (x: number): string => `${Math.round(x)} ms`;
    const lines = [
      `Literate bench — ${ROUNDS} rounds per condition, each condition in its own tab, order rotating every round;`,
      `cell = median ms/frame of the page loop / median of the plain page (no Literate); taps ask for '${REDUCTION}'.`,
      '',
      'The "8 taps / off" column compares the 8-taps tab with itself, taps unsubscribed every other stretch.',
      '"idle, same browser" divides by the plain page opened in the browser with Literate at 127.0.0.2, an address',
      'its content scripts do not match: the hook is the only difference, without the noise between browsers.',
      '',
      '| model | backend | frames × rounds | plain ms/frame | idle | idle, same browser | 1 tap @10 Hz | 8 taps @10 Hz | 8 taps / off, same tab | recompute 8 @10 Hz | KEEP_INTERMEDIATE_TENSORS | tap frames got (1 · 8) |',
      '|---|---|---|---|---|---|---|---|---|---|---|---|',
      ...results.map(
        (r) =>
          `| ${r.model} | ${r.backend} | ${r.framesPerRound} × ${ROUNDS} | ${r.medians.plain?.toFixed(2)} | ` +
          `${ratio(r, 'idle')} | ${ratio(r, 'idle', 'plain, same browser')} | ${ratio(r, '1 tap')} | ${ratio(r, '8 taps')} | ${ratio(r, '8 taps', '8 taps off')} | ` +
          `${ratio(r, 'recompute')} | ` +
          `${ratio(r, 'keep')} | ${r.tapFrames['1 tap'] ?? 0} · ${r.tapFrames['8 taps'] ?? 0} |`,
      ),
      '',
      `Hook on a page without tf.js: script evaluation ${cost.evalMs.toFixed(3)} ms (median of 35, fresh iframes); ` +
        `navigation → load event ${cost.loadPlain.toFixed(1)} ms plain vs ${cost.loadLiterate.toFixed(1)} ms with Literate ` +
        `(medians of 20, alternating).`,
      typeof loop === 'string'
        ? `Frame time while checks run: ${loop}.`
        : loop
          ? `Frame time while checks run (PoseNet MobileNetV1 0.75 stride 16, ${loop.side}² input, ${loop.backend}, a ` +
            `requestAnimationFrame loop that never stops): the page's frame ${ms(loop.frame.alone.median)} median ` +
            `(p95 ${ms(loop.frame.alone.p95)}) alone, ${ms(loop.frame.probing.median)} (p95 ${ms(loop.frame.probing.p95)}, ` +
            `worst ${ms(loop.frame.probing.max)}) while ${loop.probeMs.length} probes ran one after another; each probe ` +
            `${loop.probeMs.map(ms).join(', ')}; ${loop.failed.length} failed${loop.failed.length ? ` (${loop.failed[0]})` : ''}.`
          : 'Frame time while checks run: skipped (no ../shared/models/posenet-mobilenet-075-quant2-stride16-graph).',
      ...(typeof onnx === 'string' ? ['', `ONNX Runtime Web page: ${onnx}.`] : onnxTapLines(onnx)),
      `Targets: idle ≤ 1.01×, 8 taps at 10 Hz ≤ 1.10×, hook < 1 ms. Took ${((Date.now() - startedAt) / 1000).toFixed(0)} s.`,
    ];
    console.log(lines.join('\n'));
    const out = join(ROOT, 'test-results/bench');
    mkdirSync(out, { recursive: true });
    writeFileSync(
      join(out, 'bench.json'),
      JSON.stringify({ rounds: ROUNDS, results, cost, loop, onnx }, null, 2),
    );
    writeFileSync(join(out, 'bench.md'), lines.join('\n') + '\n');
  } finally {
    await plain.close();
    await literate.close();
    await server.close();
    await elsewhere.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});

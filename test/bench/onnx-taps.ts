// The cost of live values on an ONNX Runtime Web page (issue 20): a page that runs the gallery's ONNX CNN
// (shapes-cnn-onnx, 1.31.1 by script tag, wasm) in a loop that never stops (each run right after the last), measured without
// Literate, with Literate idle, with a live view on the model's output (copied from the page's own calls), and with
// live views on inner nodes (a second, reader-only session with extra outputs, run after a sampled page call) at
// 10 and 60 Hz. Reports the page's session.run time and the interval between runs (means), alternating conditions
// in rounds. Run alone: `npx tsx test/bench/onnx-taps.ts`; `npm run bench` includes it.

import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { ExtensionSession } from '../e2e/harness';
import { RECORDER, isolatedWorld, type IsolatedWorld } from '../e2e/hook-fixtures/isolated';
import { html } from '../e2e/hook-fixtures/server';
import { startServer } from '../../demos/server';

const mean = (xs: number[]): number => xs.reduce((a, x) => a + x, 0) / Math.max(1, xs.length);

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
const ROUND_MS = Number(process.env.BENCH_ONNX_ROUND_MS ?? 2000);

function loopPage(): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>onnx loop</title>
<script src="/node_modules/onnxruntime-web/dist/ort.min.js"></script></head><body><h1>onnx loop</h1><script>
(async () => {
  const session = await ort.InferenceSession.create('/demos/onnx-models/shapes-cnn-onnx/model.onnx', { executionProviders: ['wasm'] });
  const values = Float32Array.from({ length: 3072 }, (_, i) => ((i * 7919) % 255) / 255);
  window.runs = []; window.intervals = [];
  let last = 0;
  // As fast as the page can: each run starts as soon as the last one is done (a MessageChannel task, no rAF cap),
  // so any main-thread time Literate takes shows as fewer runs per second.
  const channel = new MessageChannel();
  const loop = async () => {
    const t0 = performance.now();
    const out = await session.run({ image: new ort.Tensor('float32', values, [1, 3, 32, 32]) });
    window.runs.push(performance.now() - t0);
    void out.probabilities.data[0];
    const now = performance.now();
    if (last) window.intervals.push(now - last);
    last = now;
    if (running) channel.port2.postMessage(0);
  };
  channel.port1.onmessage = loop;
  // Only the tab being measured runs (background tabs would otherwise compete for the same cores).
  let running = false;
  window.start = () => { if (!running) { running = true; last = 0; loop(); } };
  window.stop = () => { running = false; };
  document.documentElement.dataset.ready = '1';
})().catch((e) => { document.documentElement.dataset.error = String(e && e.message || e); });
</script></body></html>`;
}

type Name = 'plain' | 'idle' | 'output @10 Hz' | 'inner @10 Hz' | 'inner @60 Hz';
const NAMES: Name[] = ['plain', 'idle', 'output @10 Hz', 'inner @10 Hz', 'inner @60 Hz'];

export interface OnnxTapBench {
  rounds: number;
  runMs: Record<Name, number>;
  frameMs: Record<Name, number>;
  frames: Record<Name, number>;
  tapFrames: Record<Name, number>;
}

interface Tab {
  name: Name;
  page: Page;
  world?: IsolatedWorld;
  runs: number[];
  intervals: number[];
}

export async function onnxTapBench(plain: Browser, literate: ExtensionSession): Promise<OnnxTapBench> {
  // The gallery's server: it serves ONNX Runtime Web's .mjs and .wasm files with their types.
  const server = await startServer({
    routes: [{ path: '/bench/onnx-loop.html', handler: html(loopPage()) }],
  });
  const tabs: Tab[] = [];
  try {
    for (const name of NAMES) {
      const page = name === 'plain' ? await plain.newPage() : await literate.context.newPage();
      await page.goto(`${server.url}/bench/onnx-loop.html`);
      await page.waitForSelector('html[data-ready="1"], html[data-error]', { timeout: 60_000 });
      const error = await page.evaluate(() => document.documentElement.dataset.error ?? null);
      if (error) throw new Error(error);
      const tab: Tab = { name, page, runs: [], intervals: [] };
      if (name !== 'plain' && name !== 'idle') {
        tab.world = await isolatedWorld(page, literate.extensionId);
        await tab.world.evaluate(RECORDER);
      }
      tabs.push(tab);
    }
    const subscribe = async (tab: Tab): Promise<void> => {
      if (!tab.world) return;
      let id: string | null = null;
      for (let i = 0; i < 100 && !id; i++) {
        id = await tab.world.evaluate<string | null>(`__t.api.snapshot().models[0]?.id ?? null`);
        if (!id) await tab.page.waitForTimeout(100);
      }
      const inner = tab.name.startsWith('inner');
      const taps = inner
        ? [
            { nodeId: 'relu1', reduction: 'channel-mean' },
            { nodeId: 'pool2', reduction: 'downsample' },
          ]
        : [{ nodeId: 'probabilities', reduction: 'none' }];
      const hz = tab.name === 'inner @60 Hz' ? 60 : 10;
      const budget = JSON.stringify({ maxInFlight: 4, bytesPerSecond: 16 << 20, hz });
      await tab.world.evaluate(`__t.subscribe('b', '${id}', ${JSON.stringify(taps)}, ${budget}, true)`);
    };
    for (const tab of tabs) await subscribe(tab);
    const read = (tab: Tab) =>
      tab.page.evaluate(() => ({
        runs: (window as any).runs.splice(0) as number[],
        intervals: (window as any).intervals.splice(0) as number[],
      }));
    for (let round = 0; round < ROUNDS; round++) {
      const order = tabs.map((_, i) => tabs[(i + round) % tabs.length]!);
      for (const tab of order) {
        await tab.page.bringToFront();
        await tab.page.evaluate(() => (window as any).start());
        await tab.page.waitForTimeout(200);
        await read(tab);
        await tab.page.waitForTimeout(ROUND_MS);
        const got = await read(tab);
        await tab.page.evaluate(() => (window as any).stop());
        if (round > 0) {
          tab.runs.push(...got.runs);
          tab.intervals.push(...got.intervals);
        }
      }
    }
    const result = { rounds: ROUNDS - 1 } as OnnxTapBench;
    result.runMs = {} as OnnxTapBench['runMs'];
    result.frameMs = {} as OnnxTapBench['frameMs'];
    result.frames = {} as OnnxTapBench['frames'];
    result.tapFrames = {} as OnnxTapBench['tapFrames'];
    for (const tab of tabs) {
      // Means: performance.now() is coarsened to 0.1 ms here, and one run takes about half a millisecond.
      result.runMs[tab.name] = mean(tab.runs);
      result.frameMs[tab.name] = mean(tab.intervals);
      result.frames[tab.name] = tab.runs.length;
      result.tapFrames[tab.name] = tab.world ? await tab.world.evaluate<number>('__t.frames.length') : 0;
    }
    return result;
  } finally {
    for (const tab of tabs) {
      await tab.world?.close().catch(() => undefined);
      await tab.page.close().catch(() => undefined);
    }
    await server.close();
  }
}

/** The bench table's rows for the ONNX page. */
export function onnxTapLines(r: OnnxTapBench): string[] {
  const ratio = (n: Name) => `${(r.frameMs[n] / r.frameMs.plain).toFixed(2)}×`;
  return [
    '',
    `ONNX Runtime Web page (shapes-cnn-onnx, 1.31.1 script tag, wasm, runs back to back; ${r.rounds} rounds): mean`,
    "session.run ms · mean interval between runs ms (ratio to plain: the cost to the page's throughput) · runs measured ·",
    'live frames received.',
    '',
    '| condition | session.run ms | interval ms | ratio | runs | live frames |',
    '|---|---|---|---|---|---|',
    ...NAMES.map(
      (n) =>
        `| ${n} | ${r.runMs[n].toFixed(3)} | ${r.frameMs[n].toFixed(3)} | ${ratio(n)} | ${r.frames[n]} | ${r.tapFrames[n]} |`,
    ),
    '"output": the model\'s probabilities copied from the page\'s own calls. "inner": relu1 (channel means) and pool2',
    'from a second, reader-only session with those two extra outputs, run after a sampled page call on a copy of its',
    "inputs (one at a time); its time shows in the interval, not in the page's session.run.",
  ];
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const { launchLiterate } = await import('../e2e/hook-fixtures/extension');
  const { launchPlain } = await import('../e2e/hook-fixtures/plain');
  const [plain, literate] = await Promise.all([launchPlain(), launchLiterate()]);
  try {
    const r = await onnxTapBench(plain, literate);
    console.log(onnxTapLines(r).join('\n'));
  } finally {
    await plain.close();
    await literate.close();
  }
}

// The page's frame time while a reader's examples and checks run (issue 16.2): a page whose requestAnimationFrame
// loop never stops runs PoseNet (MobileNetV1 0.75, stride 16, from ../shared/models) on webgl — software WebGL on a
// machine without a GPU — and Literate probes the same model the way a pack's examples and checks do. Reports the
// page's frame interval (median, p95, worst) without probes and while they run, and each probe's time.

import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ExtensionSession } from '../e2e/harness';
import { RECORDER, isolatedWorld } from '../e2e/hook-fixtures/isolated';
import { ROOT, html, startHookServer } from '../e2e/hook-fixtures/server';
import { median } from './bench-page';

const MODEL = '/real/posenet-mobilenet-075-quant2-stride16-graph/model-stride16.json';
const SIDE = Number(process.env.BENCH_POSENET_SIDE ?? 257);
const PROBES = Number(process.env.BENCH_PROBES ?? 6);

function loopPage(tfjsSrc: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>loop</title>
<script src="${tfjsSrc}"></script></head><body><h1>loop</h1><script>
(async () => {
  const q = new URLSearchParams(location.search);
  await tf.setBackend(q.get('backend') || 'webgl');
  await tf.ready();
  const model = await tf.loadGraphModel(q.get('url'));
  const side = Number(q.get('side'));
  const x = tf.randomUniform([1, side, side, 3], -1, 1, 'float32', 1);
  window.intervals = [];
  let last = 0;
  // The page's loop, as PoseNet's camera page: every frame, run the model and read its outputs, never stopping.
  const loop = async () => {
    const outs = [].concat(model.execute(x));
    await Promise.all(outs.map((o) => o.data()));
    tf.dispose(outs);
    const now = performance.now();
    if (last) window.intervals.push(now - last);
    last = now;
    requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
  window.info = { backend: tf.getBackend(), side };
  document.documentElement.dataset.ready = '1';
})().catch((e) => { document.documentElement.dataset.error = String(e && e.message || e); });
</script></body></html>`;
}

export interface LoopProbeResult {
  backend: string;
  side: number;
  frame: { alone: Stats; probing: Stats };
  probeMs: number[];
  failed: string[];
}

interface Stats {
  median: number;
  p95: number;
  max: number;
  n: number;
}

function stats(xs: number[]): Stats {
  const s = [...xs].sort((a, b) => a - b);
  return {
    median: median(s),
    p95: s[Math.floor(s.length * 0.95)] ?? NaN,
    max: s[s.length - 1] ?? NaN,
    n: s.length,
  };
}

export function sharedPosenetPresent(): boolean {
  return existsSync(resolve(ROOT, '../shared/models/posenet-mobilenet-075-quant2-stride16-graph'));
}

export async function checksBesideLoop(
  literate: ExtensionSession,
  tfjsSrc: string,
  backend = 'webgl',
): Promise<LoopProbeResult> {
  const server = await startHookServer(
    [{ path: '/bench/loop.html', handler: html(loopPage(tfjsSrc)) }],
    [
      { prefix: '/real/', dir: resolve(ROOT, '../shared/models') },
      { prefix: '/', dir: ROOT },
    ],
  );
  const page = await literate.context.newPage();
  try {
    const query = new URLSearchParams({ url: MODEL, backend, side: String(SIDE) });
    await page.goto(`${server.url}/bench/loop.html?${query}`);
    await page.waitForSelector('html[data-ready="1"], html[data-error]', { timeout: 120_000 });
    const error = await page.evaluate(() => document.documentElement.dataset.error ?? null);
    if (error) throw new Error(error);
    const world = await isolatedWorld(page, literate.extensionId);
    await world.evaluate(RECORDER);
    let id: string | null = null;
    for (let i = 0; i < 200 && !id; i++) {
      id = await world.evaluate<string | null>(`__t.api.snapshot().models[0]?.id ?? null`);
      if (!id) await page.waitForTimeout(100);
    }
    const intervals = (): Promise<number[]> => page.evaluate(() => (window as any).intervals.splice(0));
    await page.waitForTimeout(3000);
    await intervals();
    await page.waitForTimeout(4000);
    const alone = await intervals();
    // As a pack's examples and checks do: one probe after another, each with the model's outputs.
    const probeMs: number[] = [];
    const failed: string[] = [];
    const input = JSON.stringify({
      type: 'tensor',
      shape: [1, SIDE, SIDE, 3],
      values: Array.from({ length: SIDE * SIDE * 3 }, (_, i) => ((i * 7919) % 255) / 127.5 - 1),
    });
    await world.evaluate(`(globalThis.__probeInput = ${input}, true)`);
    const outputs = await world.evaluate<string>(
      `__t.api.describe('${id}').then((g) => JSON.stringify(g.outputs.map((o) => o.nodeId)))`,
    );
    for (let i = 0; i < PROBES; i++) {
      const t0 = Date.now();
      const r = await world.evaluate<string>(
        `__t.api.probe('${id}', globalThis.__probeInput, ${outputs}, 8000).then(() => 'ok', (e) => String(e && e.message || e))`,
      );
      probeMs.push(Date.now() - t0);
      if (r !== 'ok') failed.push(r);
    }
    const probing = await intervals();
    await world.close();
    const info = await page.evaluate(() => (window as any).info as { backend: string; side: number });
    return {
      backend: info.backend,
      side: info.side,
      frame: { alone: stats(alone), probing: stats(probing) },
      probeMs,
      failed,
    };
  } finally {
    await page.close();
    await server.close();
  }
}

// Run alone: `npx tsx test/bench/checks-beside-loop.ts`.
if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const { launchLiterate } = await import('../e2e/hook-fixtures/extension');
  const { TFJS_UMD } = await import('../e2e/fixtures');
  const session = await launchLiterate();
  try {
    for (const backend of (process.env.BENCH_BACKENDS ?? 'webgl').split(','))
      console.log(JSON.stringify(await checksBesideLoop(session, TFJS_UMD['4.22.0']!, backend)));
  } finally {
    await session.close();
  }
}

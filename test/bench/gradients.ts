// What a gradient map costs (issue #18, What mattered): a page whose requestAnimationFrame loop never stops runs the
// real MobileNet v1 0.25 (../shared/models, a LayersModel and the TF-Hub GraphModel) on script-tag tf.js 4 (which
// registers every gradient), and the reader asks for gradient maps of one class, one after another, as the overlay
// does. Reports each gradient's time (the reader's wait, and the page's own time for both passes), one forward probe
// of the same input for comparison (occlusion pays one per placement), and the page's frame interval without and
// while gradients run. Run: `npx tsx test/bench/gradients.ts` (needs ../shared/models; LITERATE_EXTENSION_DIR).

import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ExtensionSession } from '../e2e/harness';
import { RECORDER, isolatedWorld } from '../e2e/hook-fixtures/isolated';
import { ROOT, html, startHookServer } from '../e2e/hook-fixtures/server';
import { median } from './bench-page';

const MODELS = [
  {
    name: 'MobileNet v1 0.25 (LayersModel)',
    url: '/real/mobilenet-v1-025-224-layers/model.json',
    kind: 'layers',
  },
  {
    name: 'MobileNet v1 0.25 (TF-Hub GraphModel)',
    url: '/real/mobilenet-v1-025-224-tfhub-graph/model.json',
    kind: 'graph',
  },
] as const;
const RUNS = Number(process.env.BENCH_GRADIENTS ?? 5);

function loopPage(): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>gradients</title>
<script src="/node_modules/@tensorflow/tfjs/dist/tf.min.js"></script></head><body><h1>loop</h1><script>
(async () => {
  const q = new URLSearchParams(location.search);
  await tf.setBackend(q.get('backend') || 'webgl');
  await tf.ready();
  const graph = q.get('kind') === 'graph';
  const model = graph
    ? await tf.loadGraphModel(q.get('url'), { fromTFHub: false })
    : await tf.loadLayersModel(q.get('url'));
  const x = tf.randomUniform([1, 224, 224, 3], -1, 1, 'float32', 1);
  window.intervals = [];
  let last = 0;
  const loop = async () => {
    const y = graph ? model.execute(x) : model.predict(x);
    await y.data();
    y.dispose();
    const now = performance.now();
    if (last) window.intervals.push(now - last);
    last = now;
    requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
  window.info = { backend: tf.getBackend() };
  document.documentElement.dataset.ready = '1';
})().catch((e) => { document.documentElement.dataset.error = String(e && e.message || e); });
</script></body></html>`;
}

export interface GradientBench {
  model: string;
  backend: string;
  /** The reader's wait per gradient map, ms. */
  gradientMs: number[];
  /** The page's own time for both passes and the read-back (the map's `ms`). */
  inPageMs: number[];
  /** One forward probe of the same input, ms. */
  probeMs: number[];
  frame: { alone: number; gradients: number };
  failed: string[];
}

export function sharedMobilenetPresent(): boolean {
  return MODELS.every((m) => existsSync(resolve(ROOT, '../shared/models', m.url.split('/')[2]!)));
}

export async function gradientBench(
  literate: ExtensionSession,
  model: (typeof MODELS)[number],
  backend: string,
): Promise<GradientBench> {
  const server = await startHookServer(
    [{ path: '/bench/gradients.html', handler: html(loopPage()) }],
    [
      { prefix: '/real/', dir: resolve(ROOT, '../shared/models') },
      { prefix: '/', dir: ROOT },
    ],
  );
  const page = await literate.context.newPage();
  try {
    const query = new URLSearchParams({ url: model.url, kind: model.kind, backend });
    await page.goto(`${server.url}/bench/gradients.html?${query}`);
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
    const input = JSON.stringify({
      type: 'tensor',
      shape: [1, 224, 224, 3],
      values: Array.from({ length: 224 * 224 * 3 }, (_, i) => ((i * 7919) % 255) / 127.5 - 1),
    });
    await world.evaluate(`(globalThis.__gradInput = ${input}, true)`);
    const outputs = await world.evaluate<string>(
      `__t.api.describe('${id}').then((g) => JSON.stringify(g.outputs.map((o) => o.nodeId)))`,
    );
    const gradientMs: number[] = [];
    const inPageMs: number[] = [];
    const probeMs: number[] = [];
    const failed: string[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = Date.now();
      const r = await world.evaluate<string>(
        `__t.api.gradient('${id}', globalThis.__gradInput, ${i * 100 + 1}, 60000).then(` +
          `(o) => o.map ? String(o.map.ms) : 'unsupported: ' + o.unsupported, (e) => String(e && e.message || e))`,
      );
      gradientMs.push(Date.now() - t0);
      if (Number.isFinite(Number(r))) inPageMs.push(Number(r));
      else failed.push(r);
    }
    const during = await intervals();
    for (let i = 0; i < RUNS; i++) {
      const t0 = Date.now();
      const r = await world.evaluate<string>(
        `__t.api.probe('${id}', globalThis.__gradInput, ${outputs}, 60000).then(() => 'ok', (e) => String(e && e.message || e))`,
      );
      probeMs.push(Date.now() - t0);
      if (r !== 'ok') failed.push(r);
    }
    await world.close();
    const info = await page.evaluate(() => (window as any).info as { backend: string });
    return {
      model: model.name,
      backend: info.backend,
      gradientMs,
      inPageMs,
      probeMs,
      frame: { alone: median(alone), gradients: median(during) },
      failed,
    };
  } finally {
    await page.close();
    await server.close();
  }
}

export function gradientLines(results: GradientBench[]): string[] {
  const ms = (xs: number[]): string => (xs.length ? `${Math.round(median(xs))} ms` : '—');
  return [
    `Gradient maps (What mattered), ${RUNS} per model, one after another beside the page's never-stopping loop:`,
    '',
    '| model | backend | gradient (reader waits) | in the page | one forward probe | page frame alone | page frame during gradients |',
    '|---|---|---|---|---|---|---|',
    ...results.map(
      (r) =>
        `| ${r.model} | ${r.backend} | ${ms(r.gradientMs)} | ${ms(r.inPageMs)} | ${ms(r.probeMs)} | ` +
        `${Math.round(r.frame.alone)} ms | ${Math.round(r.frame.gradients)} ms |` +
        (r.failed.length ? ` failed: ${r.failed.join('; ')}` : ''),
    ),
  ];
}

// Run alone: `npx tsx test/bench/gradients.ts`.
if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  if (!sharedMobilenetPresent()) {
    console.log('gradients bench: no ../shared/models MobileNet — nothing to run.');
    process.exit(0);
  }
  const { launchLiterate } = await import('../e2e/hook-fixtures/extension');
  const session = await launchLiterate();
  const results: GradientBench[] = [];
  try {
    for (const backend of (process.env.BENCH_BACKENDS ?? 'cpu,webgl').split(','))
      for (const model of MODELS) results.push(await gradientBench(session, model, backend));
  } finally {
    await session.close();
  }
  console.log(gradientLines(results).join('\n'));
}

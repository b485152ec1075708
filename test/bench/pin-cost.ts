// What pinning costs (issue 16.1), in Chromium with the built extension, on published models from ../shared/models:
// a page loads a model, predicts once and lets go of it; after a forced garbage collection the reader's explanation
// holds it, and Literate loads it again from its URL (fingerprint verified). Reports the time until the copy is ready,
// the tensors and bytes it adds to the page's engine while held, and that closing gives them all back. The graph
// model is also loaded on a page without a global `tf` (a bundle): then through the GraphModel class the hook kept.
// Run: `npx tsx test/bench/pin-cost.ts` (LITERATE_EXTENSION_DIR for a private build).

import { resolve } from 'node:path';
import { RECORDER, isolatedWorld } from '../e2e/hook-fixtures/isolated';
import { ROOT, html, startHookServer } from '../e2e/hook-fixtures/server';
import { launchLiterate } from '../e2e/hook-fixtures/extension';

const MODELS = [
  { name: 'mobilenet-v1-025 (layers)', kind: 'layers', url: '/real/mobilenet-v1-025-224-layers/model.json' },
  {
    name: 'posenet mobilenet 0.75 (graph)',
    kind: 'graph',
    url: '/real/posenet-mobilenet-075-quant2-stride16-graph/model-stride16.json',
  },
  {
    name: 'posenet mobilenet 0.75 (graph, no global tf)',
    kind: 'graph',
    url: '/real/posenet-mobilenet-075-quant2-stride16-graph/model-stride16.json',
    bundled: true,
  },
] as const;

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>pin cost</title>
<script src="/node_modules/@tensorflow/tfjs/dist/tf.min.js"></script></head><body><script>
(async () => {
  const q = new URLSearchParams(location.search);
  const t = tf;
  if (q.get('bundled')) delete window.tf;
  await t.setBackend('cpu');
  async function once() {
    const model = q.get('kind') === 'graph' ? await t.loadGraphModel(q.get('url')) : await t.loadLayersModel(q.get('url'));
    window.kept = model;
  }
  await once();
  window.memory = () => ({ tensors: t.memory().numTensors, bytes: t.memory().numBytes });
  document.documentElement.dataset.ready = '1';
})().catch((e) => { document.documentElement.dataset.error = String(e && e.message || e); });
</script></body></html>`;

const session = await launchLiterate();
const server = await startHookServer(
  [{ path: '/pin/cost.html', handler: html(PAGE) }],
  [
    { prefix: '/real/', dir: resolve(ROOT, '../shared/models') },
    { prefix: '/', dir: ROOT },
  ],
);
try {
  console.log('| model | hold | loaded again in | held while open | on close | describe |');
  console.log('|---|---|---|---|---|---|');
  for (const m of MODELS) {
    const page = await session.context.newPage();
    const query = new URLSearchParams({
      kind: m.kind,
      url: m.url,
      ...('bundled' in m ? { bundled: '1' } : {}),
    });
    await page.goto(`${server.url}/pin/cost.html?${query}`);
    await page.waitForSelector('html[data-ready="1"], html[data-error]', { timeout: 120_000 });
    const world = await isolatedWorld(page, session.extensionId);
    await world.evaluate(RECORDER);
    let id: string | null = null;
    for (let i = 0; i < 200 && !id; i++) {
      id = await world.evaluate<string | null>(`__t.api.snapshot().models[0]?.id ?? null`);
      if (!id) await page.waitForTimeout(100);
    }
    const t0 = Date.now();
    await world.evaluate(`__t.api.describe('${id}').then(() => true)`);
    const describeMs = Date.now() - t0;
    const cdp = await session.context.newCDPSession(page);
    await page.evaluate(() => delete (window as any).kept);
    const hold = (): Promise<string | null> =>
      world.evaluate(`(__t.api.snapshot().models.find((m) => m.id === '${id}') || {}).hold || null`);
    for (let i = 0; i < 100 && (await hold()) !== 'collected'; i++) {
      await cdp.send('HeapProfiler.collectGarbage');
      await page.waitForTimeout(100);
    }
    const memory = () => page.evaluate(() => (window as any).memory() as { tensors: number; bytes: number });
    const before = await memory();
    const t1 = Date.now();
    await world.evaluate(
      `(globalThis.__hold = new AbortController(), __t.api.hold('${id}', __hold.signal), true)`,
    );
    let state = await hold();
    while (state !== 'reloaded' && Date.now() - t1 < 60_000) {
      await page.waitForTimeout(20);
      state = await hold();
    }
    const reloadMs = Date.now() - t1;
    const held = await memory();
    await world.evaluate(`(__hold.abort(), true)`);
    let after = await memory();
    for (let i = 0; i < 50 && after.tensors !== before.tensors; i++) {
      await page.waitForTimeout(50);
      after = await memory();
    }
    console.log(
      `| ${m.name} | ${state} | ${reloadMs} ms | +${held.tensors - before.tensors} tensors, ` +
        `+${((held.bytes - before.bytes) / 1e6).toFixed(2)} MB | ${after.tensors === before.tensors && after.bytes === before.bytes ? 'all given back' : `left ${after.tensors - before.tensors} tensors`} | describe (fingerprint) ${describeMs} ms |`,
    );
    await cdp.detach();
    await world.close();
    await page.close();
  }
} finally {
  await server.close();
  await session.close();
}

// `npm run check:real -- DIR`: serves each model folder of DIR on a generated page (tf.js 4.22, cpu), opens it in
// Chromium with the built extension, and checks discovery (badge), the live ModelGraph against the files (kind, node
// count, ops, input shapes, parameter total = weights-manifest sum) and one tap. Prints a table; exits 1 on failure.

import { resolve } from 'node:path';
import { tabIdOf, waitForBadge, type ExtensionSession } from '../e2e/harness';
import { launchLiterate } from '../e2e/hook-fixtures/extension';
import { RECORDER, isolatedWorld } from '../e2e/hook-fixtures/isolated';
import { ROOT, html, startHookServer } from '../e2e/hook-fixtures/server';
import { concreteShape, findModels, type Dim, type RealModel } from './real-models';

interface Row {
  model: string;
  kind: string;
  badge: string;
  nodes: string;
  params: string;
  input: string;
  tap: string;
  seconds: string;
  problems: string[];
}

interface GraphSummary {
  kind: string;
  nodes: number;
  ids: string[];
  ops: string[];
  params: number;
  inputs: (Dim[] | null)[];
  output: string;
}

const TFJS = '/node_modules/@tensorflow/tfjs/dist/tf.min.js';

function page(m: RealModel): string {
  const loader = m.kind === 'graph' ? 'loadGraphModel' : 'loadLayersModel';
  const shapes = JSON.stringify(m.inputShapes.map(concreteShape));
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${m.folder}</title>
<script src="${TFJS}"></script></head><body><h1>${m.folder}</h1><script>
(async () => {
  await tf.setBackend('cpu');
  const model = await tf.${loader}('/real/${m.folder}/${m.file}');
  window.runOnce = async () => {
    const specs = model.inputs || [];
    const shapes = ${shapes};
    const xs = specs.map((s, i) => {
      const shape = (s.shape || shapes[i] || [1]).map((d, k) => d == null || d < 0 ? (shapes[i] ? shapes[i][k] : 1) : d);
      return s.dtype === 'int32' ? tf.zeros(shape, 'int32') : tf.randomUniform(shape, 0, 1, 'float32', 1);
    });
    const feed = xs.length === 1 ? xs[0] : xs;
    let ys;
    if (${m.kind === 'graph'}) {
      try { ys = model.execute(feed); } catch (e) { ys = await model.executeAsync(feed); }
    } else {
      ys = model.predict(feed);
    }
    const outs = Array.isArray(ys) ? ys : [ys];
    for (const y of outs) await y.data();
    tf.dispose([...xs, ...outs]);
    return outs.length;
  };
  document.documentElement.dataset.ready = '1';
})().catch((e) => { document.documentElement.dataset.error = String(e && e.message || e); });
</script></body></html>`;
}

const sameShape = (a: Dim[] | null | undefined, b: Dim[]): boolean =>
  !!a && a.length === b.length && a.every((d, i) => (d ?? null) === (b[i] ?? null));

async function check(session: ExtensionSession, base: string, m: RealModel): Promise<Row> {
  const started = Date.now();
  const row: Row = {
    model: m.folder,
    kind: m.kind,
    badge: '',
    nodes: '',
    params: '',
    input: JSON.stringify(m.inputShapes[0] ?? null),
    tap: '',
    seconds: '',
    problems: [],
  };
  const p = await session.context.newPage();
  try {
    await p.goto(`${base}/real-page/${encodeURIComponent(m.folder)}.html`);
    await p.waitForSelector('html[data-ready="1"], html[data-error]', { timeout: 90_000 });
    const error = await p.evaluate(() => document.documentElement.dataset.error ?? null);
    if (error) throw new Error(`the page could not load the model: ${error}`);
    row.badge = await waitForBadge(session, await tabIdOf(session, p), '1', 30_000);
    if (row.badge !== '1') row.problems.push(`badge ${JSON.stringify(row.badge)}, expected "1"`);
    const world = await isolatedWorld(p, session.extensionId);
    await world.evaluate(RECORDER);
    const g = await world.evaluate<GraphSummary>(`(async () => {
      const [model] = __t.api.snapshot().models;
      const graph = await __t.api.describe(model.id);
      globalThis.__modelId = model.id;
      return { kind: graph.kind, nodes: graph.nodes.length, ids: graph.nodes.map((n) => n.id),
        ops: [...new Set(graph.nodes.map((n) => n.op))].sort(), params: graph.totals.params,
        inputs: graph.inputs.map((t) => t.shape), output: graph.outputs[0] ? graph.outputs[0].nodeId : '' };
    })()`);
    row.nodes = String(g.nodes);
    row.params = `${g.params.toLocaleString('en')}`;
    if (g.kind !== m.kind) row.problems.push(`kind ${g.kind}, files say ${m.kind}`);
    if (g.params !== m.manifestParams) row.problems.push(`params ${g.params}, manifest ${m.manifestParams}`);
    if (m.kind === 'graph') {
      if (g.nodes !== m.topologyNodes) row.problems.push(`nodes ${g.nodes}, GraphDef ${m.topologyNodes}`);
      const missing = m.ops.filter((op) => !g.ops.includes(op));
      if (missing.length) row.problems.push(`ops missing: ${missing.join(', ')}`);
    } else {
      const missing = m.layerNames.filter((n) => !g.ids.includes(n));
      if (missing.length) row.problems.push(`layers missing: ${missing.slice(0, 5).join(', ')}`);
      const classes = m.ops.filter((op) => !g.ops.includes(op));
      if (classes.length) row.problems.push(`layer classes missing: ${classes.join(', ')}`);
    }
    m.inputShapes.forEach((shape, i) => {
      if (!sameShape(g.inputs[i], shape)) {
        row.problems.push(`input ${i} ${JSON.stringify(g.inputs[i])}, files say ${JSON.stringify(shape)}`);
      }
    });
    const budget = JSON.stringify({ maxInFlight: 2, bytesPerSecond: 8 << 20, hz: 30 });
    await world.evaluate(
      `__t.subscribe('real', __modelId, [{ nodeId: ${JSON.stringify(g.output)}, reduction: 'downsample' }], ${budget})`,
    );
    await p.evaluate(() => (window as any).runOnce());
    const end = Date.now() + 20_000;
    let frame: { shape: number[]; sourceShape: number[]; finite: boolean } | undefined;
    while (!frame && Date.now() < end) {
      frame = await world.evaluate(`__t.frames[0]`);
      if (!frame) await new Promise((r) => setTimeout(r, 100));
    }
    if (!frame) row.problems.push(`no tap frame from ${g.output}`);
    else {
      row.tap = `${g.output} ${JSON.stringify(frame.sourceShape)}`;
      if (!frame.finite) row.problems.push('tap values not finite');
    }
    await world.evaluate(`__t.unsubscribe('real')`);
    await world.close();
  } catch (e) {
    row.problems.push(e instanceof Error ? e.message.split('\n')[0]! : String(e));
  } finally {
    await p.close().catch(() => undefined);
  }
  row.seconds = ((Date.now() - started) / 1000).toFixed(1);
  return row;
}

function table(rows: Row[]): string {
  const head = ['model', 'kind', 'badge', 'nodes', 'params', 'input', 'tap (node, shape)', 's', 'result'];
  const cells = rows.map((r) => [
    r.model,
    r.kind,
    r.badge,
    r.nodes,
    r.params,
    r.input,
    r.tap.length > 48 ? r.tap.slice(0, 47) + '…' : r.tap,
    r.seconds,
    r.problems.length ? 'FAIL' : 'ok',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => '| ' + c.map((x, i) => x.padEnd(widths[i]!)).join(' | ') + ' |';
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

async function main(): Promise<number> {
  const dir = resolve(process.argv[2] ?? resolve(ROOT, '../shared/models'));
  const models = findModels(dir);
  if (models.length === 0) {
    console.error(`check:real: no tf.js model folders in ${dir}`);
    return 1;
  }
  const server = await startHookServer(
    models.map((m) => ({ path: `/real-page/${m.folder}.html`, handler: html(page(m)) })),
    [
      { prefix: '/real/', dir },
      { prefix: '/node_modules/', dir: resolve(ROOT, 'node_modules') },
    ],
  );
  const session = await launchLiterate();
  const rows: Row[] = [];
  try {
    for (const m of models) rows.push(await check(session, server.url, m));
  } finally {
    await session.close();
    await server.close();
  }
  console.log(table(rows));
  const failed = rows.filter((r) => r.problems.length > 0);
  for (const r of failed) console.log(`\n${r.model}:\n  - ${r.problems.join('\n  - ')}`);
  console.log(`\ncheck:real: ${rows.length - failed.length}/${rows.length} models ok`);
  return failed.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);

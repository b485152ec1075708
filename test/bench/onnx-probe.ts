// What "Try your own input" costs on an ONNX model (issue #18): the hook's ONNX probe on the gallery's two committed
// models, on real ONNX Runtime Web (wasm, one thread, in Node) — a plain session.run for comparison, the probe for the
// outputs (the session's own handler), with one inner node open in a view (the reader-only side session, its first
// run making it), with every node Compare reads, the occlusion map's 17 runs, and the page's last input. Medians of
// RUNS. Run alone: `npx tsx test/bench/onnx-probe.ts`; `npm run bench` includes it.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-web';
import { describeOnnxBytes } from '../../model/onnx/describe-onnx';
import type { ModelGraph } from '../../model/model-graph';
import { InnerRunner } from '../../content-scripts/hook/onnx/onnx-inner';
import { runOnnxProbe } from '../../content-scripts/hook/probe/onnx-probe';
import { compareNodes } from '../../content-scripts/overlay/explore/compare-nodes';
import type { ProbeInput } from '../../protocol/bridge';

const RUNS = Number(process.env.BENCH_ROUNDS ?? 20);
const MODELS = join(import.meta.dirname, '../../demos/onnx-models');
type WithHandler = ort.InferenceSession & { handler: object };

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
async function timed(run: () => Promise<unknown>, times = RUNS): Promise<number> {
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    await run();
    ms.push(performance.now() - t0);
  }
  return median(ms);
}
const fmt = (ms: number) => ms.toFixed(ms < 10 ? 2 : 1);

async function model(path: string, feeds: Record<string, ort.Tensor>, input: ProbeInput, inner: string) {
  const bytes = new Uint8Array(readFileSync(join(MODELS, path)));
  const session = (await ort.InferenceSession.create(bytes)) as WithHandler;
  const graph: ModelGraph = describeOnnxBytes(bytes, {
    id: path,
    sourceUrl: null,
    origin: 'network' as ModelGraph['origin'],
    executionProvider: 'wasm',
    runtimeVersion: null,
  });
  const side = new InnerRunner({
    bytes: async () => bytes.slice().buffer,
    createHandler: async (m) => ((await ort.InferenceSession.create(m)) as WithHandler).handler,
  });
  const outputs = session.outputNames;
  const compared = compareNodes(graph, 64).filter((id) => !outputs.includes(id));
  const plain = await timed(() => session.run(feeds));
  const probe = await timed(() => runOnnxProbe(session.handler, input, []));
  const t0 = performance.now();
  await runOnnxProbe(session.handler, input, [inner, ...outputs], { inner: side });
  const firstInner = performance.now() - t0;
  const withInner = await timed(() =>
    runOnnxProbe(session.handler, input, [inner, ...outputs], { inner: side }),
  );
  const t1 = performance.now();
  await runOnnxProbe(session.handler, input, [...compared, ...outputs], { inner: side });
  const firstCompare = performance.now() - t1;
  const compare = await timed(() =>
    runOnnxProbe(session.handler, input, [...compared, ...outputs], { inner: side }),
  );
  const occlusion = await timed(async () => {
    for (let i = 0; i < 17; i++) await runOnnxProbe(session.handler, input, []);
  }, 5);
  const lastInput = await timed(() =>
    runOnnxProbe(session.handler, { type: 'last-input' }, [graph.inputs[0]!.nodeId, ...outputs], {
      lastFeeds: feeds,
    }),
  );
  await side.release();
  return {
    path,
    plain,
    probe,
    firstInner,
    withInner,
    inner,
    nodes: compared.length,
    firstCompare,
    compare,
    occlusion,
    lastInput,
  };
}

async function main(): Promise<void> {
  ort.env.wasm.numThreads = 1;
  const picture = Float32Array.from({ length: 3072 }, (_, i) => ((i * 7919) % 255) / 255);
  const ids = [2, 5, 65, 9, 85, 46, 30, 3];
  const big = (f: (i: number) => number) =>
    new ort.Tensor(
      'int64',
      BigInt64Array.from(ids, (_, i) => BigInt(f(i))),
      [1, ids.length],
    );
  const rows = [
    await model(
      'shapes-cnn-onnx/model.onnx',
      { image: new ort.Tensor('float32', picture, [1, 3, 32, 32]) },
      { type: 'tensor', shape: [1, 3, 32, 32], values: Array.from(picture) },
      'relu1',
    ),
    await model(
      'sentiment-tiny/onnx/model.onnx',
      { input_ids: big((i) => ids[i]!), attention_mask: big(() => 1), token_type_ids: big(() => 0) },
      { type: 'tensor', shape: [1, ids.length], values: ids },
      'pooled',
    ),
  ];
  console.log(`\nTry your own input on ONNX Runtime Web (wasm, 1 thread, Node; medians of ${RUNS}, ms)\n`);
  console.log(
    '| model | session.run | probe (outputs) | + 1 inner node (first: makes the side session) | Compare (inner nodes) | occlusion, 17 runs | last input |',
  );
  console.log('|---|---|---|---|---|---|---|');
  for (const r of rows)
    console.log(
      `| ${r.path} | ${fmt(r.plain)} | ${fmt(r.probe)} | ${fmt(r.withInner)} (${r.inner}; first ${fmt(r.firstInner)}) | ${fmt(r.compare)} (${r.nodes} nodes; first ${fmt(r.firstCompare)}) | ${fmt(r.occlusion)} | ${fmt(r.lastInput)} |`,
    );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});

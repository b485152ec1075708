// Script (npx tsx cli/tools/describe-real.ts [DIR] [TFJS]): describes every tf.js model folder
// in DIR (default ../shared/models) with tf.js (default '@tensorflow/tfjs', 4.x; or an alias such as 'tfjs1') on
// the cpu backend, to check describe against real, published models.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as Tf from '@tensorflow/tfjs';
import { describeModel } from '../../model/describe/describe-model';
import type { DescribeContext } from '../../model/describe/types';

interface ModelJson {
  format?: string;
  modelTopology: Record<string, unknown>;
  weightsManifest: { paths: string[]; weights: Tf.io.WeightsManifestEntry[] }[];
}

function readModel(dir: string): { file: string; json: ModelJson; artifacts: Tf.io.ModelArtifacts } | null {
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const json = JSON.parse(readFileSync(join(dir, file), 'utf8')) as ModelJson;
    if (!json.modelTopology || !json.weightsManifest) continue;
    const shards = json.weightsManifest.flatMap((group) =>
      group.paths.map((p) => readFileSync(join(dir, p))),
    );
    const data = Buffer.concat(shards);
    const artifacts: Tf.io.ModelArtifacts = {
      modelTopology: json.modelTopology as Tf.io.ModelArtifacts['modelTopology'],
      weightSpecs: json.weightsManifest.flatMap((group) => group.weights),
      weightData: data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength),
    };
    if (json.format) artifacts.format = json.format;
    return { file, json, artifacts };
  }
  return null;
}

function median(values: number[]): number {
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

async function main(): Promise<void> {
  const tf = (await import(process.argv[3] ?? '@tensorflow/tfjs')) as typeof Tf;
  await tf.setBackend('cpu');
  console.log(`tf.js ${tf.version.tfjs}, backend ${tf.getBackend()}`);
  const root = process.argv[2] ?? fileURLToPath(new URL('../../../shared/models', import.meta.url));
  for (const folder of readdirSync(root).sort()) {
    const dir = join(root, folder);
    if (!statSync(dir).isDirectory()) continue;
    const found = readModel(dir);
    if (!found) continue;
    const isGraph = Array.isArray(found.json.modelTopology.node);
    const handler = tf.io.fromMemory(found.artifacts);
    const model = isGraph ? await tf.loadGraphModel(handler) : await tf.loadLayersModel(handler);
    const ctx: DescribeContext = {
      id: 'm1',
      sourceUrl: `https://example.test/${folder}/${found.file}`,
      origin: 'http',
      format: found.json.format ?? null,
      backend: tf.getBackend(),
      tfjsVersion: tf.version.tfjs,
      tfjsVersionClass: '3.x+',
    };
    const tensorsBefore = tf.memory().numTensors;
    const times: number[] = [];
    const coldStart = performance.now();
    let graph = describeModel(model, ctx);
    const cold = performance.now() - coldStart;
    for (let i = 0; i < 20; i++) {
      const start = performance.now();
      graph = describeModel(model, ctx);
      times.push(performance.now() - start);
    }
    if (!graph) throw new Error(`${folder}: not described`);
    const manifestParams = found.artifacts.weightSpecs!.reduce(
      (n, w) => n + w.shape.reduce((a, b) => a * b, 1),
      0,
    );
    const ops = new Map<string, number>();
    for (const node of graph.nodes) ops.set(node.op, (ops.get(node.op) ?? 0) + 1);
    const histogram = [...ops].sort((a, b) => b[1] - a[1]).map(([op, n]) => `${op}:${n}`);
    const modelParams = 'countParams' in model ? model.countParams() : manifestParams;
    console.log(
      [
        `${folder} (${graph.kind}, ${found.file})`,
        `  nodes ${graph.totals.nodes}; inputs ${graph.inputs.map((r) => `${r.name} ${JSON.stringify(r.shape)}`).join(', ')}`,
        `  outputs ${graph.outputs.map((r) => r.name).join(', ')}`,
        `  params ${graph.totals.params} (manifest ${manifestParams}, model ${modelParams}) ` +
          (graph.totals.params === manifestParams && graph.totals.params === modelParams
            ? 'OK'
            : 'MISMATCH') +
          `; trainable ${graph.totals.trainableParams}; weight bytes ${graph.totals.weightBytes}`,
        `  ops ${histogram.join(' ')}`,
        `  fingerprint ${graph.fingerprint}`,
        `  describe ${cold.toFixed(2)} ms first call, median ${median(times).toFixed(2)} ms of 20 more` +
          `; tensors created ${tf.memory().numTensors - tensorsBefore}` +
          (graph.notes ? `; notes ${graph.notes.join(' | ')}` : ''),
      ].join('\n'),
    );
    model.dispose?.();
  }
}

await main();

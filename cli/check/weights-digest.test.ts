// The weights digest from the page-world code path (the hook's own module, real tf.js in Node) and from the weight
// files agree; one weight changed is caught by both.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type * as TfNamespace from '@tensorflow/tfjs';
import { digestLiveModel } from '../../content-scripts/hook/probe/weights-digest';
import { buildConvNet } from '../../model/describe/test-models';
import { loadModel, loadTf, type Tf } from './tf-models';
import { digestFromFiles, digestOfLoaded } from './weights-digest';

let tf: Tf;
beforeAll(async () => {
  tf = await loadTf();
});

/** Saves a model as model.json + one shard in a fresh folder. */
export async function saveModel(tfm: Tf, model: TfNamespace.LayersModel, dir: string): Promise<string> {
  await model.save(
    tfm.io.withSaveHandler(async (artifacts) => {
      writeFileSync(join(dir, 'weights.bin'), new Uint8Array(artifacts.weightData as ArrayBuffer));
      writeFileSync(
        join(dir, 'model.json'),
        JSON.stringify({
          format: 'layers-model',
          modelTopology: artifacts.modelTopology,
          weightsManifest: [{ paths: ['weights.bin'], weights: artifacts.weightSpecs }],
        }),
      );
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  return dir;
}

function seeded(model: TfNamespace.LayersModel): void {
  let s = 7;
  const next = (): number => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648) * 2 - 1;
  for (const layer of model.layers) {
    const ws = layer.getWeights();
    if (ws.length)
      layer.setWeights(
        ws.map((w) =>
          tf.tensor(
            Array.from({ length: w.size }, () => 0.5 + Math.abs(next())),
            w.shape,
          ),
        ),
      );
  }
}

describe('weights digest: page code path and files', () => {
  it('gives the same digest from the live model (hook module) and from its files', async () => {
    const model = buildConvNet(tf) as TfNamespace.LayersModel;
    seeded(model);
    const live = await digestLiveModel({ kind: 'layers', model });
    const dir = await saveModel(tf, model, mkdtempSync(join(tmpdir(), 'lwd-')));
    const files = await digestFromFiles(tf, dir);
    expect(files.digest).toBe(live.digest);
    expect(files.weights).toBe(live.weights);
    expect(live.weights).toBe(model.weights.length);
    expect(live.bytes).toBe(4 * model.countParams() + 0); // float32, every parameter (trainable or not) once
    const loaded = await loadModel(tf, dir, 'm1');
    expect((await digestOfLoaded(loaded.model, loaded.kind)).digest).toBe(live.digest);
    // A second load of the same files in the same process (tf.js suffixes variable names _1 …): the same digest.
    const again = await loadModel(tf, dir, 'm2');
    expect((await digestOfLoaded(again.model, again.kind)).digest).toBe(live.digest);
  });

  it('catches one weight changed by the smallest float32 step, and names it', async () => {
    const model = buildConvNet(tf) as TfNamespace.LayersModel;
    seeded(model);
    const before = await digestLiveModel({ kind: 'layers', model });
    const dense = model.getLayer('d1');
    const [kernel, bias] = dense.getWeights();
    const values = kernel!.dataSync().slice();
    values[3] = new Float32Array([values[3]! * (1 + 2 ** -23)])[0]!;
    expect(values[3]).not.toBe(kernel!.dataSync()[3]);
    dense.setWeights([tf.tensor(values, kernel!.shape), bias!]);
    const after = await digestLiveModel({ kind: 'layers', model });
    expect(after.digest).not.toBe(before.digest);
    const changed = after.entries.filter((e) => !before.entries.some((b) => b.sha256 === e.sha256));
    expect(changed.map((e) => e.name)).toEqual(['d1/kernel']);
    // And from files: the changed model's files give the changed digest.
    const dir = await saveModel(tf, model, mkdtempSync(join(tmpdir(), 'lwd-')));
    expect((await digestFromFiles(tf, dir)).digest).toBe(after.digest);
  });

  it('hashes a GraphModel (quantized weights as the model holds them) the same from files and loaded', async () => {
    const { graphJson, artifactsOf, weightData } = await import('../../model/describe/test-fixtures');
    const json = graphJson({ stride: 1 });
    const artifacts = artifactsOf(json) as { modelTopology: unknown; weightSpecs: unknown[] };
    const bytes = new Uint8Array(weightData(json.weightSpecs));
    for (let i = 0; i < bytes.length - 4; i++) bytes[i] = (i * 37 + 11) % 251;
    const dir = mkdtempSync(join(tmpdir(), 'lwd-graph-'));
    writeFileSync(join(dir, 'weights.bin'), bytes);
    writeFileSync(
      join(dir, 'model.json'),
      JSON.stringify({
        format: 'graph-model',
        modelTopology: artifacts.modelTopology,
        weightsManifest: [{ paths: ['weights.bin'], weights: artifacts.weightSpecs }],
      }),
    );
    const files = await digestFromFiles(tf, dir);
    const loaded = await loadModel(tf, dir, 'g1');
    expect(loaded.kind).toBe('graph');
    const live = await digestOfLoaded(loaded.model, 'graph');
    expect(live.digest).toBe(files.digest);
    expect(live.weights).toBeGreaterThan(0);
  });
});

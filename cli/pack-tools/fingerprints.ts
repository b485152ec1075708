// Prints the fingerprint the hook computes for each gallery model under one tf.js version, as JSON
// ({folder: fingerprint}): `node --import tsx cli/pack-tools/fingerprints.ts tfjs1`. A separate process per
// version, because two tf.js copies in one realm share one engine. The models are loaded with every field of their
// model.json (the signature too), as tf.io.http does on the page.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeModel } from '../../model/describe/describe-model';
import { GALLERY, modelDir } from './gallery';

interface TfLike {
  setBackend(name: string): Promise<boolean>;
  loadGraphModel(handler: unknown): Promise<unknown>;
  loadLayersModel(handler: unknown): Promise<unknown>;
  version: { tfjs: string };
}

async function main(): Promise<void> {
  const tf = (await import(process.argv[2] ?? '@tensorflow/tfjs')) as TfLike;
  await tf.setBackend('cpu');
  const out: Record<string, string | null> = { version: tf.version.tfjs };
  for (const entry of GALLERY) {
    const dir = modelDir(entry.model);
    const json = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8'));
    const weights = readFileSync(join(dir, json.weightsManifest[0].paths[0]));
    const handler = {
      load: async () => ({
        modelTopology: json.modelTopology,
        format: json.format,
        generatedBy: json.generatedBy,
        convertedBy: json.convertedBy,
        signature: json.signature,
        weightSpecs: json.weightsManifest[0].weights,
        weightData: new Uint8Array(weights).buffer,
      }),
    };
    const model =
      entry.kind === 'graph' ? await tf.loadGraphModel(handler) : await tf.loadLayersModel(handler);
    const graph = describeModel(model, {
      id: 'm1',
      sourceUrl: null,
      origin: 'http',
      format: null,
      backend: 'cpu',
      tfjsVersion: tf.version.tfjs,
      tfjsVersionClass: 'unknown',
    });
    out[entry.model] = graph?.fingerprint ?? null;
  }
  console.log(JSON.stringify(out));
}

await main();

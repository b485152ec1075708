// Test support, Node only (imported by tests only, never by browser code): two tiny tf.js models with hand-set
// weights whose answers are known, their ModelGraphs and runners, a PNG encoder, and a validating pack builder.
import type * as TfNamespace from '@tensorflow/tfjs';
import type { ModelGraph } from '../../model/model-graph';
import { describeModel } from '../../model/describe/describe-model';
import { loadTf, tfRunner } from './tf-models';
import type { Annotation, Pack } from '../../annotations/format/types';
import { validatePack } from '../../annotations/format/validate';
import type { ModelRunner } from '../../annotations/checks/types';
import { pngDataUrl as encodeDataUrl } from '../png';

type Tf = typeof TfNamespace;

/**
 * "points": [x, y] → logits = [x, y, −x − y] (layer `logits`) → softmax (layer `probs`).
 * Labels a, b, c: (2, 0) → a, (0, 2) → b, (−2, −2) → c.
 */
export function pointsModel(tf: Tf): TfNamespace.Sequential {
  const model = tf.sequential({ name: 'points' });
  model.add(tf.layers.dense({ inputShape: [2], units: 3, name: 'logits' }));
  model.add(tf.layers.activation({ activation: 'softmax', name: 'probs' }));
  model.getLayer('logits').setWeights([
    tf.tensor2d([
      [1, 0, -1],
      [0, 1, -1],
    ]),
    tf.zeros([3]),
  ]);
  return model;
}

/** "sides": a 4 × 4 grey picture → flatten → dense softmax: class 0 'left' sums the left half, 1 'right' the right. */
export function sidesModel(tf: Tf): TfNamespace.Sequential {
  const model = tf.sequential({ name: 'sides' });
  model.add(tf.layers.flatten({ inputShape: [4, 4, 1], name: 'flat' }));
  model.add(tf.layers.dense({ units: 2, activation: 'softmax', name: 'probs' }));
  const kernel: number[][] = [];
  for (let y = 0; y < 4; y++) for (let x = 0; x < 4; x++) kernel.push(x < 2 ? [4, 0] : [0, 4]);
  model.getLayer('probs').setWeights([tf.tensor2d(kernel), tf.zeros([2])]);
  return model;
}

export interface TestModel {
  graph: ModelGraph;
  runner: ModelRunner;
}

export async function testModel(build: (tf: Tf) => TfNamespace.LayersModel, id = 'm1'): Promise<TestModel> {
  const tf = await loadTf();
  const model = build(tf);
  const graph = describeModel(model, {
    id,
    sourceUrl: null,
    origin: 'code',
    format: null,
    backend: tf.getBackend(),
    tfjsVersion: tf.version.tfjs,
    tfjsVersionClass: '3.x+',
  });
  if (!graph) throw new Error('describe failed');
  return { graph, runner: tfRunner(tf, model, 'layers') };
}

/** A grey picture (value per pixel) as an 8-bit greyscale PNG data URL. */
export function pngDataUrl(width: number, height: number, grey: (x: number, y: number) => number): string {
  const pixels = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) pixels[y * width + x] = grey(x, y);
  return encodeDataUrl(pixels, width, height, 1);
}

/** A valid pack around the given items (throws with the validation errors otherwise). */
export function makePack(models: Pack['targets']['models'], items: Partial<Annotation>[]): Pack {
  const pack = {
    '@context': ['http://www.w3.org/ns/anno.jsonld', 'https://literate.dev/ns/pack/1'],
    type: 'AnnotationCollection',
    literate: '1',
    id: 'https://example.test/packs/test',
    title: 'Test pack',
    authors: [{ name: 'Tester' }],
    license: 'MIT',
    version: '1.0.0',
    targets: { pages: ['http://127.0.0.1:*/*'], models },
    items: items.map((item) => ({
      type: 'Annotation',
      motivation: 'assessing',
      ...item,
      body: { type: item.kind === 'example' ? 'Example' : 'Check', ...(item.body as object) },
    })),
  };
  const result = validatePack(pack);
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.pointer} ${e.reason}`).join('\n'));
  return result.pack;
}

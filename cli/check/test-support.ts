// Test support, Node only (imported by tests only, never by browser code): two tiny tf.js models with hand-set
// weights whose answers are known, their ModelGraphs and runners, a PNG encoder, and a validating pack builder.
import { deflateSync } from 'node:zlib';
import type * as TfNamespace from '@tensorflow/tfjs';
import type { ModelGraph } from '../../model/model-graph';
import { describeModel } from '../../model/describe/describe-model';
import { loadTf, tfRunner } from './tf-models';
import type { Annotation, Pack } from '../../annotations/format/types';
import { validatePack } from '../../annotations/format/validate';
import type { ModelRunner } from '../../annotations/checks/types';

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
  const crc = (bytes: Uint8Array): number => {
    let c = ~0;
    for (const b of bytes) {
      c ^= b;
      for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
    }
    return ~c >>> 0;
  };
  const chunk = (type: string, data: Uint8Array): Buffer => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'ascii');
    const tail = Buffer.alloc(4);
    tail.writeUInt32BE(crc(Buffer.concat([Buffer.from(type, 'ascii'), data])), 0);
    return Buffer.concat([head, data, tail]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8);
  const raw = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) raw[y * (width + 1) + 1 + x] = grey(x, y);
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', new Uint8Array(0)),
  ]);
  return `data:image/png;base64,${png.toString('base64')}`;
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

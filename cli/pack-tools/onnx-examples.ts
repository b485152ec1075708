// Prints the example inputs of the ONNX gallery packs (annotations/packs/onnx-image.md, onnx-text.md) and what the
// committed models make of them, in ONNX Runtime Web (wasm, in Node): frames of the onnx-image page prepared as the
// page prepares them, and reviews tokenized as the sentiment model's tokenizer.json does (lowercase, words and
// punctuation, [CLS] … [SEP]). Paste the tensors into the packs when a model or the page's renderer changes.
// Usage: npx tsx cli/pack-tools/onnx-examples.ts [image|text]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-web';
import { renderSolidScene } from '../../demos/shared/shapes.js';
import { rgbToRgbaBytes, rgbaToChannelsFirst } from '../../demos/onnx-image/pixels.js';
import { sceneAt } from '../../demos/onnx-image/scene.js';

const MODELS = join(import.meta.dirname, '../../demos/onnx-models');

/** Page frames the image pack uses as examples (one per shape the animation shows first, mid-turn). */
export const IMAGE_EXAMPLE_FRAMES: Record<string, number> = { circle: 60, ring: 210, star: 510 };

/** The page's input for `frame`, rounded to two decimals (what the pack's tensor literal holds). */
export function frameInput(frame: number): number[] {
  const rgba = rgbToRgbaBytes(renderSolidScene(sceneAt(frame), 128));
  return Array.from(rgbaToChannelsFirst(rgba, 128, 32), (v) => Math.round(v * 100) / 100);
}

/** Token ids of a review, as tokenizer.json splits it (whole words of the vocabulary, else [UNK]). */
export function tokenIds(text: string): number[] {
  const tokenizer = JSON.parse(readFileSync(join(MODELS, 'sentiment-tiny/tokenizer.json'), 'utf8')) as {
    model: { vocab: Record<string, number> };
  };
  const vocab = tokenizer.model.vocab;
  const words = text.toLowerCase().match(/[a-z0-9]+|[^\sa-z0-9]/g) ?? [];
  return [vocab['[CLS]']!, ...words.map((w) => vocab[w] ?? vocab['[UNK]']!), vocab['[SEP]']!];
}

async function image(): Promise<void> {
  const session = await ort.InferenceSession.create(readFileSync(join(MODELS, 'shapes-cnn-onnx/model.onnx')));
  const labels = JSON.parse(readFileSync(join(MODELS, 'shapes-cnn-onnx/labels.json'), 'utf8')) as string[];
  const inputs: Record<string, number[]> = { grey: new Array(3072).fill(0.5) };
  for (const [name, frame] of Object.entries(IMAGE_EXAMPLE_FRAMES)) inputs[name] = frameInput(frame);
  for (const [name, values] of Object.entries(inputs)) {
    const out = await session.run({
      image: new ort.Tensor('float32', Float32Array.from(values), [1, 3, 32, 32]),
    });
    const probs = Array.from(out.probabilities!.data as Float32Array);
    const shown = probs.map((p, i) => `${labels[i]} ${(100 * p).toFixed(1)}%`).join(', ');
    console.log(`## ${name}: ${shown}`);
    console.log(`tensor="${JSON.stringify(values)}" shape="[1,3,32,32]"\n`);
  }
}

async function text(reviews: string[]): Promise<void> {
  const session = await ort.InferenceSession.create(
    readFileSync(join(MODELS, 'sentiment-tiny/onnx/model.onnx')),
  );
  for (const review of reviews) {
    const ids = tokenIds(review);
    const big = (f: (i: number) => number) =>
      new ort.Tensor(
        'int64',
        BigInt64Array.from(ids, (_, i) => BigInt(f(i))),
        [1, ids.length],
      );
    const out = await session.run({
      input_ids: big((i) => ids[i]!),
      attention_mask: big(() => 1),
      token_type_ids: big(() => 0),
    });
    const [neg, pos] = Array.from(out.logits!.data as Float32Array);
    const p = 1 / (1 + Math.exp(neg! - pos!));
    console.log(
      `${review}  →  tensor="${JSON.stringify([ids])}"  logits [${neg!.toFixed(3)}, ${pos!.toFixed(3)}]  P(POSITIVE) ${(100 * p).toFixed(1)}%`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  ort.env.wasm.numThreads = 1;
  const which = process.argv[2] ?? 'image';
  if (which === 'image') await image();
  else await text(process.argv.slice(3));
}

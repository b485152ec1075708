// Pictures for channels-first (ONNX) models: an image example becomes [1, C, H, W] (resized channels last, then
// transposed), transforms still work on it, and `literate pack check` runs picture examples and invariance checks
// on the shipped ONNX CNN.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../literate/io';
import { run } from '../literate/main';
import type { Annotation, ExampleAnnotation, Pack } from '../../annotations/format/types';
import type { ModelGraph } from '../../model/model-graph';
import { modelTensor, resolveInput } from '../../annotations/checks/inputs';
import { applyTransform } from '../../annotations/checks/transforms';
import { flattenLiteral } from '../../annotations/checks/tensors';
import { nodeInputSource } from './image-source';
import { pngDataUrl } from '../png';

const repo = (path: string): string => new URL(`../../${path}`, import.meta.url).pathname;
const MODEL = repo('demos/onnx-models/shapes-cnn-onnx/model.onnx');

const graph = (shape: (number | null)[], runtime?: 'onnx'): ModelGraph =>
  ({
    id: 'm1',
    inputs: [{ name: 'pixels', nodeId: 'pixels', shape, dtype: 'float32' }],
    ...(runtime ? { runtime } : {}),
  }) as unknown as ModelGraph;

const example = (input: object): ExampleAnnotation =>
  ({ id: 'e', kind: 'example', body: { type: 'Example', input } }) as unknown as ExampleAnnotation;

// A 3 × 2 RGB picture whose pixel (x, y) is (10 x, 100 + 10 y, 200).
const rgb = new Uint8Array(3 * 2 * 3);
for (let y = 0; y < 2; y++) for (let x = 0; x < 3; x++) rgb.set([10 * x, 100 + 10 * y, 200], (y * 3 + x) * 3);
const picture = pngDataUrl(rgb, 3, 2, 3);
const byte = (v: number) => Math.round(v * 255);

describe('inputs for a channels-first model', () => {
  it('a picture becomes [1, 3, H, W]: channel c, row y, column x', async () => {
    const input = await resolveInput(
      example({ image: picture }),
      graph([1, 3, 2, 3], 'onnx'),
      nodeInputSource,
      5000,
    );
    expect(input).toMatchObject({ shape: [1, 2, 3, 3], channelsFirst: true });
    const fed = modelTensor(input, input.values);
    expect(fed.shape).toEqual([1, 3, 2, 3]);
    const at = (c: number, y: number, x: number) => byte(fed.values[(c * 2 + y) * 3 + x]!);
    expect([at(0, 1, 2), at(1, 1, 2), at(2, 1, 2)]).toEqual([20, 110, 200]);
    expect([at(0, 0, 1), at(1, 0, 1)]).toEqual([10, 100]);
    // The same picture for a channels-last (tf.js) model is fed as it was built.
    const last = await resolveInput(example({ image: picture }), graph([1, 2, 3, 3]), nodeInputSource, 5000);
    expect(last.channelsFirst).toBeUndefined();
    expect(modelTensor(last, last.values).shape).toEqual([1, 2, 3, 3]);
    expect(byte(last.values[(1 * 3 + 2) * 3 + 1]!)).toBe(110);
  });

  it('a channels-first tensor example is flipped along its width, not its channels', async () => {
    // [1, 2, 1, 3]: channel 0 is 1 2 3, channel 1 is 4 5 6.
    const tensor = [1, 2, 3, 4, 5, 6];
    const input = await resolveInput(
      example({ tensor, shape: [1, 2, 1, 3] }),
      graph([1, 2, 1, 3], 'onnx'),
      nodeInputSource,
      5000,
    );
    const flipped = applyTransform(
      input.values,
      input.shape,
      { type: 'flip', axis: 'horizontal' },
      input.scale,
    );
    if (typeof flipped === 'string') throw new Error(flipped);
    expect([...modelTensor(input, flipped).values]).toEqual([3, 2, 1, 6, 5, 4]);
    expect([...modelTensor(input, input.values).values]).toEqual(tensor);
  });
});

function io(files: Record<string, string>) {
  const out: string[] = [];
  const cli: CliIo = {
    stdout: (l) => out.push(l),
    stderr: (l) => out.push(l),
    read: async (source) => files[source] ?? readFileSync(source, 'utf8'),
    write: async () => undefined,
  };
  return { cli, out };
}

/** The onnx-image pack with its circle frame given again as a picture, and claims about that picture. */
function pictureChecks(expected: string): Pack {
  const pack = JSON.parse(readFileSync(repo('annotations/packs/onnx-image.json'), 'utf8')) as Pack;
  const circle = pack.items.find((a) => a.id === 'example-circle') as ExampleAnnotation;
  const input = circle.body.input as { tensor: unknown };
  const chw = flattenLiteral(input.tensor as number[]).values;
  const pixels = new Uint8Array(32 * 32 * 3);
  for (let i = 0; i < 32 * 32; i++) for (let c = 0; c < 3; c++) pixels[i * 3 + c] = byte(chw[c * 1024 + i]!);
  const items: Partial<Annotation>[] = [
    {
      id: 'test-circle-picture',
      type: 'Annotation',
      motivation: 'assessing',
      kind: 'example',
      body: {
        type: 'Example',
        input: { image: pngDataUrl(pixels, 32, 32, 3) },
        expected: { top1: expected },
      },
    } as Partial<Annotation>,
    ...(['horizontal', 'vertical'] as const).map(
      (axis) =>
        ({
          id: `test-flip-${axis}`,
          type: 'Annotation',
          motivation: 'assessing',
          kind: 'check',
          body: {
            type: 'Check',
            check: 'invariance',
            example: 'test-circle-picture',
            transform: { type: 'flip', axis },
          },
        }) as Partial<Annotation>,
    ),
  ];
  pack.items.push(...(items as Annotation[]));
  return pack;
}

describe('literate pack check: pictures on an ONNX model', () => {
  it('a picture example runs and a mirrored circle is still a circle', async () => {
    const { cli, out } = io({ 'pictures.json': JSON.stringify(pictureChecks('circle')) });
    const code = await run(['pack', 'check', 'pictures.json', '--model', MODEL], cli);
    const text = out.join('\n');
    expect(text).toContain('Summary: 27 passed, 0 failed, 0 could not run.');
    expect(text).toMatch(/test-flip-horizontal/);
    expect(code).toBe(0);
  });

  it('a wrong claim about the picture fails', async () => {
    const { cli, out } = io({ 'wrong.json': JSON.stringify(pictureChecks('star')) });
    const code = await run(['pack', 'check', 'wrong.json', '--model', MODEL], cli);
    expect(code).toBe(1);
    expect(out.join('\n')).toMatch(/test-circle-picture/);
  });
});

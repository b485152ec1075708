import { describe, expect, it } from 'vitest';
import type { ProbeInput, ProbeValue } from '../../../protocol/bridge';
import {
  elementProblem,
  imageSizeProblem,
  imageUrlProblem,
  matchCountProblem,
  taintedReason,
} from './input-rules';
import { fromProbeValues, toProbeInput } from './probe-input';
import { ProbeRunner } from './probe-runner';

const f32 = (xs: number[]) => new Float32Array(xs).buffer;

describe('probe input', () => {
  it('sends a tensor as a plain number list with its shape', () => {
    const { input, transfer } = toProbeInput({
      type: 'tensor',
      shape: [1, 2],
      values: new Float32Array([0.5, -1]),
    });
    expect(input).toEqual({ type: 'tensor', shape: [1, 2], values: [0.5, -1] });
    expect(transfer).toEqual([]);
  });

  it('lays a picture out [1, C, H, W] for a channels-first (ONNX) model, at its input size', () => {
    // 2 × 1 pixels: red 255 then green 255.
    const rgba = new Uint8ClampedArray([255, 0, 0, 255, 0, 255, 0, 255]);
    const model = {
      runtime: 'onnx' as const,
      inputs: [{ name: 'x', nodeId: 'x', shape: [1, 3, 1, 2], dtype: 'float32' }],
    };
    const { input } = toProbeInput({ type: 'image', width: 2, height: 1, rgba }, model);
    // Channel planes: red (1, 0), green (0, 1), blue (0, 0).
    expect(input).toEqual({ type: 'tensor', shape: [1, 3, 1, 2], values: [1, 0, 0, 1, 0, 0] });
    const wrong = { ...model, inputs: [{ ...model.inputs[0]!, shape: [1, 8, 1, 2] }] };
    expect(() => toProbeInput({ type: 'image', width: 2, height: 1, rgba }, wrong)).toThrow(
      /does not take pictures/,
    );
  });

  it("sends a copy of an image's bytes (the bridge detaches what it transfers)", () => {
    const rgba = new Uint8ClampedArray([1, 2, 3, 255, 4, 5, 6, 255]);
    const { input, transfer } = toProbeInput({
      type: 'image',
      width: 2,
      height: 1,
      rgba,
      normalize: { mean: [0.5], std: [0.25] },
    });
    const sent = input as Extract<ProbeInput, { type: 'image' }>;
    expect(sent.rgba).not.toBe(rgba.buffer);
    expect([...new Uint8Array(sent.rgba)]).toEqual([...rgba]);
    expect(sent.normalize).toEqual({ mean: [0.5], std: [0.25] });
    expect(transfer).toEqual([sent.rgba]);
  });

  it('reads values back in the order asked, typed by dtype', () => {
    const values: ProbeValue[] = [
      { nodeId: 'b', shape: [2], dtype: 'int32', buffer: new Int32Array([7, 8]).buffer },
      { nodeId: 'a', shape: [1, 3], dtype: 'float32', buffer: f32([0.1, 0.2, 0.7]) },
    ];
    const out = fromProbeValues(values, ['a', 'b']);
    expect(out.map((v) => v.nodeId)).toEqual(['a', 'b']);
    expect(out[0]!.values).toBeInstanceOf(Float32Array);
    expect(out[1]!.values).toBeInstanceOf(Int32Array);
    expect([...out[1]!.values]).toEqual([7, 8]);
  });

  it('refuses a missing node or a size that does not fit the shape', () => {
    expect(() => fromProbeValues([], ['x'])).toThrow(/no value for node x/);
    const bad: ProbeValue = { nodeId: 'x', shape: [4], dtype: 'float32', buffer: f32([1, 2]) };
    expect(() => fromProbeValues([bad], ['x'])).toThrow(/2 values for shape \[4\]/);
  });
});

describe('probe runner', () => {
  const graph = { id: 'm1', outputs: [{ nodeId: 'probs' }] } as never;

  it("asks for the model's outputs when no node is named, with the time limit", async () => {
    const calls: unknown[][] = [];
    const api = {
      probe: async (...args: unknown[]) => {
        calls.push(args);
        return [{ nodeId: 'probs', shape: [1, 2], dtype: 'float32' as const, buffer: f32([0.25, 0.75]) }];
      },
    };
    const out = await new ProbeRunner(api, graph, 1234).run(
      { type: 'last-input' },
      [],
      new AbortController().signal,
    );
    expect(calls).toEqual([['m1', { type: 'last-input' }, ['probs'], 1234]]);
    expect([...out[0]!.values]).toEqual([0.25, 0.75]);
  });

  it('gives up at once when aborted, even if the page never answers', async () => {
    const api = { probe: () => new Promise<ProbeValue[]>(() => undefined) };
    const stop = new AbortController();
    const run = new ProbeRunner(api, graph).run({ type: 'last-input' }, ['probs'], stop.signal);
    stop.abort();
    await expect(run).rejects.toThrow('Cancelled.');
  });

  it("passes the page's reason on", async () => {
    const api = { probe: () => Promise.reject(new Error('Node conv9 is not in this model.')) };
    await expect(
      new ProbeRunner(api, graph).run({ type: 'last-input' }, ['conv9'], new AbortController().signal),
    ).rejects.toThrow('Node conv9 is not in this model.');
  });
});

describe('input rules', () => {
  it('reads https: and base64 picture data: URLs, and local http for demos', () => {
    expect(imageUrlProblem('https://example.org/cat.png')).toBeNull();
    expect(imageUrlProblem('data:image/png;base64,iVBORw0KGgo=')).toBeNull();
    expect(imageUrlProblem('http://127.0.0.1:8080/x.png')).toBeNull();
    expect(imageUrlProblem('http://example.org/cat.png')).toMatch(/must be https: or data:/);
    expect(imageUrlProblem('javascript:alert(1)')).toMatch(/must be https: or data:/);
    expect(imageUrlProblem('data:text/html;base64,PGI+')).toMatch(/only base64 data: URLs/);
    expect(imageUrlProblem('not a url')).toMatch(/is not a URL/);
  });

  it('bounds picture sizes', () => {
    expect(imageSizeProblem(28, 28)).toBeNull();
    expect(imageSizeProblem(0, 10)).toMatch(/empty/);
    expect(imageSizeProblem(5000, 10)).toMatch(/at most 4096/);
  });

  it('says why an element cannot be read, in words a reader can act on', () => {
    const el = { tagName: 'DIV', ready: true, width: 1, height: 1 };
    expect(elementProblem('#x', { ...el, kind: 'other' })).toMatch(
      /is a <div>, not a canvas, image or video/,
    );
    expect(elementProblem('#v', { ...el, tagName: 'VIDEO', kind: 'video', ready: false })).toMatch(/play it/);
    expect(elementProblem('#i', { ...el, tagName: 'IMG', kind: 'img', ready: false })).toMatch(/not loaded/);
    expect(elementProblem('#c', { ...el, tagName: 'CANVAS', kind: 'canvas' })).toBeNull();
    expect(taintedReason('#c')).toMatch(/another site.*CORS/s);
    expect(matchCountProblem('#c', 0)).toMatch(/no element/);
    expect(matchCountProblem('.c', 3)).toMatch(/3 elements/);
    expect(matchCountProblem('#c', 1)).toBeNull();
  });
});

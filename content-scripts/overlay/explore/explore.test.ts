import { describe, expect, it } from 'vitest';
import type { ProbeValue, TapFrame } from '../../../protocol/bridge';
import type { ContentApi } from '../../relay/content-api';
import { cosine, layerDiffs, partingPoint, relativeL2 } from './diff-metrics';
import { ExploreFeed } from './explore-feed';
import { featureRanges, niceStep, observe } from './feature-ranges';
import { applyEdits, blankImage, defaultPatch, movePatch, NO_EDITS, valuesToImage } from './image-edits';
import { guessScale, inputKind, looksInverted, meanBrightness, rangeFraction, SCALES } from './input-kind';
import { LatestWins } from './latest-wins';
import { occluded, occlusionGrid, sensitivityMap } from './occlusion';
import { reduceValues } from './probe-frames';
import { decodeOneHot, encodeSequence, indicesToText } from './sequence-text';
import { decodedPictureProblem, parseNumbersFile, pictureFileProblem } from './upload-rules';

const img = (w: number, h: number, f: (x: number, y: number) => number) => {
  const rgba = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const o = (y * w + x) * 4;
      rgba[o] = rgba[o + 1] = rgba[o + 2] = f(x, y);
      rgba[o + 3] = 255;
    }
  return { width: w, height: h, rgba };
};
const red = (im: { width: number; rgba: Uint8ClampedArray }, x: number, y: number) =>
  im.rgba[(y * im.width + x) * 4];

describe('image edits', () => {
  const ramp = img(4, 2, (x, y) => x * 10 + y);

  it('leaves the picture alone without edits, and never changes the original', () => {
    const out = applyEdits(ramp, NO_EDITS);
    expect([...out.rgba]).toEqual([...ramp.rgba]);
    const before = [...ramp.rgba];
    applyEdits(ramp, { ...NO_EDITS, brightness: 0.5, flipH: true });
    expect([...ramp.rgba]).toEqual(before);
  });

  it('flips and shifts, filling what moves in with black', () => {
    expect(red(applyEdits(ramp, { ...NO_EDITS, flipH: true }), 0, 0)).toBe(30);
    expect(red(applyEdits(ramp, { ...NO_EDITS, flipV: true }), 0, 0)).toBe(1);
    const shifted = applyEdits(ramp, { ...NO_EDITS, dx: 1 });
    expect(red(shifted, 0, 0)).toBe(0);
    expect(red(shifted, 1, 0)).toBe(0);
    expect(red(shifted, 2, 1)).toBe(11);
  });

  it('brightness adds a fraction of white, contrast scales around mid grey, both clamped', () => {
    expect(
      red(
        applyEdits(
          img(1, 1, () => 100),
          { ...NO_EDITS, brightness: 0.2 },
        ),
        0,
        0,
      ),
    ).toBe(151);
    expect(
      red(
        applyEdits(
          img(1, 1, () => 250),
          { ...NO_EDITS, brightness: 0.2 },
        ),
        0,
        0,
      ),
    ).toBe(255);
    expect(
      red(
        applyEdits(
          img(1, 1, () => 138),
          { ...NO_EDITS, contrast: 2 },
        ),
        0,
        0,
      ),
    ).toBe(148);
    expect(
      red(
        applyEdits(
          img(1, 1, () => 200),
          { ...NO_EDITS, contrast: 0 },
        ),
        0,
        0,
      ),
    ).toBe(128);
  });

  it('paints the patch, clipped, and moves it inside the picture', () => {
    const out = applyEdits(
      img(4, 4, () => 0),
      { ...NO_EDITS, patch: { x: 3, y: 3, size: 2, fill: 200 } },
    );
    expect(red(out, 3, 3)).toBe(200);
    expect(red(out, 2, 2)).toBe(0);
    const p = defaultPatch(40, 20);
    expect(p).toEqual({ x: 18, y: 8, size: 5, fill: 128 });
    expect(movePatch(p, 100, -100, 40, 20)).toMatchObject({ x: 35, y: 0 });
  });

  it('turns input values back into a picture with the inverse of the scale', () => {
    const values = new Float32Array([-1, 0, 1]);
    const back = valuesToImage(values, [1, 1, 1, 3], { mean: [0.5], std: [0.5] }, false)!;
    expect([...back.rgba]).toEqual([0, 128, 255, 255]);
    expect(valuesToImage(values, [1, 3], { mean: [0], std: [1] }, false)).toBeNull();
    expect(blankImage(2, 1, 255).rgba[4]).toBe(255);
  });
});

describe('input kind and scale', () => {
  const g = (shape: (number | null)[], dtype = 'float32') => ({
    inputs: [{ name: 'x', nodeId: 'x', shape, dtype }],
  });
  it('picks controls from the input shape', () => {
    expect(inputKind(g([null, 28, 28, 1]))).toMatchObject({ kind: 'image', height: 28, channels: 1 });
    expect(inputKind(g([null, 2]))).toEqual({ kind: 'vector', features: 2 });
    expect(inputKind(g([null, null, 81]))).toEqual({ kind: 'sequence', steps: null, vocab: 81 });
    expect(inputKind(g([null, 500]))).toMatchObject({
      kind: 'none',
      reason: expect.stringMatching(/500 features/),
    });
    expect(inputKind({ inputs: [] })).toMatchObject({
      kind: 'none',
      reason: expect.stringMatching(/0 inputs/),
    });
  });
  it("guesses the scale from the page's own values", () => {
    expect(guessScale({ min: -0.9, max: 0.8 })).toBe(SCALES[1]);
    expect(guessScale({ min: 0, max: 255 })).toBe(SCALES[2]);
    expect(guessScale({ min: 0, max: 1 })).toBe(SCALES[0]);
    expect(guessScale(null)).toBeNull();
  });
  it('reads a picture inverted when it is lit the other way round from the page input', () => {
    expect(meanBrightness(new Uint8ClampedArray([255, 255, 255, 255, 0, 0, 0, 255]))).toBeCloseTo(0.5);
    expect(rangeFraction([-1, 1, 1, 1], SCALES[1]!)).toBeCloseTo(0.75);
    expect(looksInverted(0.1, 0.95)).toBe(true);
    expect(looksInverted(0.1, 0.1)).toBe(false);
    expect(looksInverted(0.5, 0.45)).toBe(false);
  });
});

describe('feature ranges', () => {
  it('uses declared ranges first, then what the page fed, then −1…1', () => {
    const seen = observe([0, 10, 2, 30, 1, 20], 2);
    expect(seen).toEqual({ min: [0, 10], max: [2, 30], last: [1, 20] });
    const r = featureRanges(3, [{ min: -5, max: 5 }], seen);
    expect(r[0]).toMatchObject({ min: -5, max: 5, source: 'declared', value: 1 });
    expect(r[1]).toMatchObject({ min: 8, max: 32, source: 'observed', value: 20 });
    expect(r[2]).toMatchObject({ min: -1, max: 1, source: 'default', value: 0 });
  });
  it('picks round steps', () => {
    expect(niceStep(2)).toBeCloseTo(0.02);
    expect(niceStep(24)).toBeCloseTo(0.2);
    expect(niceStep(0)).toBe(0.01);
  });
});

describe('sequences', () => {
  it('encodes typed characters one-hot, naming the unknown, padding to the fixed length', () => {
    const e = encodeSequence('Go!', 4, 5, ['G', 'o', '.', ' ']);
    expect(e.shape).toEqual([1, 5, 4]);
    expect(e.unknown).toEqual(['!']);
    expect(decodeOneHot(e.values, 4)).toEqual([0, 1, -1, -1, -1]);
    expect(indicesToText([0, 1, 2, -1], ['G', 'o', '.'])).toBe('Go.');
  });
  it('takes indices without a vocabulary, and says what is cut', () => {
    const e = encodeSequence('1 2 9 x', 3, 2, null);
    expect(e.unknown).toEqual(['9', 'x']);
    expect(e.cut).toBe(2);
    expect(indicesToText(decodeOneHot(e.values, 3), null)).toBe('1 2');
  });
});

describe('occlusion', () => {
  it('covers the picture to its edges, and refuses grids that do not fit or are too many', () => {
    const g = occlusionGrid(10, 6, 4, 3);
    if (typeof g === 'string') throw new Error(g);
    expect(g.cols).toBe(3);
    expect(g.positions.slice(0, 3).map((p) => p.x)).toEqual([0, 3, 6]);
    expect(g.rows).toBe(2);
    expect(g.positions.at(-1)).toEqual({ x: 6, y: 2 });
    expect(occlusionGrid(4, 4, 8, 1)).toMatch(/does not fit/);
    expect(occlusionGrid(2000, 2000, 1, 1)).toMatch(/too many/);
  });
  it('averages the score drop over the pixels each placement covers', () => {
    const g = occlusionGrid(4, 2, 2, 2);
    if (typeof g === 'string') throw new Error(g);
    const map = sensitivityMap(4, 2, g, 1, [0.2, 0.9]);
    expect(map.drop[0]).toBeCloseTo(0.8);
    expect(map.drop[3]).toBeCloseTo(0.1);
    expect(map.extent).toBeCloseTo(0.8);
    const partial = sensitivityMap(4, 2, g, 1, [0.5]);
    expect(Number.isNaN(partial.drop[3])).toBe(true);
    const covered = occluded(
      img(4, 2, () => 0),
      g,
      1,
      99,
    );
    expect(red(covered, 2, 0)).toBe(99);
    expect(red(covered, 1, 0)).toBe(0);
  });
});

describe('diff metrics', () => {
  it('cosine and relative L2', () => {
    expect(cosine([1, 0], [0, 1])).toBeCloseTo(0);
    expect(cosine([1, 2], [2, 4])).toBeCloseTo(1);
    expect(Number.isNaN(cosine([0, 0], [1, 1]))).toBe(true);
    expect(relativeL2([1, 0], [1, 0])).toBe(0);
    expect(relativeL2([1, 0], [-1, 0])).toBeCloseTo(2);
    expect(relativeL2([0, 0], [0, 0])).toBe(0);
    expect(() => cosine([1], [1, 2])).toThrow(/1 values with 2/);
  });
  it('finds where two inputs part, layer by layer', () => {
    const a = new Map([
      ['l1', [1, 1]],
      ['l2', [1, 0]],
      ['l3', [1]],
    ]);
    const b = new Map([
      ['l1', [1, 1.1]],
      ['l2', [0, 1]],
      ['l3', [1, 2]],
    ]);
    const d = layerDiffs(['l1', 'l2', 'l3', 'missing'], a, b);
    expect(d.map((x) => x.nodeId)).toEqual(['l1', 'l2']);
    expect(partingPoint(d)?.nodeId).toBe('l2');
  });
});

describe('upload rules', () => {
  it('names the file and the reason', () => {
    expect(pictureFileProblem({ name: 'cat.png', size: 1000, type: 'image/png' })).toBeNull();
    expect(pictureFileProblem({ name: 'big.jpg', size: 50 * 1024 * 1024, type: 'image/jpeg' })).toBe(
      'big.jpg is 50.0 MB; at most 20 MB is read. Choose a smaller picture.',
    );
    expect(pictureFileProblem({ name: 'notes.txt', size: 10, type: 'text/plain' })).toMatch(
      /^notes\.txt is not a picture \(text\/plain\)/,
    );
    expect(decodedPictureProblem('wide.png', 5000, 10)).toMatch(/^wide\.png: .*at most 4096/);
  });
  it('reads numbers for vector inputs and refuses the wrong count', () => {
    const f = { name: 'x.csv', size: 10, type: 'text/csv' };
    expect(parseNumbersFile(f, '0.5, -1', 2, [null, 2])).toEqual([0.5, -1]);
    expect(parseNumbersFile(f, '[[1, 2]]', 2, [null, 2])).toEqual([1, 2]);
    expect(parseNumbersFile(f, '1 2 3', 2, [null, 2])).toBe(
      'x.csv has 3 numbers; this model takes 2 (input shape [?, 2]).',
    );
    expect(parseNumbersFile(f, '1 two', 2, [null, 2])).toBe('x.csv: "two" is not a number.');
    expect(parseNumbersFile(f, '[1,', 2, [null, 2])).toMatch(/not valid JSON/);
  });
});

describe('latest wins', () => {
  const manual = () => {
    const timers: (() => void)[] = [];
    return {
      timers,
      setTimer: (fn: () => void) => timers.push(fn),
      clearTimer: () => undefined,
      fire: () => timers.splice(0).forEach((t) => t()),
    };
  };
  it('runs one at a time and only the latest of the requests made meanwhile', async () => {
    const t = manual();
    const started: number[] = [];
    const done: number[] = [];
    const resolvers: (() => void)[] = [];
    const lw = new LatestWins<number, number>(
      (v) => {
        started.push(v);
        return new Promise((r) => resolvers.push(() => r(v)));
      },
      (v) => done.push(v),
      { debounceMs: 10, setTimer: t.setTimer, clearTimer: t.clearTimer },
    );
    lw.request(1);
    t.fire();
    lw.request(2);
    lw.request(3);
    t.fire();
    expect(started).toEqual([1]);
    resolvers.shift()!();
    await Promise.resolve();
    await Promise.resolve();
    expect(started).toEqual([1, 3]);
    expect(done).toEqual([]);
    resolvers.shift()!();
    await Promise.resolve();
    await Promise.resolve();
    expect(done).toEqual([3]);
    expect(lw.runs).toBe(2);
  });
});

describe('probe frames', () => {
  it('reduces like the taps: channel mean and max, strided thinning', () => {
    const v = new Float32Array([1, 10, 3, 30]); // [1, 2, 1, 2]
    expect([...reduceValues([1, 2, 1, 2], v, 'channel-mean').values]).toEqual([2, 20]);
    expect([...reduceValues([1, 2, 1, 2], v, 'channel-max').values]).toEqual([3, 30]);
    const big = new Float32Array(1 * 300 * 300 * 1).map((_, i) => i);
    const r = reduceValues([1, 300, 300, 1], big, 'downsample');
    expect(r.shape).toEqual([1, 150, 150, 1]);
    expect(r.values[1]).toBe(2);
    expect(r.values[150]).toBe(600);
  });
});

describe('explore feed', () => {
  const graph = { id: 'm1', outputs: [{ nodeId: 'out', name: 'out', shape: null, dtype: null }], inputs: [] };
  function fakeApi() {
    const subs: { signal: AbortSignal }[] = [];
    const probes: string[][] = [];
    const api = {
      version: 1,
      subscribe: (_m: string, _t: unknown, _b: unknown, _f: unknown, signal: AbortSignal) =>
        subs.push({ signal }),
      probe: async (_m: string, _i: unknown, ids: string[]): Promise<ProbeValue[]> => {
        probes.push(ids);
        return ids.map((id) => ({
          nodeId: id,
          shape: [1, 2],
          dtype: 'float32',
          buffer: new Float32Array([0.25, 0.75]).buffer,
        }));
      },
    } as unknown as ContentApi;
    for (const k of ['snapshot', 'onChange', 'onCommand', 'describe', 'readWeights', 'hold', 'weightsDigest'])
      (api as unknown as Record<string, unknown>)[k] = () => undefined;
    return { api, subs, probes };
  }
  it("feeds open views from the reader's runs, and gives them back to the page after", async () => {
    const { api, subs, probes } = fakeApi();
    const feed = new ExploreFeed(api);
    const frames: TapFrame[] = [];
    const stop = new AbortController();
    feed.api.subscribe(
      'm1',
      [{ nodeId: 'hidden', reduction: 'none' }],
      { maxInFlight: 1, bytesPerSecond: 1, hz: 1 },
      (f) => frames.push(f),
      stop.signal,
    );
    expect(subs).toHaveLength(1);
    const session = feed.session(graph);
    const got = new Promise<void>((resolve) =>
      session.on((e) => e.type === 'result' && resolve(), new AbortController().signal),
    );
    session.setInput({ kind: 'tensor', shape: [1, 2], values: new Float32Array([1, 2]) });
    expect(subs[0]!.signal.aborted).toBe(true);
    await got;
    expect(probes.at(-1)).toEqual(['out', 'hidden']);
    expect(frames.map((f) => f.nodeId)).toEqual(['hidden']);
    expect([...new Float32Array(frames[0]!.buffer)]).toEqual([0.25, 0.75]);
    session.setInput(null);
    expect(subs).toHaveLength(2);
    expect(subs[1]!.signal.aborted).toBe(false);
    stop.abort();
    expect(subs[1]!.signal.aborted).toBe(true);
  });
});

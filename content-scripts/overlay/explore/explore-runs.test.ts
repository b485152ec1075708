import { describe, expect, it } from 'vitest';
import type { ProbeInput, ProbeValue } from '../../../protocol/bridge';
import { compareNodes } from './compare-nodes';
import { ExploreSession } from './explore-session';
import { occlusionGrid, sensitivityMap } from './occlusion';
import { mapPixels, runOcclusion } from './occlusion-run';
import { summarizeOutput } from './output-rows';

const f32 = (xs: number[]) => new Float32Array(xs).buffer;

/** A probe that answers with the mean brightness of the picture's top-left quarter as class 0's score. */
function brightnessProbe(calls: ProbeInput[]) {
  return {
    subscribe: () => undefined,
    probe: async (_m: string, input: ProbeInput, ids: string[]): Promise<ProbeValue[]> => {
      calls.push(input);
      if (input.type !== 'image') throw new Error('expected a picture');
      const px = new Uint8Array(input.rgba);
      let sum = 0;
      for (let y = 0; y < input.height / 2; y++)
        for (let x = 0; x < input.width / 2; x++) sum += px[(y * input.width + x) * 4]!;
      const score = sum / ((input.width / 2) * (input.height / 2) * 255);
      return ids.map((id) => ({
        nodeId: id,
        shape: [1, 2],
        dtype: 'float32',
        buffer: f32([score, 1 - score]),
      }));
    },
  };
}
const graph = { id: 'm1', inputs: [], outputs: [{ nodeId: 'out', name: 'out', shape: null, dtype: null }] };
const white = (w: number, h: number) => ({
  width: w,
  height: h,
  rgba: new Uint8ClampedArray(w * h * 4).fill(255),
});

describe('occlusion run', () => {
  it('runs the picture once, then once per placement, and maps where covering lowered the score', async () => {
    const calls: ProbeInput[] = [];
    const session = new ExploreSession(brightnessProbe(calls), graph);
    const grid = occlusionGrid(4, 4, 2, 2);
    if (typeof grid === 'string') throw new Error(grid);
    const seen: number[] = [];
    const done = await runOcclusion(
      session,
      white(4, 4),
      { mean: [0], std: [1] },
      0,
      grid,
      (p) => seen.push(p.done),
      new AbortController().signal,
    );
    expect(calls).toHaveLength(5);
    expect(seen).toEqual([0, 1, 2, 3, 4]);
    expect(done.base).toBeCloseTo(1);
    // Only the top-left placement covers the quarter the score reads (grey 128 → score 128/255).
    expect(done.scores[0]).toBeCloseTo(128 / 255);
    expect(done.scores.slice(1)).toEqual([1, 1, 1]);
    const map = sensitivityMap(4, 4, grid, done.base, done.scores);
    expect(map.drop[0]).toBeCloseTo(1 - 128 / 255);
    expect(map.drop[15]).toBe(0);
    const px = mapPixels(map);
    expect(px[3]).toBe(170);
    expect(px[0]).toBeGreaterThan(px[2]!); // red where the score dropped
  });

  it('stops at once when cancelled', async () => {
    const calls: ProbeInput[] = [];
    const session = new ExploreSession(brightnessProbe(calls), graph);
    const grid = occlusionGrid(8, 8, 2, 2);
    if (typeof grid === 'string') throw new Error(grid);
    const stop = new AbortController();
    const run = runOcclusion(
      session,
      white(8, 8),
      { mean: [0], std: [1] },
      0,
      grid,
      (p) => p.done === 3 && stop.abort(),
      stop.signal,
    );
    await expect(run).rejects.toThrow('Cancelled.');
    expect(calls.length).toBe(4);
  });
});

describe('outputs and comparisons', () => {
  it('lists probabilities as ranked percentages and few values as they are', () => {
    const probs = summarizeOutput([1, 5], new Float32Array([0.1, 0.6, 0.1, 0.1, 0.1]), 3);
    expect(probs).toMatchObject({ probabilities: true, ranked: true, count: 5 });
    expect(probs.rows.map((r) => [r.index, r.text])).toEqual([
      [1, '60.0%'],
      [0, '10.0%'],
      [2, '10.0%'],
    ]);
    const reg = summarizeOutput([1, 1], new Float32Array([-3.25]));
    expect(reg).toMatchObject({ probabilities: false, ranked: false });
    expect(reg.rows[0]!.text).toBe('−3.25');
  });

  it('compares computing nodes in order, at most the limit, keeping the last', () => {
    const node = (id: string, index: number, category: string, attrs: Record<string, unknown> = {}) =>
      ({ id, index, category, attrs }) as never;
    const g = {
      outputs: [],
      nodes: [
        node('x', 0, 'input'),
        node('w', 1, 'const'),
        node('b', 3, 'op'),
        node('a', 2, 'op'),
        node('inner', 4, 'layer', { nestedIn: 'seq' }),
        ...Array.from({ length: 10 }, (_, i) => node(`n${i}`, 5 + i, 'layer')),
      ],
    };
    expect(compareNodes(g).slice(0, 3)).toEqual(['a', 'b', 'n0']);
    const few = compareNodes(g, 4);
    expect(few).toHaveLength(4);
    expect(few.at(-1)).toBe('n9');
  });
});

describe('explore session', () => {
  it("tells listeners the latest result of the reader's input and goes back to the page on null", async () => {
    const calls: ProbeInput[] = [];
    const session = new ExploreSession(brightnessProbe(calls), graph);
    const events: string[] = [];
    const stop = new AbortController();
    const got = new Promise<void>((resolve) =>
      session.on((e) => {
        events.push(e.type === 'mode' ? `mode:${e.mode}` : e.type);
        if (e.type === 'result') resolve();
      }, stop.signal),
    );
    session.setInput({ kind: 'image', image: white(2, 2), normalize: { mean: [0], std: [1] } });
    await got;
    expect(events).toEqual(['running', 'mode:yours', 'result']);
    expect(session.last?.outputs[0]?.nodeId).toBe('out');
    session.setInput(null);
    expect(session.mode).toBe('page');
    expect(session.last).toBeNull();
    expect(events.at(-1)).toBe('mode:page');
  });
});

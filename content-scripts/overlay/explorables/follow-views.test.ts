// @vitest-environment jsdom
// Open views follow a pack's controls: the store tells each run the reader asked for with the input it gave the
// model; followControls makes it the model's "your input" in the explore feed (views get its frames), owned by the
// control, until the reader goes back to the page, another input takes over, or the pack goes.
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeInputSource } from '../../../cli/check/image-source';
import {
  makePack,
  pointsModel,
  sidesModel,
  testModel,
  type TestModel,
} from '../../../cli/check/test-support';
import type { Annotation } from '../../../annotations/format/types';
import type { ModelRunner } from '../../../annotations/checks/types';
import type { ProbeInput, ProbeValue, TapFrame } from '../../../protocol/bridge';
import type { ContentApi } from '../../relay/content-api';
import { ExploreFeed } from '../explore/explore-feed';
import { PANEL_OWNER, type ExploreSession } from '../explore/explore-session';
import { ExplorablesStore, type ControlInputRun } from './explorables-store';
import { controlOwner, followControls } from './follow-views';

let points: TestModel;
let sides: TestModel;
beforeAll(async () => {
  points = await testModel(pointsModel);
  sides = await testModel(sidesModel, 'm2');
});

const slider: Partial<Annotation> = {
  id: 'x',
  kind: 'control',
  motivation: 'describing',
  body: {
    type: 'Control',
    control: 'slider',
    label: 'Feature x',
    example: 'origin',
    param: { type: 'feature', index: 0 },
    min: -2,
    max: 2,
    value: -2,
  },
};
const question: Partial<Annotation> = {
  id: 'q',
  kind: 'predict',
  motivation: 'questioning',
  body: { type: 'Predict', control: 'x', setting: 2, question: 'x = 2?', options: ['a', 'b', 'c'] },
};

function pointsStore(runner: ModelRunner = points.runner): ExplorablesStore {
  const pack = makePack(
    [{ alias: 'p', labels: ['a', 'b', 'c'] }],
    [
      { id: 'origin', kind: 'example', body: { input: { tensor: [[0.5, 0.25]] } } } as Partial<Annotation>,
      slider,
      question,
    ],
  );
  return new ExplorablesStore({
    pack,
    graphs: new Map([['p', points.graph]]),
    runners: new Map([['p', runner]]),
    inputs: nodeInputSource,
    timeoutMs: 5000,
  });
}

function sidesStore(): ExplorablesStore {
  const pack = makePack(
    [{ alias: 's', labels: ['left', 'right'] }],
    [
      {
        id: 'pad',
        kind: 'control',
        motivation: 'describing',
        body: { type: 'Control', control: 'draw', label: 'Your sketch' },
      } as Partial<Annotation>,
    ],
  );
  return new ExplorablesStore({
    pack,
    graphs: new Map([['s', sides.graph]]),
    runners: new Map([['s', sides.runner]]),
    inputs: nodeInputSource,
    timeoutMs: 5000,
  });
}

/** A ContentApi whose probe answers every node with its input's first value and 1 (so frames show the input). */
function fakeApi() {
  const pageSubs: { nodes: string[]; signal: AbortSignal }[] = [];
  const probes: ProbeInput[] = [];
  const api = {
    version: 1,
    subscribe: (_m: string, taps: { nodeId: string }[], _b: unknown, _f: unknown, signal: AbortSignal) =>
      pageSubs.push({ nodes: taps.map((t) => t.nodeId), signal }),
    probe: async (_m: string, input: ProbeInput, ids: string[]): Promise<ProbeValue[]> => {
      probes.push(input);
      const first = input.type === 'tensor' ? input.values[0]! : -1;
      return ids.map((id) => ({
        nodeId: id,
        shape: [1, 2],
        dtype: 'float32',
        buffer: new Float32Array([first, 1]).buffer,
      }));
    },
  } as unknown as ContentApi;
  for (const k of ['snapshot', 'onChange', 'onCommand', 'describe', 'readWeights', 'hold', 'weightsDigest'])
    (api as unknown as Record<string, unknown>)[k] = () => undefined;
  return { api, pageSubs, probes };
}

const nextResult = (session: ExploreSession) =>
  new Promise<void>((resolve) => {
    const stop = new AbortController();
    session.on((e) => {
      if (e.type !== 'result') return;
      stop.abort();
      resolve();
    }, stop.signal);
  });

describe('a control tells the runs the reader asked for', () => {
  it('with the input the slider gave the model; not for the run a control makes as it appears', async () => {
    const s = pointsStore();
    const told: ControlInputRun[] = [];
    s.onRun((run) => told.push(run));
    await s.set('x', -2, { follow: false });
    expect(s.control('x')?.status).toBe('done');
    expect(told).toEqual([]);
    await s.set('x', 1.5);
    expect(told).toHaveLength(1);
    const run = told[0]!;
    expect(run).toMatchObject({ controlId: 'x', label: 'Feature x', graph: points.graph });
    expect(run.input.kind).toBe('tensor');
    if (run.input.kind !== 'tensor') throw new Error('a tensor');
    expect(run.input.shape).toEqual([1, 2]);
    expect([...run.input.values]).toEqual([1.5, 0.25]);
    // A reveal moves the control: the views follow it too.
    s.guess('q', 'a');
    await s.reveal('q');
    expect(told.map((r) => (r.input.kind === 'tensor' ? r.input.values[0] : null))).toEqual([1.5, 2]);
  });

  it('not when the run failed', async () => {
    const s = pointsStore({ run: () => Promise.reject(new Error('backend lost')) });
    const told: ControlInputRun[] = [];
    s.onRun((run) => told.push(run));
    await s.set('x', 1);
    expect(s.control('x')?.status).toBe('error');
    expect(told).toEqual([]);
  });

  it('a drawing as the picture it is, with its scaling', async () => {
    const s = sidesStore();
    const told: ControlInputRun[] = [];
    s.onRun((run) => told.push(run));
    const image = { width: 4, height: 4, rgba: new Uint8ClampedArray(64).fill(255) };
    await s.draw('pad', image);
    expect(s.control('pad')?.top[0]?.label).toBeDefined();
    expect(told).toHaveLength(1);
    expect(told[0]!.graph).toBe(sides.graph);
    expect(told[0]!.input).toEqual({ kind: 'image', image, normalize: { mean: [0], std: [1] } });
  });
});

describe('followControls', () => {
  it("feeds the model's open views from the control, until the reader goes back to the page", async () => {
    const s = pointsStore();
    const { api, pageSubs } = fakeApi();
    const feed = new ExploreFeed(api);
    const frames: TapFrame[] = [];
    const view = new AbortController();
    feed.api.subscribe(
      points.graph.id,
      [{ nodeId: 'logits', reduction: 'none' }],
      { maxInFlight: 1, bytesPerSecond: 1, hz: 1 },
      (f) => frames.push(f),
      view.signal,
    );
    expect(pageSubs).toHaveLength(1);
    const stop = followControls(s, feed);
    const session = feed.session(points.graph);
    let result = nextResult(session);
    await s.set('x', 1.5);
    expect(session.owner).toEqual(controlOwner('x', 'Feature x'));
    // The view left the page for the control's input, and got the probe's value of it.
    expect(pageSubs[0]!.signal.aborted).toBe(true);
    await result;
    expect(session.last?.owner.id).toBe('control:x');
    expect(frames.map((f) => [...new Float32Array(f.buffer)])).toEqual([[1.5, 1]]);
    result = nextResult(session);
    await s.set('x', -1);
    await result;
    expect(frames.map((f) => new Float32Array(f.buffer)[0])).toEqual([1.5, -1]);

    // Back to the page: the view subscribes to the page's calls again.
    session.release(controlOwner('x', 'Feature x').id);
    expect(session.owner).toBeNull();
    expect(pageSubs).toHaveLength(2);
    expect(pageSubs[1]!.signal.aborted).toBe(false);
    stop();
    view.abort();
  });

  it('the latest input drives the views: the panel takes over, and the control giving up leaves it be', async () => {
    const s = pointsStore();
    const { api } = fakeApi();
    const feed = new ExploreFeed(api);
    const stop = followControls(s, feed);
    const session = feed.session(points.graph);
    await s.set('x', 1);
    expect(session.owner?.id).toBe('control:x');
    session.setInput({ kind: 'tensor', shape: [1, 2], values: new Float32Array([7, 7]) }, PANEL_OWNER);
    expect(session.owner).toBe(PANEL_OWNER);
    session.release('control:x');
    expect(session.owner).toBe(PANEL_OWNER);
    // The pack going gives back only what its controls drive.
    stop();
    expect(session.owner).toBe(PANEL_OWNER);
    await s.set('x', 2);
    expect(session.owner).toBe(PANEL_OWNER);
    session.release(PANEL_OWNER.id);
    expect(session.mode).toBe('page');
  });

  it('gives the views back to the page when the pack goes', async () => {
    const s = pointsStore();
    const { api } = fakeApi();
    const feed = new ExploreFeed(api);
    const events: string[] = [];
    const session = feed.session(points.graph);
    session.on(
      (e) => e.type === 'mode' && events.push(`${e.mode}:${e.owner?.id ?? '-'}`),
      new AbortController().signal,
    );
    const stop = followControls(s, feed);
    await s.set('x', 1);
    await s.set('x', 2);
    stop();
    expect(session.mode).toBe('page');
    expect(events).toEqual(['yours:control:x', 'page:-']);
  });
});

describe('a view opened while a newer input runs', () => {
  it("is not shown the older input's values, and gets the newer input's once it has run with the view's node", async () => {
    const { api } = fakeApi();
    // Every probe waits until released, so a run can be under way while a view opens.
    const release: (() => void)[] = [];
    const asked: string[][] = [];
    const probe = api.probe.bind(api);
    (api as { probe: ContentApi['probe'] }).probe = async (...args) => {
      asked.push(args[2]);
      await new Promise<void>((resolve) => release.push(resolve));
      return probe(...args);
    };
    const feed = new ExploreFeed(api);
    const session = feed.session(points.graph);
    const frames: number[] = [];
    const view = () => {
      const stop = new AbortController();
      feed.api.subscribe(
        points.graph.id,
        [{ nodeId: 'logits', reduction: 'none' }],
        { maxInFlight: 1, bytesPerSecond: 1, hz: 1 },
        (f) => frames.push(new Float32Array(f.buffer)[0]!),
        stop.signal,
      );
      return stop;
    };
    const settle = async () => {
      for (let i = 0; i < 20 && release.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
      release.splice(0).forEach((r) => r());
      await new Promise((r) => setTimeout(r, 0));
    };
    // Input 3 runs with the view open; the view closes.
    const first = view();
    let result = nextResult(session);
    session.setInput(
      { kind: 'tensor', shape: [1, 2], values: new Float32Array([3, 0]) },
      controlOwner('x', 'x'),
    );
    await settle();
    await result;
    expect(frames).toEqual([3]);
    first.abort();
    // Input 5 starts without any view: it reads the outputs only.
    session.setInput(
      { kind: 'tensor', shape: [1, 2], values: new Float32Array([5, 0]) },
      controlOwner('x', 'x'),
    );
    for (let i = 0; i < 20 && release.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(asked.at(-1)).toEqual(['probs']);
    // A view opens now: not shown input 3's values; once 5 has run again with its node, it shows 5.
    const second = view();
    expect(frames).toEqual([3]);
    result = nextResult(session);
    await settle();
    await settle();
    await result;
    expect(asked.at(-1)).toEqual(['probs', 'logits']);
    expect(frames).toEqual([3, 5]);
    second.abort();
  });
});

// Live thumbnails: pixels from frames (maps and vectors), the one subscription that follows what is on screen and
// holds nothing while the diagram is off screen, hidden or closed; pan and zoom maths.

import { describe, expect, it } from 'vitest';
import type { ModelGraph } from '../../../model/model-graph';
import type { TapBudget } from '../../relay/content-api';
import type { TapRequest } from '../../../protocol/bridge';
import type { GateEnvironment } from '../views/live-gate';
import { syntheticGraph } from '../../../test/bench/synthetic-graph';
import { MAX_THUMBS, THUMB_HZ, ThumbFeed } from './live-thumbs';
import { paintThumbnail } from './thumbnail';
import { fitLayout, frameBox, onScreen, revealBox, zoomAt } from './view-box';

describe('thumbnail pixels', () => {
  it('a feature map: the mean over channels, scaled from its min to its max', () => {
    // [1, 2, 2, 2]: channel means 0, 1, 2, 3 at the four positions.
    const t = paintThumbnail([1, 2, 2, 2], [0, 0, 1, 1, 2, 2, 3, 3])!;
    expect([t.width, t.height, t.min, t.max]).toEqual([2, 2, 0, 3]);
    const at = (i: number) => [...t.pixels.slice(i * 4, i * 4 + 4)];
    // viridis: dark purple at the minimum, yellow at the maximum, every pixel opaque.
    expect(at(0)).toEqual([68, 1, 84, 255]);
    expect(at(3)[0]!).toBeGreaterThan(240);
    expect(at(3)[1]!).toBeGreaterThan(220);
  });

  it('a channels-first (ONNX) feature map: the mean over axis 1', () => {
    // [1, 2, 1, 3]: channel 0 is 0, 2, 4 and channel 1 is 2, 4, 6 across; means 1, 3, 5.
    const t = paintThumbnail([1, 2, 1, 3], [0, 2, 4, 2, 4, 6], undefined, 'channels-first')!;
    expect([t.width, t.height, t.min, t.max]).toEqual([3, 1, 1, 5]);
    const channelsLast = paintThumbnail([1, 2, 1, 3], [0, 2, 4, 2, 4, 6])!;
    expect([channelsLast.width, channelsLast.height]).toEqual([1, 2]);
  });

  it('a vector wraps into a near square; cells past the end stay transparent; big maps are strided', () => {
    const v = paintThumbnail(
      [1, 10],
      Float32Array.from({ length: 10 }, (_, i) => i),
    )!;
    expect([v.width, v.height]).toEqual([4, 3]);
    expect(v.pixels[10 * 4 + 3]).toBe(0);
    expect(v.pixels[9 * 4 + 3]).toBe(255);
    const big = paintThumbnail(
      [1, 112, 112, 1],
      new Float32Array(112 * 112).map((_, i) => i % 7),
    )!;
    expect(big.width).toBeLessThanOrEqual(48);
    expect(paintThumbnail([1, 0], [])).toBeNull();
  });
});

function fakeEnv() {
  const state = {
    onScreen: null as ((v: boolean) => void) | null,
    visible: null as ((v: boolean) => void) | null,
  };
  const env: GateEnvironment = {
    observeIntersection: (_el, cb) => ((state.onScreen = cb), () => (state.onScreen = null)),
    observePageVisibility: (cb) => ((state.visible = cb), () => (state.visible = null)),
    pageVisible: () => true,
  };
  return { env, state };
}

function feedOn(graph: ModelGraph) {
  const subs: { taps: TapRequest[]; budget: TapBudget; signal: AbortSignal }[] = [];
  const { env, state } = fakeEnv();
  const feed = new ThumbFeed({
    api: { subscribe: (_m, taps, budget, _f, signal) => void subs.push({ taps, budget, signal }) },
    graph,
    budget: () => ({ maxInFlight: 1, bytesPerSecond: 1 << 20, hz: 10 }),
    onFrame: () => undefined,
    gate: {} as Element,
    env,
  });
  const live = () => subs.filter((s) => !s.signal.aborted);
  return { feed, subs, live, state };
}

describe('ThumbFeed', () => {
  const graph = syntheticGraph(200);
  const ops = graph.nodes.filter((n) => n.category === 'op').map((n) => n.id);

  it('subscribes only while on screen in a visible tab, to the nodes on screen, within the reader’s budget', () => {
    const { feed, live, subs, state } = feedOn(graph);
    feed.setVisible(ops.slice(0, 3));
    expect(subs).toHaveLength(0);
    state.onScreen!(true);
    expect(live()).toHaveLength(1);
    expect(live()[0]!.taps.map((t) => t.nodeId)).toEqual(ops.slice(0, 3));
    expect(live()[0]!.budget).toEqual({ maxInFlight: 3, bytesPerSecond: 1 << 20, hz: THUMB_HZ });
    feed.setVisible(ops.slice(1, 4));
    expect(live()).toHaveLength(1);
    expect(live()[0]!.taps.map((t) => t.nodeId)).toEqual(ops.slice(1, 4));
    state.visible!(false);
    expect(live()).toHaveLength(0);
    state.visible!(true);
    expect(live()).toHaveLength(1);
    feed.close();
    expect(live()).toHaveLength(0);
  });

  it('taps at most MAX_THUMBS nodes and never a constant; nothing on screen, nothing subscribed', () => {
    const { feed, live, state } = feedOn(graph);
    state.onScreen!(true);
    expect(live()).toHaveLength(0);
    const consts = graph.nodes.filter((n) => n.category === 'const').map((n) => n.id);
    feed.setVisible([...consts.slice(0, 2), ...ops]);
    expect(live()[0]!.taps.length).toBeLessThanOrEqual(MAX_THUMBS);
    expect(live()[0]!.taps.some((t) => consts.includes(t.nodeId))).toBe(false);
    feed.setVisible([]);
    expect(live()).toHaveLength(0);
    feed.close();
  });
});

describe('pan and zoom', () => {
  it('frames a box in the middle, zooms about a point, reveals a box, lists what is on screen', () => {
    const t = frameBox({ x: 100, y: 100, width: 100, height: 50 }, 400, 300, 1);
    expect(t.k).toBe(1);
    expect([t.x + 150 * t.k, t.y + 125 * t.k]).toEqual([200, 150]);
    const z = zoomAt(t, 2, 200, 150);
    expect([z.k, z.x + 150 * z.k, z.y + 125 * z.k]).toEqual([2, 200, 150]);
    const r = revealBox({ x: 0, y: 0, k: 1 }, { x: 500, y: 10, width: 50, height: 20 }, 400, 300);
    expect(r.x).toBe(400 - 12 - 550);
    const boxes = new Map([
      ['near', { x: 180, y: 130, width: 40, height: 40 }],
      ['far', { x: 0, y: 0, width: 40, height: 40 }],
      ['off', { x: 900, y: 900, width: 10, height: 10 }],
    ]);
    expect(onScreen(boxes, { x: 0, y: 0, k: 1 }, 400, 300)).toEqual(['near', 'far']);
    // A tall graph is fitted to a readable scale from its top rather than shrunk to a sliver.
    expect(fitLayout(200, 5000, 400, 460).k).toBeGreaterThanOrEqual(0.8);
  });
});

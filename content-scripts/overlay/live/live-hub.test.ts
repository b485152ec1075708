// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { ModelGraph, ModelNode } from '../../../model/model-graph';
import type { TapFrame, TapRequest, WeightValues } from '../../../protocol/bridge';
import { LiveHub, type LiveEnvironment } from './live-hub';

function node(id: string, extra: Partial<ModelNode> = {}): ModelNode {
  return {
    id,
    index: 0,
    op: 'Dense',
    category: 'layer',
    inputs: [],
    outputShape: [null, 3],
    shapeSource: 'config',
    dtype: 'float32',
    params: 12,
    weights: [],
    attrs: {},
    ...extra,
  };
}

const GRAPH = {
  id: 'g1',
  backend: 'cpu',
  fingerprint: 'f',
  totals: { nodes: 2, params: 40, trainableParams: 40, weightBytes: 160 },
  outputs: [{ name: 'probs', nodeId: 'probs', shape: [null, 3], dtype: 'float32' }],
  nodes: [
    node('hidden', { weights: [{ name: 'hidden/bias', role: 'bias', shape: [3], dtype: 'float32' }] }),
    node('probs'),
  ],
} as unknown as ModelGraph;

function setup(labels: string[] | null = ['cat', 'dog', 'fish']) {
  const observed = new Map<Element, (v: boolean) => void>();
  const subs: { taps: TapRequest[]; onFrame: (f: TapFrame) => void; signal: AbortSignal }[] = [];
  let visible = true;
  let visibilityListener = (_visible: boolean) => undefined as void;
  const frames: (() => void)[] = [];
  const env: LiveEnvironment = {
    observeIntersection(el, onChange) {
      observed.set(el, onChange);
      return () => void observed.delete(el);
    },
    pageVisible: () => visible,
    observePageVisibility(onChange) {
      visibilityListener = onChange;
      return () => (visibilityListener = () => undefined);
    },
    frame: (fn) => void frames.push(fn),
  };
  const weight: WeightValues = {
    name: 'hidden/bias',
    shape: [3],
    sourceShape: [3],
    dtype: 'float32',
    buffer: Float32Array.from([0, 0.5, 1]).buffer,
    stats: { min: 0, max: 1, mean: 0.5, std: 0.4 },
  };
  const hub = new LiveHub({
    api: {
      subscribe: (_m, taps, _b, onFrame, signal) => void subs.push({ taps, onFrame, signal }),
      readWeights: async () => [weight],
    },
    model: (alias) => (alias === 'm' ? { graph: GRAPH, labels } : undefined),
    budget: () => ({ maxInFlight: 2, bytesPerSecond: 1 << 20, hz: 4 }),
    env,
  });
  const live = () => subs.filter((s) => !s.signal.aborted);
  const flush = async () => {
    await Promise.resolve();
    await Promise.resolve();
    while (frames.length) frames.shift()!();
  };
  const frame = (nodeId: string, values: number[]): TapFrame => ({
    subscriptionId: 's',
    modelId: 'g1',
    nodeId,
    shape: [1, values.length],
    sourceShape: [1, values.length],
    reduction: 'none',
    dtype: 'float32',
    buffer: Float32Array.from(values).buffer,
    call: 1,
    time: 0,
  });
  return {
    hub,
    observed,
    live,
    flush,
    frame,
    setVisible: (v: boolean) => {
      visible = v;
      visibilityListener(v);
    },
  };
}

const span = () => document.createElement('span');

describe('LiveHub', () => {
  it('writes graph facts at once, with the format asked for', () => {
    const { hub, live } = setup();
    const el = span();
    hub.bind(el, { alias: 'm', stat: 'params', format: 'd' });
    expect(el.textContent).toBe('40');
    expect(live()).toHaveLength(0);
  });

  it('subscribes only to tapped values on screen, one subscription per model covering them all', async () => {
    const { hub, observed, live, flush, frame } = setup();
    const top = span();
    const max = span();
    hub.bind(top, { alias: 'm', stat: 'top1' });
    hub.bind(max, { alias: 'm', node: 'probs', stat: 'max', format: '.1%' });
    await flush();
    expect(live()).toHaveLength(0); // nothing on screen yet
    observed.get(top)!(true);
    observed.get(max)!(true);
    await flush();
    expect(live()).toHaveLength(1);
    expect(live()[0]!.taps.map((t) => t.nodeId)).toEqual(['probs']);
    live()[0]!.onFrame(frame('probs', [0.1, 0.7, 0.2]));
    await flush();
    expect(top.textContent).toBe('dog');
    expect(max.textContent).toBe('70.0%');
    // Scrolled away: the subscription ends.
    observed.get(top)!(false);
    observed.get(max)!(false);
    await flush();
    expect(live()).toHaveLength(0);
  });

  it('stops while the tab is hidden and starts again when it shows', async () => {
    const { hub, observed, live, flush, setVisible } = setup();
    const el = span();
    hub.bind(el, { alias: 'm', node: 'hidden', stat: 'mean' });
    observed.get(el)!(true);
    await flush();
    expect(live()).toHaveLength(1);
    setVisible(false);
    await flush();
    expect(live()).toHaveLength(0);
    setVisible(true);
    await flush();
    expect(live()).toHaveLength(1);
  });

  it('unbinding the last value ends the subscription, and dispose ends everything', async () => {
    const { hub, observed, live, flush } = setup();
    const a = span();
    const b = span();
    const unbindA = hub.bind(a, { alias: 'm', node: 'hidden', stat: 'mean' });
    hub.bind(b, { alias: 'm', stat: 'argmax' });
    observed.get(a)!(true);
    observed.get(b)!(true);
    await flush();
    expect(hub.subscriptions()).toEqual({ g1: ['hidden', 'probs'] });
    unbindA();
    await flush();
    expect(hub.subscriptions()).toEqual({ g1: ['probs'] });
    hub.dispose();
    expect(live()).toHaveLength(0);
  });

  it('reads weight statistics once, exact over all values', async () => {
    const { hub, flush } = setup();
    const el = span();
    hub.bind(el, { alias: 'm', node: 'hidden', role: 'bias', stat: 'mean', format: '.3f' });
    await flush();
    expect(el.textContent).toBe('0.500');
  });

  it('says when a value cannot be had, instead of showing a wrong one', () => {
    const { hub } = setup();
    const el = span();
    hub.bind(el, { alias: 'other', stat: 'params' });
    expect(el.textContent).toBe('—');
    expect(el.getAttribute('title')).toContain("model 'other' is not on this page");
  });
});

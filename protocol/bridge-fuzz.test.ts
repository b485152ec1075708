// Fuzzes both validators of the bridge: random JSON, forged and mutated messages, huge arrays, hostile objects.
// Nothing may throw, nothing malformed may pass, and every well-formed message must come through unchanged.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { ContentBridge, type BridgeTarget } from '../content-scripts/relay/content-bridge';
import { parseModelGraph } from '../model/model-graph-validate';
import { wrap, type ContentMessage, type PageMessage } from './bridge';
import { parseContentMessage, parsePageMessage } from './bridge-validate';

const RUNS = 3000;
const nonce = fc.string({ minLength: 16, maxLength: 64 });
const id = fc.string({ minLength: 1, maxLength: 32 });
const reduction = fc.constantFrom('none', 'channel-mean', 'channel-max', 'downsample');
const budget = fc.record({
  maxInFlight: fc.integer({ min: 1, max: 16 }),
  bytesPerSecond: fc.integer({ min: 1, max: 1 << 30 }),
  hz: fc.double({ min: 0.01, max: 60, noNaN: true }),
});

const contentMessages: fc.Arbitrary<ContentMessage> = fc.oneof(
  fc.record({ kind: fc.constant('hello' as const), nonce }),
  fc.record(
    {
      kind: fc.constant('describe' as const),
      nonce,
      requestId: id,
      modelId: id,
      learnShapes: fc.constant(true as const),
    },
    { requiredKeys: ['kind', 'nonce', 'requestId', 'modelId'] },
  ),
  fc.record({ kind: fc.constant('unsubscribe' as const), nonce, subscriptionId: id }),
  fc.record({
    kind: fc.constant('subscribe' as const),
    nonce,
    subscriptionId: id,
    modelId: id,
    taps: fc.array(fc.record({ nodeId: id, reduction }), { maxLength: 8 }),
    budget,
  }),
  fc.record({
    kind: fc.constant('read-weights' as const),
    nonce,
    requestId: id,
    modelId: id,
    nodeId: id,
    maxValues: fc.integer({ min: 1, max: 1 << 20 }),
  }),
  fc.record({
    kind: fc.constant('probe' as const),
    nonce,
    requestId: id,
    modelId: id,
    nodeIds: fc.array(id, { maxLength: 4 }),
    input: fc.oneof(
      fc.constant({ type: 'last-input' as const }),
      fc
        .array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 16 })
        .map((values) => ({ type: 'tensor' as const, shape: [values.length], values })),
    ),
  }),
) as fc.Arbitrary<ContentMessage>;

const pageMessages: fc.Arbitrary<PageMessage> = fc.oneof(
  fc.record({ kind: fc.constant('hook-ready' as const), hookVersion: fc.integer({ min: 0, max: 1000 }) }),
  fc.record({
    kind: fc.constant('tap-ended' as const),
    nonce,
    subscriptionId: id,
    reason: fc.string({ maxLength: 100 }),
  }),
  fc.record({
    kind: fc.constant('model' as const),
    nonce,
    model: fc.record(
      {
        id,
        kind: fc.constantFrom('layers' as const, 'graph' as const),
        name: fc.string({ maxLength: 100 }),
        sourceUrl: fc.option(fc.webUrl(), { nil: null }),
        nodes: fc.nat(20_000),
        params: fc.nat(),
        backend: fc.option(fc.constantFrom('cpu', 'webgl'), { nil: null }),
        revision: fc.option(fc.nat(1_000_000), { nil: undefined }),
      },
      { requiredKeys: ['id', 'kind', 'name', 'sourceUrl', 'nodes', 'params', 'backend'] },
    ),
  }),
) as fc.Arbitrary<PageMessage>;

/** Objects that throw from every trap, or from a getter on a field the validator reads. */
function hostile(kind: string): unknown[] {
  const thrower = new Proxy(
    {},
    {
      get() {
        throw new Error('get');
      },
      has() {
        throw new Error('has');
      },
      ownKeys() {
        throw new Error('keys');
      },
      getPrototypeOf() {
        throw new Error('proto');
      },
    },
  );
  const base = { ns: 'literate', v: 1, nonce: 'x'.repeat(16), kind };
  const getterOn = (key: string): unknown =>
    Object.defineProperty({ ...base, from: 'content' }, key, {
      get() {
        throw new Error(key);
      },
      enumerable: true,
    });
  return [
    thrower,
    { ...base, from: 'content', taps: thrower, budget: thrower, input: thrower, nodeIds: thrower },
    {
      ...base,
      from: 'page',
      frame: thrower,
      snapshot: thrower,
      engine: thrower,
      model: thrower,
      values: thrower,
    },
    ...['nonce', 'kind', 'taps', 'budget', 'input', 'requestId', 'ns', 'from'].map(getterOn),
    { ...base, from: 'content', taps: new Array(1e6).fill({ nodeId: 'a', reduction: 'none' }), budget: {} },
    { ...base, from: 'page', values: new Array(1e6).fill(0), requestId: 'r', error: null },
  ];
}

describe('bridge validators under fuzzing', () => {
  it('never throw on random JSON and accept none of it', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(parseContentMessage(v)).toBeNull();
        expect(parsePageMessage(v, parseModelGraph)).toBeNull();
      }),
      { numRuns: RUNS },
    );
  });

  it('never throw on random objects shaped like envelopes', () => {
    const envelope = fc.record(
      {
        ns: fc.constantFrom('literate', 'other'),
        v: fc.constantFrom(1, 2, '1'),
        from: fc.constantFrom('page', 'content', 'x'),
        kind: fc.constantFrom(
          'hello',
          'subscribe',
          'probe',
          'tap',
          'weights',
          'read-weights',
          'welcome',
          'graph',
        ),
        nonce: fc.anything(),
        taps: fc.anything(),
        budget: fc.anything(),
        input: fc.anything(),
        frame: fc.anything(),
        values: fc.anything(),
        weights: fc.anything(),
        snapshot: fc.anything(),
      },
      { requiredKeys: ['ns', 'v', 'from', 'kind'] },
    );
    fc.assert(
      fc.property(envelope, (v) => {
        parseContentMessage(v);
        parsePageMessage(v, parseModelGraph);
      }),
      { numRuns: RUNS },
    );
  });

  it('pass every well-formed message through unchanged', () => {
    fc.assert(
      fc.property(contentMessages, (m) => {
        expect(parseContentMessage(wrap('content', m))).toEqual(m);
        expect(parsePageMessage(wrap('content', m), parseModelGraph)).toBeNull();
      }),
      { numRuns: RUNS },
    );
    fc.assert(
      fc.property(pageMessages, (m) => {
        expect(parsePageMessage(wrap('page', m), parseModelGraph)).toEqual(m);
        expect(parseContentMessage(wrap('page', m))).toBeNull();
      }),
      { numRuns: RUNS },
    );
  });

  it('reject a well-formed message with any one field replaced by a wrong type', () => {
    const wrong = fc.oneof(
      fc.constant(null),
      fc.constant(-1),
      fc.constant(1e300),
      fc.constant({}),
      fc.constant([]),
      fc.constant(true),
    );
    fc.assert(
      fc.property(contentMessages, wrong, fc.nat(), (m, bad, pick) => {
        const keys = Object.keys(m).filter((k) => k !== 'kind');
        const key = keys[pick % keys.length]!;
        const forged = { ...wrap('content', m), [key]: bad };
        const parsed = parseContentMessage(forged);
        // Only an empty list is still valid in a list slot; anything else must be refused.
        // describe's learnShapes flag is only ever `true`.
        const stillValid =
          (Array.isArray(bad) && bad.length === 0 && (key === 'taps' || key === 'nodeIds')) ||
          (key === 'learnShapes' && bad === true);
        expect(parsed === null).toBe(!stillValid);
      }),
      { numRuns: RUNS },
    );
  });

  it('describe: learnShapes passes only as `true` or absent; any other value refuses the message', () => {
    const base = { kind: 'describe', nonce: 'n'.repeat(16), requestId: 'r1', modelId: 'm1' } as const;
    expect(parseContentMessage(wrap('content', base))).toEqual(base);
    expect(parseContentMessage(wrap('content', { ...base, learnShapes: true }))).toEqual({
      ...base,
      learnShapes: true,
    });
    expect(parseContentMessage({ ...wrap('content', base), learnShapes: undefined })).toEqual(base);
    for (const bad of [false, 1, 'true', null, {}, [], [true]]) {
      expect(parseContentMessage({ ...wrap('content', base), learnShapes: bad }), String(bad)).toBeNull();
    }
    fc.assert(
      fc.property(fc.anything(), (bad) => {
        const parsed = parseContentMessage({ ...wrap('content', base), learnShapes: bad });
        expect(parsed === null).toBe(bad !== true && bad !== undefined);
      }),
      { numRuns: RUNS },
    );
  });

  it('refuse hostile objects and huge arrays without throwing', () => {
    for (const kind of ['subscribe', 'probe', 'tap', 'welcome', 'probe-result', 'weights', 'read-weights']) {
      for (const v of hostile(kind)) {
        expect(() => parseContentMessage(v)).not.toThrow();
        expect(() => parsePageMessage(v, parseModelGraph)).not.toThrow();
        expect(parseContentMessage(v)).toBeNull();
        expect(parsePageMessage(v, parseModelGraph)).toBeNull();
      }
    }
  });

  it('the content side reads nothing but its private channel: window messages never reach the API', async () => {
    const listeners: ((e: MessageEvent) => void)[] = [];
    const postMessage = vi.fn();
    const target: BridgeTarget = {
      postMessage,
      addEventListener: (_t, l) => listeners.push(l),
      removeEventListener: () => undefined,
    };
    const received: PageMessage[] = [];
    const bridge = new ContentBridge(target, (m) => received.push(m));
    bridge.start();
    const hookEnd = postMessage.mock.calls[0]![2][0] as MessagePort;
    fc.assert(
      fc.property(pageMessages, nonce, fc.boolean(), (m, forged, foreign) => {
        if (m.kind === 'hook-ready') return;
        // Even the right nonce, over window, is ignored; a forged nonce on the channel is dropped too.
        const data = wrap('page', { ...m, nonce: bridge.nonce });
        for (const l of listeners) l({ source: foreign ? {} : target, data } as unknown as MessageEvent);
        hookEnd.postMessage(wrap('page', { ...m, nonce: forged === bridge.nonce ? forged + 'x' : forged }));
      }),
      { numRuns: RUNS },
    );
    await new Promise((r) => setTimeout(r, 50));
    expect(received).toEqual([]);
    // the right nonce on the private channel does come through
    hookEnd.postMessage(
      wrap('page', { kind: 'tap-ended', nonce: bridge.nonce, subscriptionId: 's', reason: 'r' }),
    );
    await new Promise((r) => setTimeout(r, 20));
    expect(received).toHaveLength(1);
    bridge.stop();
  });
});

// The ContentApi's describe cache, over the real bridge to a stand-in hook that validates what it receives: the
// learnShapes flag reaches the hook once per model even when a plain describe is cached; plain describes never carry it.
import { afterEach, describe, expect, it } from 'vitest';
import { makeGraph } from '../../extension/background/packs/testing';
import { ContentBridge, type BridgeTarget } from './content-bridge';
import { wrap, type ContentMessage, type PageMessage } from '../../protocol/bridge';
import { parseContentMessage } from '../../protocol/bridge-validate';
import { ContentApiImpl } from './content-api-impl';
import { FrameState } from './frame-state';

type Describe = Extract<ContentMessage, { kind: 'describe' }>;

const stops: (() => void)[] = [];
afterEach(() => stops.splice(0).forEach((stop) => stop()));

const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 20));

/** A content API wired to a hook end that records each describe and answers it (an error when `fail` says so). */
function setup(fail: (m: Describe) => boolean = () => false) {
  let hookEnd: MessagePort | null = null;
  const target: BridgeTarget = {
    postMessage: (_m, _origin, transfer) => void (hookEnd = (transfer?.[0] as MessagePort) ?? null),
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  };
  const holder: { api?: ContentApiImpl } = {};
  const bridge = new ContentBridge(target, (m) => holder.api!.receive(m));
  const api = new ContentApiImpl(bridge, new FrameState());
  holder.api = api;
  bridge.start();
  const port = hookEnd as MessagePort | null;
  if (!port) throw new Error('the bridge handed over no port');
  const reply = (m: PageMessage): void => port.postMessage(wrap('page', m));
  const describes: Describe[] = [];
  port.onmessage = (event: MessageEvent) => {
    const m = parseContentMessage(event.data);
    if (m?.kind !== 'describe') return;
    describes.push(m);
    const failed = fail(m);
    reply({
      kind: 'graph',
      nonce: m.nonce,
      requestId: m.requestId,
      graph: failed ? null : makeGraph({ id: m.modelId }),
      error: failed ? 'model not found' : null,
    });
  };
  const revise = (id: string, revision: number): void =>
    reply({
      kind: 'model',
      nonce: bridge.nonce,
      model: { id, kind: 'graph', name: id, sourceUrl: null, nodes: 1, params: 0, backend: 'cpu', revision },
    });
  stops.push(() => {
    bridge.stop();
    port.close();
  });
  return { api, describes, revise };
}

const flags = (ds: Describe[]): [string, boolean][] => ds.map((d) => [d.modelId, d.learnShapes === true]);

describe('ContentApiImpl.describe and learnShapes', () => {
  it('plain describes never carry the flag and share one cached request', async () => {
    const { api, describes } = setup();
    const [a, b] = await Promise.all([api.describe('m1'), api.describe('m1')]);
    expect(a).toBe(b);
    await api.describe('m1', { learnShapes: false });
    expect(flags(describes)).toEqual([['m1', false]]);
    expect(Object.hasOwn(describes[0]!, 'learnShapes')).toBe(false);
  });

  it('a cached plain describe answers at once and does not keep the flag from the hook, which gets it once per model', async () => {
    const { api, describes } = setup();
    const plain = await api.describe('m1');
    // The cached graph answers without another round trip; the flag still goes to the hook.
    const asked = await api.describe('m1', { learnShapes: true });
    expect(asked).toBe(plain);
    expect(await api.describe('m1', { learnShapes: true })).toBe(plain);
    expect(await api.describe('m1')).toBe(plain);
    await api.describe('m2', { learnShapes: true });
    expect(flags(describes)).toEqual([
      ['m1', false],
      ['m1', true],
      ['m2', true],
    ]);
  });

  it('a flagged describe in flight answers the plain ones asked meanwhile', async () => {
    const { api, describes } = setup();
    const [asked, plain] = await Promise.all([api.describe('m1', { learnShapes: true }), api.describe('m1')]);
    expect(plain).toBe(asked);
    expect(flags(describes)).toEqual([['m1', true]]);
  });

  it('after the hook reports what it learned (a new revision) the outline describes again, without the flag', async () => {
    const { api, describes, revise } = setup();
    revise('m1', 0);
    await tick();
    const first = await api.describe('m1', { learnShapes: true });
    revise('m1', 1);
    await tick();
    const second = await api.describe('m1', { learnShapes: true });
    expect(second).not.toBe(first);
    expect(flags(describes)).toEqual([
      ['m1', true],
      ['m1', false],
    ]);
  });

  it('a failed flagged describe lets the next one carry the flag again', async () => {
    let failures = 1;
    const { api, describes } = setup(() => failures-- > 0);
    await expect(api.describe('m1', { learnShapes: true })).rejects.toThrow('model not found');
    await tick();
    await api.describe('m1', { learnShapes: true });
    expect(flags(describes)).toEqual([
      ['m1', true],
      ['m1', true],
    ]);
  });
});

describe('ContentApi requests (the bridge request → reply map)', () => {
  it('takes only an answer of the kind the request expects, even with its request id', async () => {
    const sent: { kind: string; requestId?: string }[] = [];
    const bridge = { send: (m: { kind: string; requestId?: string }) => void sent.push(m) };
    const api = new ContentApiImpl(bridge as unknown as ContentBridge, new FrameState());
    const graph = api.describe('m1');
    const requestId = sent[0]!.requestId!;
    // A page answering the describe's id with weights (or a probe result) does not settle it.
    api.receive({ kind: 'weights', nonce: 'n', requestId, weights: [], error: null });
    api.receive({ kind: 'probe-result', nonce: 'n', requestId, values: [], error: 'x' });
    api.receive({ kind: 'graph', nonce: 'n', requestId, graph: makeGraph({ id: 'm1' }), error: null });
    expect((await graph).id).toBe('m1');
    const weights = api.readWeights('m1', 'n1');
    api.receive({
      kind: 'graph',
      nonce: 'n',
      requestId: sent[1]!.requestId!,
      graph: makeGraph({ id: 'evil' }),
      error: null,
    });
    api.receive({ kind: 'weights', nonce: 'n', requestId: sent[1]!.requestId!, weights: [], error: null });
    expect(await weights).toEqual([]);
  });
});

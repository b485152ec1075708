// The ContentApi's holds, over the real bridge to a stand-in hook that validates what it receives: the hook hears
// one pin when the first explanation holds a model and one unpin when the last lets go; a forged pin is no message.
// And a probe's time limit counts from the hook's latest sign of progress (issue 16.2).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ContentBridge, type BridgeTarget } from './content-bridge';
import { wrap, type ContentMessage, type ProbeInput } from '../../protocol/bridge';
import { parseContentMessage, parsePageMessage } from '../../protocol/bridge-validate';
import { ContentApiImpl } from './content-api-impl';
import { FrameState } from './frame-state';

type Pin = Extract<ContentMessage, { kind: 'pin' }>;

const stops: (() => void)[] = [];
afterEach(() => stops.splice(0).forEach((stop) => stop()));

const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 20));

function setup() {
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
  const pins: [string, boolean][] = [];
  port.onmessage = (event: MessageEvent) => {
    const m = parseContentMessage(event.data);
    if (m?.kind === 'pin') pins.push([m.modelId, m.on]);
  };
  stops.push(() => {
    bridge.stop();
    port.close();
  });
  return { api, pins };
}

describe('ContentApiImpl.hold', () => {
  it('pins a model on the first hold and unpins it when the last holder lets go', async () => {
    const { api, pins } = setup();
    const panel = new AbortController();
    const pack = new AbortController();
    api.hold('m1', panel.signal);
    api.hold('m1', pack.signal);
    api.hold('m2', pack.signal);
    await tick();
    expect(pins).toEqual([
      ['m1', true],
      ['m2', true],
    ]);
    panel.abort();
    await tick();
    expect(pins).toHaveLength(2); // the pack still holds m1
    pack.abort();
    await tick();
    expect(pins.slice(2)).toEqual([
      ['m1', false],
      ['m2', false],
    ]);
  });

  it('an aborted signal holds nothing', async () => {
    const { api, pins } = setup();
    api.hold('m1', AbortSignal.abort());
    await tick();
    expect(pins).toEqual([]);
  });
});

describe('pin messages', () => {
  const nonce = 'n'.repeat(16);
  it('pass unchanged when well formed; anything else is not a message', () => {
    const pin: Pin = { kind: 'pin', nonce, modelId: 'm1', on: true };
    expect(parseContentMessage(wrap('content', pin))).toEqual(pin);
    for (const bad of [
      { ...pin, on: 'yes' },
      { ...pin, on: undefined },
      { ...pin, modelId: 'm'.repeat(33) },
      { ...pin, modelId: 3 },
    ])
      expect(parseContentMessage(wrap('content', bad as unknown as Pin))).toBeNull();
  });
});

describe('probe progress', () => {
  afterEach(() => vi.useRealTimers());

  it('a probe under way is not given up while the hook reports progress; a silent one is, after the limit', async () => {
    vi.useFakeTimers();
    const sent: { kind: string; requestId?: string }[] = [];
    const bridge = { send: (m: { kind: string; requestId?: string }) => void sent.push(m) };
    const api = new ContentApiImpl(bridge as unknown as ContentBridge, new FrameState());
    const input: ProbeInput = { type: 'tensor', shape: [1], values: [0] };
    const slow = api.probe('m1', input, [], 8000);
    const silent = api.probe('m1', input, [], 8000);
    const silentOutcome = silent.then(
      () => 'answered',
      (e: Error) => e.message,
    );
    const [slowId, silentId] = sent.map((m) => m.requestId!);
    await vi.advanceTimersByTimeAsync(6000);
    api.receive({ kind: 'probe-progress', nonce: 'n', requestId: slowId!, stage: 'running' });
    await vi.advanceTimersByTimeAsync(6000);
    api.receive({ kind: 'probe-progress', nonce: 'n', requestId: slowId!, stage: 'reading' });
    // The silent one's progress message for another id changes nothing for it.
    expect(await silentOutcome).toMatch(/did not answer within 8 s/);
    await vi.advanceTimersByTimeAsync(6000);
    api.receive({ kind: 'probe-result', nonce: 'n', requestId: slowId!, values: [], error: null });
    await expect(slow).resolves.toEqual([]);
    expect(silentId).toBeDefined();
  });

  it('progress messages pass the validator only when well formed', () => {
    const nonce = 'n'.repeat(16);
    const ok = { kind: 'probe-progress', nonce, requestId: 'r1', stage: 'reading' } as const;
    expect(parsePageMessage(wrap('page', ok), () => null)).toEqual(ok);
    expect(parsePageMessage(wrap('page', { ...ok, stage: 'done' } as never), () => null)).toBeNull();
    expect(parsePageMessage(wrap('page', { ...ok, requestId: 7 } as never), () => null)).toBeNull();
  });
});

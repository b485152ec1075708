// The hook's end of the bridge under forged traffic: hellos without a port, junk, foreign sources and forged nonces
// reach no handler; each real hello gets a private channel; replies go only to the channel that asked.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { wrap } from '../../protocol/bridge';

interface FakeEvent {
  source: unknown;
  data: unknown;
  ports: MessagePort[];
  stopped: boolean;
  stopImmediatePropagation(): void;
}
type Listener = (e: FakeEvent) => void;
const listeners: Listener[] = [];
const announced: unknown[] = [];

beforeAll(() => {
  vi.stubGlobal('addEventListener', (_type: string, l: Listener) => listeners.push(l));
  vi.stubGlobal('postMessage', (m: unknown) => announced.push(m));
});
afterAll(() => vi.unstubAllGlobals());

function deliver(data: unknown, ports: MessagePort[] = [], source: unknown = globalThis): FakeEvent {
  const event: FakeEvent = {
    source,
    data,
    ports,
    stopped: false,
    stopImmediatePropagation() {
      this.stopped = true;
    },
  };
  for (const l of listeners) l(event);
  return event;
}

/** Opens a channel as a content script does; returns our end and what arrives on it. */
function hello(nonce: string) {
  const channel = new MessageChannel();
  const received: { kind: string; nonce: string }[] = [];
  channel.port1.onmessage = (e) => received.push(e.data);
  const event = deliver(wrap('content', { kind: 'hello', nonce }), [channel.port2]);
  return { port: channel.port1, received, event };
}

const tick = () => new Promise((r) => setTimeout(r, 20));

describe('PageBridge', () => {
  it('announces itself, hides hellos from later listeners, and hands on only requests from an open channel', async () => {
    vi.resetModules();
    listeners.length = 0;
    const { PageBridge } = await import('./page-bridge');
    const requests: { nonce: string }[] = [];
    const hellos: string[] = [];
    const bridge = new PageBridge(
      (m) => requests.push(m),
      (nonce) => hellos.push(nonce),
    );
    bridge.start();
    expect(announced).toContainEqual(expect.objectContaining({ kind: 'hook-ready', from: 'page' }));

    const nonce = 'a'.repeat(32);
    expect(deliver(wrap('content', { kind: 'hello', nonce: 'b'.repeat(32) })).stopped).toBe(false); // no port
    const real = hello(nonce);
    expect(real.event.stopped).toBe(true);
    expect(hellos).toEqual([nonce]);

    fc.assert(
      fc.property(fc.anything(), fc.string({ minLength: 16, maxLength: 40 }), (junk, forged) => {
        deliver(junk);
        // Requests over window are never read, even with the real nonce.
        deliver(wrap('content', { kind: 'describe', nonce, requestId: 'r', modelId: 'm1' }));
        real.port.postMessage(junk);
        real.port.postMessage(
          wrap('content', { kind: 'describe', nonce: forged, requestId: 'r', modelId: 'm1' }),
        );
      }),
      { numRuns: 500 },
    );
    const hostile = new Proxy(
      {},
      {
        get: () => {
          throw new Error('x');
        },
      },
    );
    expect(() => deliver(hostile)).not.toThrow();
    await tick();
    expect(requests).toEqual([]);

    real.port.postMessage(wrap('content', { kind: 'describe', nonce, requestId: 'r', modelId: 'm1' }));
    await tick();
    expect(requests.map((r) => r.nonce)).toEqual([nonce]);
    real.port.close();
  });

  it('keeps the first channels when a page floods forged hellos, and replies only on the asking channel', async () => {
    vi.resetModules();
    listeners.length = 0;
    const { PageBridge } = await import('./page-bridge');
    const requests: { nonce: string }[] = [];
    const bridge = new PageBridge(
      (m) => requests.push(m),
      () => undefined,
    );
    bridge.start();
    const real = hello('r'.repeat(32));
    const forged = Array.from({ length: 40 }, (_, i) => hello(`forged-${i}`.padEnd(16, '.')));
    real.port.postMessage(
      wrap('content', { kind: 'describe', nonce: 'r'.repeat(32), requestId: 'r', modelId: 'm1' }),
    );
    await tick();
    expect(requests.map((r) => r.nonce)).toEqual(['r'.repeat(32)]);

    bridge.send({ kind: 'tap-ended', subscriptionId: 's', reason: 'x' }, [], 'r'.repeat(32));
    bridge.send({ kind: 'tap-ended', subscriptionId: 's', reason: 'x' }, [], 'never said hello');
    await tick();
    expect(real.received.filter((m) => m.kind === 'tap-ended')).toHaveLength(1);
    expect(forged.filter((f) => f.received.length > 0).length).toBe(0);

    // Broadcasts reach the open channels only: the first 16, ours among them.
    bridge.send({ kind: 'tap-ended', subscriptionId: 'all', reason: 'x' });
    await tick();
    expect(real.received.filter((m) => m.kind === 'tap-ended')).toHaveLength(2);
    expect(forged.filter((f) => f.received.length > 0).length).toBe(15);
    for (const c of [real, ...forged]) c.port.close();
  });
});

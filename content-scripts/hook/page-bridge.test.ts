// The hook's end of the bridge under forged traffic: wrong nonces, foreign sources and junk reach no handler.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { wrap } from '../bridge/protocol';

type Listener = (e: { source: unknown; data: unknown }) => void;
const listeners: Listener[] = [];
const posted: unknown[] = [];

beforeAll(() => {
  vi.stubGlobal('addEventListener', (_type: string, l: Listener) => listeners.push(l));
  vi.stubGlobal('postMessage', (m: unknown) => posted.push(m));
});
afterAll(() => vi.unstubAllGlobals());

describe('PageBridge', () => {
  it('hands on only messages from a channel that said hello, from this window, and never throws', async () => {
    vi.resetModules();
    const { PageBridge } = await import('./page-bridge');
    const requests: { nonce: string }[] = [];
    const hellos: string[] = [];
    const bridge = new PageBridge(
      (m) => requests.push(m),
      (nonce) => hellos.push(nonce),
    );
    bridge.start();
    const deliver = (data: unknown, source: unknown = globalThis): void => {
      for (const l of listeners) l({ source, data });
    };
    const nonce = 'a'.repeat(32);
    deliver(wrap('content', { kind: 'hello', nonce }));
    expect(hellos).toEqual([nonce]);
    fc.assert(
      fc.property(fc.anything(), fc.string({ minLength: 16, maxLength: 40 }), (junk, forged) => {
        deliver(junk);
        deliver({
          ns: 'literate',
          v: 1,
          from: 'content',
          kind: 'describe',
          nonce: forged,
          requestId: 'r',
          modelId: 'm1',
        });
        deliver(wrap('content', { kind: 'describe', nonce, requestId: 'r', modelId: 'm1' }), {});
      }),
      { numRuns: 3000 },
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
    expect(requests).toEqual([]);
    deliver(wrap('content', { kind: 'describe', nonce, requestId: 'r', modelId: 'm1' }));
    expect(requests.map((r) => r.nonce)).toEqual([nonce]);
  });

  it('keeps the first channels when a page floods forged hellos, and replies only on the asking channel', async () => {
    vi.resetModules();
    const { PageBridge } = await import('./page-bridge');
    const requests: { nonce: string }[] = [];
    const bridge = new PageBridge(
      (m) => requests.push(m),
      () => undefined,
    );
    bridge.start();
    const deliver = (data: unknown): void => {
      for (const l of listeners) l({ source: globalThis, data });
    };
    const real = 'r'.repeat(32);
    deliver(wrap('content', { kind: 'hello', nonce: real }));
    for (let i = 0; i < 1000; i++)
      deliver(wrap('content', { kind: 'hello', nonce: `forged-${i}`.padEnd(16, '.') }));
    deliver(wrap('content', { kind: 'describe', nonce: real, requestId: 'r', modelId: 'm1' }));
    deliver(
      wrap('content', {
        kind: 'describe',
        nonce: 'forged-999'.padEnd(16, '.'),
        requestId: 'r',
        modelId: 'm1',
      }),
    );
    expect(requests.map((r) => r.nonce)).toEqual([real]);
    posted.length = 0;
    bridge.send({ kind: 'tap-ended', subscriptionId: 's', reason: 'x' }, [], real);
    bridge.send({ kind: 'tap-ended', subscriptionId: 's', reason: 'x' }, [], 'never said hello');
    expect(posted).toHaveLength(1);
    expect((posted[0] as { nonce: string }).nonce).toBe(real);
  });
});

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
  it('hands on only messages with the current nonce from this window, and never throws', async () => {
    vi.resetModules();
    const { PageBridge } = await import('./page-bridge');
    const requests: unknown[] = [];
    let hellos = 0;
    const bridge = new PageBridge(
      (m) => requests.push(m),
      () => hellos++,
    );
    bridge.start();
    const deliver = (data: unknown, source: unknown = globalThis): void => {
      for (const l of listeners) l({ source, data });
    };
    const nonce = 'a'.repeat(32);
    deliver(wrap('content', { kind: 'hello', nonce }));
    expect(hellos).toBe(1);
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
    expect(requests).toHaveLength(1);
    expect(hellos).toBe(1);
  });
});

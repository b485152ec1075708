import { describe, expect, it } from 'vitest';
import { answeringFailure, loggingFailure, routeMessage, type Routes } from './routes';
import { admits, classifySender, type Sender } from './senders';

const SELF = { id: 'ext', origin: 'chrome-extension://ext/' };
const CONTENT: Sender = { kind: 'content-script', tabId: 4, frameId: 2, url: 'http://127.0.0.1/page' };
const PAGE: Sender = { kind: 'extension-page', url: 'chrome-extension://ext/popup.html', tabId: null };

describe('classifySender', () => {
  it('tells content scripts, extension pages and others apart', () => {
    expect(
      classifySender({ id: 'ext', tab: { id: 4 }, frameId: 2, url: 'http://127.0.0.1/page' }, SELF),
    ).toEqual(CONTENT);
    expect(classifySender({ id: 'ext', tab: { id: 4 }, url: 'http://127.0.0.1/' }, SELF)).toMatchObject({
      kind: 'content-script',
      frameId: 0,
    });
    expect(classifySender({ id: 'ext', url: 'chrome-extension://ext/popup.html' }, SELF)).toEqual(PAGE);
    // The options page shown in a tab is still an extension page.
    expect(
      classifySender(
        { id: 'ext', tab: { id: 9 }, frameId: 0, url: 'chrome-extension://ext/options.html' },
        SELF,
      ),
    ).toEqual({ kind: 'extension-page', url: 'chrome-extension://ext/options.html', tabId: 9 });
    expect(classifySender({ id: 'other', tab: { id: 4 }, url: 'http://127.0.0.1/' }, SELF)).toEqual({
      kind: 'unknown',
    });
    expect(classifySender({ id: 'other', url: 'chrome-extension://ext/popup.html' }, SELF).kind).toBe(
      'unknown',
    );
    expect(classifySender({ id: 'ext' }, SELF).kind).toBe('unknown');
  });

  it('admits a sender by kind', () => {
    expect(admits('content-script', CONTENT)).toBe(true);
    expect(admits('content-script', PAGE)).toBe(false);
    expect(admits('extension-page', CONTENT)).toBe(false);
    expect(admits('any', { kind: 'unknown' })).toBe(true);
  });
});

/** A table whose handlers record what they were given. */
function table(seen: [string, Sender][]): Routes {
  const handle = (type: string) => (_request: unknown, sender: Sender) => {
    seen.push([type, sender]);
    return { ok: true } as never;
  };
  const routes: Record<string, { from: string; handle: unknown }> = {};
  for (const type of ['frame-state', 'get-tab-state', 'draft-list', 'get-packs-admin', 'sync-sites'])
    routes[type] = {
      from: type === 'frame-state' || type === 'draft-list' ? 'content-script' : 'extension-page',
      handle: handle(type),
    };
  return routes as unknown as Routes;
}

describe('routeMessage', () => {
  it('hands a valid message to its route with the classified sender', async () => {
    const seen: [string, Sender][] = [];
    await routeMessage(table(seen), { type: 'draft-list' }, CONTENT);
    await routeMessage(table(seen), { type: 'get-tab-state', tabId: 1 }, PAGE);
    expect(seen).toEqual([
      ['draft-list', CONTENT],
      ['get-tab-state', PAGE],
    ]);
  });

  it('answers nothing to an invalid message or a sender the route does not admit', () => {
    const seen: [string, Sender][] = [];
    const routes = table(seen);
    expect(routeMessage(routes, { type: 'nope' }, PAGE)).toBeUndefined();
    expect(routeMessage(routes, { type: 'get-tab-state', tabId: 'x' }, PAGE)).toBeUndefined();
    expect(routeMessage(routes, { type: 'get-tab-state', tabId: 1 }, CONTENT)).toBeUndefined();
    expect(routeMessage(routes, { type: 'get-packs-admin' }, CONTENT)).toBeUndefined();
    expect(
      routeMessage(routes, { type: 'frame-state', session: 'abcdef0123', snapshot: null }, CONTENT),
    ).toBeUndefined();
    expect(routeMessage(routes, { type: 'draft-list' }, PAGE)).toBeUndefined();
    expect(routeMessage(routes, { type: 'draft-list' }, { kind: 'unknown' })).toBeUndefined();
    expect(seen).toEqual([]);
  });

  it('waits for the worker state before a handler runs', async () => {
    const seen: [string, Sender][] = [];
    let restore!: () => void;
    const ready = new Promise<void>((resolve) => (restore = resolve));
    const answer = routeMessage(table(seen), { type: 'sync-sites' }, PAGE, ready);
    await Promise.resolve();
    expect(seen).toEqual([]);
    restore();
    expect(await answer).toEqual({ ok: true });
    expect(seen).toHaveLength(1);
  });

  it('answers a failure where the reply can say so, and rejects otherwise, logging both', async () => {
    const logged: unknown[] = [];
    const boom = async (): Promise<{ ok: true }> => {
      throw new Error('disk full');
    };
    const answering = answeringFailure((e) => (logged.push(e), { ok: false, reason: String(e) }), boom);
    expect(await answering(undefined, undefined)).toEqual({ ok: false, reason: 'Error: disk full' });
    const rejecting = loggingFailure((e) => void logged.push(e), boom);
    await expect(rejecting(undefined, undefined)).rejects.toThrow('disk full');
    expect(logged).toHaveLength(2);
  });
});

import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  parseRuntimeMessage,
  type BackgroundRpc,
  type ContentScriptRpc,
  type ExtensionPageRpc,
  type RuntimeMessage,
  type RuntimeMessageType,
} from './background-rpc';
import type { ConsentView, ExportResult, PacksAdminView, ShareLinkResult } from './packs-messages';
import type { FramePacks, TabPacksView } from './packs';
import { rpcSender, type RpcReply, type RpcSend } from './rpc';
import type { TabState } from './runtime';

const SESSION = '0123456789abcdef';
const SNAPSHOT = { frameUrl: 'http://127.0.0.1:8080/', engines: [], models: [] };

describe('parseRuntimeMessage', () => {
  it('accepts a valid message of every area', () => {
    expect(parseRuntimeMessage({ type: 'frame-state', session: SESSION, snapshot: SNAPSHOT })).toEqual({
      type: 'frame-state',
      session: SESSION,
      snapshot: SNAPSHOT,
    });
    expect(parseRuntimeMessage({ type: 'get-tab-state', tabId: 3 })).toEqual({
      type: 'get-tab-state',
      tabId: 3,
    });
    expect(
      parseRuntimeMessage({ type: 'overlay-status', status: { packKey: 'k', orphans: 0, anchored: 2 } }),
    ).toEqual({ type: 'overlay-status', status: { packKey: 'k', orphans: 0, anchored: 2, step: null } });
    expect(parseRuntimeMessage({ type: 'draft-list' })).toEqual({ type: 'draft-list' });
    expect(parseRuntimeMessage({ type: 'site-prefs-set', patch: { launcher: { x: 1 } } })).toEqual({
      type: 'site-prefs-set',
      patch: { launcher: { x: 1 } },
    });
    expect(parseRuntimeMessage({ type: 'choose-pack', tabId: 1, packKey: null })).toEqual({
      type: 'choose-pack',
      tabId: 1,
      packKey: null,
    });
  });

  it('keeps only the fields it knows', () => {
    expect(parseRuntimeMessage({ type: 'get-packs-admin', extra: 'x' })).toEqual({ type: 'get-packs-admin' });
    expect(parseRuntimeMessage({ type: 'remove-pack', packKey: 'a', tabId: 9 })).toEqual({
      type: 'remove-pack',
      packKey: 'a',
    });
  });

  it('answers null for an unknown type or no message', () => {
    for (const v of [
      { type: 'nope' },
      { type: 'toggle-overlay' }, // background → content, never to the background
      { type: '__proto__' },
      { type: 'constructor' },
      { type: ['frame-state'] },
      {},
      null,
      undefined,
      'get-tab-state',
      42,
      [{ type: 'get-packs-admin' }],
    ])
      expect(parseRuntimeMessage(v)).toBeNull();
  });

  it('answers null for a known type with bad fields', () => {
    for (const v of [
      { type: 'frame-state', session: 'not hex', snapshot: SNAPSHOT },
      { type: 'frame-state', session: SESSION, snapshot: null },
      { type: 'get-tab-state', tabId: -1 },
      { type: 'get-tab-state', tabId: 1.5 },
      { type: 'get-tab-state', tabId: '1' },
      { type: 'load-overlay-chunk', file: 'background.js' },
      { type: 'share-link', session: SESSION, fragment: 7 },
      { type: 'frame-packs', session: SESSION, frameUrl: 'http://a/', graphs: 'all' },
      { type: 'overlay-status', status: { packKey: 'k', orphans: -1, anchored: 0 } },
      { type: 'save-pack-edit', packKey: 'k' },
      { type: 'draft-delete', id: 5 },
      { type: 'settings-set', patch: 'all' },
      { type: 'site-prefs-set', patch: { trust: ['https://evil.example'] } },
      { type: 'draft-save', draft: { id: '../x', title: '', text: '' } },
      { type: 'choose-pack', tabId: 1, packKey: 3 },
      { type: 'set-pack-enabled', packKey: 'k', enabled: 'yes' },
      { type: 'add-source', kind: 'file', url: 'https://a/' },
      { type: 'update-sources' },
      { type: 'consent-answer', id: 'x', accept: true },
      { type: 'untrust-origin', origin: 'x'.repeat(5000) },
    ])
      expect(parseRuntimeMessage(v), JSON.stringify(v).slice(0, 80)).toBeNull();
  });
});

/** One valid message of every type the background answers: a type missing here, or from the parser, fails. */
const SAMPLES: { [K in RuntimeMessageType]: Extract<RuntimeMessage, { type: K }> } = {
  'frame-state': { type: 'frame-state', session: SESSION, snapshot: SNAPSHOT },
  'load-overlay': { type: 'load-overlay' },
  'load-overlay-chunk': { type: 'load-overlay-chunk', file: 'overlay-app.js' },
  'get-tab-state': { type: 'get-tab-state', tabId: 1 },
  'share-link': { type: 'share-link', session: SESSION, fragment: '#literate=x' },
  'share-link-gesture': { type: 'share-link-gesture', session: SESSION },
  'frame-packs': { type: 'frame-packs', session: SESSION, frameUrl: 'http://a/', graphs: null },
  'overlay-status': { type: 'overlay-status', status: { packKey: 'k', orphans: 0, anchored: 1, step: null } },
  'save-pack-edit': { type: 'save-pack-edit', packKey: 'k', text: '{}' },
  'draft-save': { type: 'draft-save', draft: { id: 'd1', title: 't', text: '{}', basedOn: null } },
  'draft-list': { type: 'draft-list' },
  'draft-delete': { type: 'draft-delete', id: 'd1' },
  'settings-get': { type: 'settings-get' },
  'settings-set': { type: 'settings-set', patch: { theme: 'dark' } },
  'site-prefs-get': { type: 'site-prefs-get' },
  'site-prefs-set': { type: 'site-prefs-set', patch: { panel: { x: 1 } } },
  'get-tab-packs': { type: 'get-tab-packs', tabId: 1 },
  'choose-pack': { type: 'choose-pack', tabId: 1, packKey: 'k' },
  'set-pack-enabled': { type: 'set-pack-enabled', packKey: 'k', enabled: false },
  'open-overlay': { type: 'open-overlay', tabId: 1 },
  'share-link-for-tab': { type: 'share-link-for-tab', tabId: 1 },
  'review-link': { type: 'review-link', tabId: 1 },
  'get-packs-admin': { type: 'get-packs-admin' },
  'add-source': { type: 'add-source', kind: 'url', url: 'https://a/p.json' },
  'update-sources': { type: 'update-sources', sourceId: null },
  'remove-source': { type: 'remove-source', sourceId: 's' },
  'remove-pack': { type: 'remove-pack', packKey: 'k' },
  'import-pack': { type: 'import-pack', name: 'p.json', text: '{}' },
  'export-pack': { type: 'export-pack', packKey: 'k' },
  'get-diagnostics': { type: 'get-diagnostics' },
  'consent-get': { type: 'consent-get', id: 'c1' },
  'consent-answer': { type: 'consent-answer', id: 'c1', accept: true, trustOrigin: false, wholeOrigin: true },
  'untrust-origin': { type: 'untrust-origin', origin: 'https://a' },
  'edit-get': { type: 'edit-get', id: 'e1' },
  'edit-answer': { type: 'edit-answer', id: 'e1', accept: false },
  'sync-sites': { type: 'sync-sites' },
};

describe('every message type', () => {
  it('has a validator in parseRuntimeMessage', () => {
    for (const [type, sample] of Object.entries(SAMPLES))
      expect(parseRuntimeMessage(sample), type).toEqual(sample);
  });
});

describe('typed replies', () => {
  it('derives each reply type from the request type', () => {
    expectTypeOf<RpcReply<BackgroundRpc, 'get-tab-state'>>().toEqualTypeOf<TabState>();
    expectTypeOf<RpcReply<BackgroundRpc, 'frame-packs'>>().toEqualTypeOf<FramePacks>();
    expectTypeOf<RpcReply<BackgroundRpc, 'get-tab-packs'>>().toEqualTypeOf<TabPacksView>();
    expectTypeOf<RpcReply<BackgroundRpc, 'get-packs-admin'>>().toEqualTypeOf<PacksAdminView>();
    expectTypeOf<RpcReply<BackgroundRpc, 'consent-get'>>().toEqualTypeOf<ConsentView | null>();
    expectTypeOf<RpcReply<BackgroundRpc, 'export-pack'>>().toEqualTypeOf<ExportResult>();
    expectTypeOf<RpcReply<BackgroundRpc, 'load-overlay-chunk'>>().toEqualTypeOf<{ ok: boolean }>();
  });

  it('gives a sender the reply of the request it sends, with no cast at the caller', async () => {
    const sent: unknown[] = [];
    const ask: RpcSend<ExtensionPageRpc> = rpcSender<ExtensionPageRpc>(async (request) => {
      sent.push(request);
      return { ok: true, link: 'https://example.org/#literate=x' };
    });
    const reply = ask({ type: 'share-link-for-tab', tabId: 4 });
    expectTypeOf(reply).toEqualTypeOf<Promise<ShareLinkResult | undefined>>();
    expectTypeOf(ask({ type: 'get-tab-state', tabId: 4 })).toEqualTypeOf<Promise<TabState | undefined>>();
    expect(await reply).toEqual({ ok: true, link: 'https://example.org/#literate=x' });
    expect(sent[0]).toEqual({ type: 'share-link-for-tab', tabId: 4 });

    const fromContent: RpcSend<ContentScriptRpc> = rpcSender<ContentScriptRpc>(async () => undefined);
    expectTypeOf(fromContent({ type: 'draft-list' })).resolves.toEqualTypeOf<
      RpcReply<ContentScriptRpc, 'draft-list'> | undefined
    >();
    // A request of another direction, or with a bad field, does not compile.
    // @ts-expect-error content scripts cannot ask for the pack store
    void fromContent({ type: 'get-packs-admin' });
    // @ts-expect-error tabId is a number
    void ask({ type: 'get-tab-state', tabId: '4' });
  });
});

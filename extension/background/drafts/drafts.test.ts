import { describe, expect, it } from 'vitest';
import { MemoryArea } from '../packs/kv';
import { parseDraftRequest } from '../../../protocol/drafts';
import { handleDraftRequest } from './messages';
import { DRAFTS_KEY, DRAFTS_SCHEMA, MAX_DRAFTS, MAX_DRAFTS_PER_PAGE, migrateDrafts } from './schema';
import { DraftStore } from './store';

const PAGE = 'http://127.0.0.1:8080/demos/draw-shapes/';
const draft = (id: string, text = '{"title":"x"}') => ({ id, title: `Draft ${id}`, text, basedOn: null });

describe('drafts store', () => {
  it('saves, replaces by id, lists per page (newest first) and deletes', async () => {
    let t = 1000;
    const store = new DraftStore(new MemoryArea(), () => t++);
    await store.save({ ...draft('d1'), page: PAGE });
    await store.save({ ...draft('d2'), page: PAGE });
    await store.save({ ...draft('d1', '{"title":"y"}'), page: PAGE });
    await store.save({ ...draft('d3'), page: 'http://other/' });
    const list = await store.list(PAGE);
    expect(list.map((d) => [d.id, d.text])).toEqual([
      ['d1', '{"title":"y"}'],
      ['d2', '{"title":"x"}'],
    ]);
    expect(await store.delete('d3', PAGE)).toEqual({ ok: false });
    expect(await store.delete('d2', PAGE)).toEqual({ ok: true });
    expect((await store.list(PAGE)).map((d) => d.id)).toEqual(['d1']);
  });

  it('a draft survives an extension update: a new worker with a new store reads what the old one wrote', async () => {
    const area = new MemoryArea();
    await new DraftStore(area).save({ ...draft('d1'), page: PAGE });
    const stored = area.snapshot()[DRAFTS_KEY] as { schema: number };
    expect(stored.schema).toBe(DRAFTS_SCHEMA);
    const after = new DraftStore(area);
    expect((await after.list(PAGE))[0]).toMatchObject({ id: 'd1', title: 'Draft d1', page: PAGE });
  });

  it('migrates: nothing stored → empty; damaged entries dropped one by one; a newer schema kept read-only', async () => {
    expect(migrateDrafts(undefined)).toEqual({ drafts: [], readOnly: false, notes: [] });
    const damaged = migrateDrafts({
      schema: 1,
      drafts: [{ id: 'ok1', page: PAGE, title: 't', text: '{}', basedOn: null, savedAt: 5 }, { id: 7 }, 'x'],
    });
    expect(damaged.drafts.map((d) => d.id)).toEqual(['ok1']);
    expect(damaged.notes).toEqual(['dropped a damaged draft entry', 'dropped a damaged draft entry']);
    expect(migrateDrafts('garbage').notes[0]).toMatch(/not an object/);

    const newer = {
      schema: DRAFTS_SCHEMA + 1,
      drafts: [{ id: 'n1', page: PAGE, title: '', text: '{}', savedAt: 1 }],
    };
    const area = new MemoryArea({ [DRAFTS_KEY]: newer });
    const store = new DraftStore(area);
    expect((await store.list(PAGE)).map((d) => d.id)).toEqual(['n1']);
    expect(await store.save({ ...draft('d9'), page: PAGE })).toMatchObject({
      ok: false,
      reason: /newer Literate/,
    });
    expect(area.snapshot()[DRAFTS_KEY]).toEqual(newer);
  });

  it('keeps the last good save when a write fails', async () => {
    const area = new MemoryArea();
    let t = 0;
    const store = new DraftStore(area, () => ++t);
    await store.save({ ...draft('d0'), page: PAGE });
    area.failNextSet = new Error('quota');
    await expect(store.save({ ...draft('d0', '{"lost":1}'), page: PAGE })).rejects.toThrow('quota');
    expect((await store.list(PAGE))[0]?.text).toBe('{"title":"x"}');
  });

  it('caps drafts per page by refusing new ones: no page evicts another page’s drafts (issue 15)', async () => {
    const area = new MemoryArea();
    let t = 0;
    const store = new DraftStore(area, () => ++t);
    const OTHER = 'http://127.0.0.1:8080/demos/other/';
    await store.save({ ...draft('mine'), page: OTHER });
    const results = [];
    for (let i = 0; i < 31; i++) results.push(await store.save({ ...draft(`p${i}`), page: PAGE }));
    expect(results.filter((r) => r.ok)).toHaveLength(MAX_DRAFTS_PER_PAGE);
    expect(results.at(-1)).toMatchObject({ ok: false, reason: /already has 10 drafts/ });
    expect((await store.list(OTHER)).map((d) => d.id)).toEqual(['mine']);
    // The page's first drafts are kept (refused, not evicted), and an existing draft still saves when full.
    expect((await store.list(PAGE)).map((d) => d.id)).toContain('p0');
    expect(await store.save({ ...draft('p0', '{"title":"again"}'), page: PAGE })).toMatchObject({ ok: true });
    // An id of another page's draft is refused: no page overwrites (or moves) another page's draft.
    expect(await store.save({ ...draft('mine', '{"evil":1}'), page: PAGE })).toMatchObject({ ok: false });
    expect((await store.list(OTHER))[0]?.text).toBe('{"title":"x"}');
  });

  it('refuses a new draft once MAX_DRAFTS are kept in all, keeping every stored one', async () => {
    const drafts = Array.from({ length: MAX_DRAFTS }, (_, i) => ({
      ...draft(`k${i}`),
      page: `http://site${i}.example/`,
      savedAt: i + 1,
    }));
    const area = new MemoryArea({ [DRAFTS_KEY]: { schema: DRAFTS_SCHEMA, drafts } });
    const store = new DraftStore(area, () => 10_000);
    expect(await store.save({ ...draft('new'), page: PAGE })).toMatchObject({
      ok: false,
      reason: /100 drafts/,
    });
    expect((area.snapshot()[DRAFTS_KEY] as { drafts: unknown[] }).drafts).toHaveLength(MAX_DRAFTS);
    expect(await store.save({ ...draft('k3', '{"v":2}'), page: 'http://site3.example/' })).toMatchObject({
      ok: true,
    });
  });
});

describe('draft messages', () => {
  it('validates requests and scopes every answer to the sender page', async () => {
    expect(parseDraftRequest({ type: 'draft-save', draft: { id: '../x', title: '', text: '' } })).toBeNull();
    expect(parseDraftRequest({ type: 'draft-delete', id: 5 })).toBeNull();
    expect(parseDraftRequest({ type: 'nope' })).toBeNull();
    const save = parseDraftRequest({ type: 'draft-save', draft: { ...draft('d1'), page: 'http://evil/' } });
    expect(save).toEqual({ type: 'draft-save', draft: draft('d1') });
    const store = new DraftStore(new MemoryArea());
    if (!save) throw new Error('unreachable');
    await handleDraftRequest(save, `${PAGE}index.html?q=1#literate=x`, store);
    const mine = await handleDraftRequest({ type: 'draft-list' }, `${PAGE}index.html#other`, store);
    expect(mine).toMatchObject({ ok: true, drafts: [{ id: 'd1', page: `${PAGE}index.html` }] });
    const theirs = await handleDraftRequest({ type: 'draft-list' }, 'http://elsewhere/', store);
    expect(theirs).toEqual({ ok: true, drafts: [] });
    expect(await handleDraftRequest({ type: 'draft-list' }, null, store)).toMatchObject({ ok: false });
  });
});

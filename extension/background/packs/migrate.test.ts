import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { migrate, RECOVERED_SOURCE_ID } from './migrate';
import { SCHEMA_VERSION } from './schema';

const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8')) as Record<
    string,
    unknown
  >;

describe('migrate', () => {
  it('starts an empty store from a fresh install (v0)', () => {
    const result = migrate(fixture('v0-fresh'));
    expect(result.from).toBe(0);
    expect(result.readOnly).toBe(false);
    expect(result.state).toEqual({ sources: [], packs: [], trust: { origins: [] } });
    expect(result.set.schema).toBe(SCHEMA_VERSION);
    expect(result.remove).toEqual([]);
  });

  it('keeps keys it does not own when migrating from v0', () => {
    const result = migrate(fixture('v0-prerelease'));
    expect(result.from).toBe(0);
    expect(Object.keys(result.set).sort()).toEqual(['packs', 'schema', 'sources', 'trust']);
    expect(result.remove).not.toContain('settings');
    expect(result.remove).not.toContain('someoneElsesKey');
  });

  it('repairs a damaged v1 store without losing the reader’s own pack', () => {
    const result = migrate(fixture('v1-damaged'));
    expect(result.from).toBe(1);
    const mine = result.state.packs.find((p) => p.packId === 'mine');
    expect(mine).toMatchObject({ key: 'files:mine', sourceId: 'files', enabled: false, title: 'My pack' });
    // The remote source keeps its validators and problem; its duplicate and the damaged entries go.
    expect(result.state.sources.map((s) => s.id)).toEqual(['files', 's1', RECOVERED_SOURCE_ID]);
    expect(result.state.sources[1]).toMatchObject({
      http: { etag: '"v1"' },
      problems: [{ reason: 'HTTP 500' }],
    });
    // A pack whose source entry was lost is kept as a recovered pack.
    expect(result.state.packs.find((p) => p.packId === 'orphan')).toMatchObject({
      sourceId: RECOVERED_SOURCE_ID,
      key: `${RECOVERED_SOURCE_ID}:orphan`,
    });
    // A record whose text is gone cannot be used; it is dropped with a note.
    expect(result.state.packs.some((p) => p.packId === 'lost')).toBe(false);
    expect(result.notes.join('\n')).toMatch(/Text lost: its text is missing/);
    expect(result.state.trust.origins).toEqual(['https://packs.example.org']);
    // Only the unreferenced text is removed.
    expect(result.remove).toEqual(['text:' + '5'.repeat(64)]);
  });

  it('is idempotent: migrating its own output changes nothing', () => {
    const first = migrate(fixture('v1-damaged'));
    const texts = Object.fromEntries(
      Object.entries(fixture('v1-damaged')).filter(
        ([k]) => k.startsWith('text:') && !first.remove.includes(k),
      ),
    );
    const second = migrate({ ...first.set, ...texts });
    expect(second.state).toEqual(first.state);
    expect(second.remove).toEqual([]);
    expect(second.notes).toEqual([]);
  });

  it('reads storage from a newer Literate but writes nothing', () => {
    const result = migrate(fixture('v2-future'));
    expect(result.readOnly).toBe(true);
    expect(result.set).toEqual({});
    expect(result.remove).toEqual([]);
    expect(result.state.sources.map((s) => s.id)).toEqual(['files']);
  });

  it('never throws on garbage', () => {
    for (const items of [
      { schema: 'x' },
      { schema: -1, sources: 'no' },
      { packs: [null, 1, 'x'] },
      { trust: [] },
    ]) {
      expect(() => migrate(items)).not.toThrow();
    }
  });
});

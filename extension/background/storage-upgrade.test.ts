// Updating from 0.1.0: storage.local exactly as Literate 0.1.0 wrote it (fixtures/storage-0.1.0.json, made by that
// release's own code) is read by this version without losing a pack, a switch, a trust decision, a draft, a setting
// or a site's layout, and the schema migrations (packs/migrate.ts, drafts/schema.ts) find nothing to repair.

import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validatePackText } from '../../annotations/format/validate';
import { parsePanelPrefs } from '../../content-scripts/overlay/panel/placement';
import { parsePosition } from '../../content-scripts/overlay/launcher/position';
import { sitePrefsKey } from '../../protocol/prefs-messages';
import { normalizeSettings } from '../settings/settings';
import { DRAFTS_KEY, migrateDrafts } from './drafts/schema';
import { DraftStore } from './drafts/store';
import { MemoryArea } from './packs/kv';
import { migrate } from './packs/migrate';
import { KEYS, SCHEMA_VERSION, TEXT_PREFIX } from './packs/schema';
import { PackService } from './packs/service';

const stored = JSON.parse(
  readFileSync(new URL('./fixtures/storage-0.1.0.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;
const PAGE = 'http://127.0.0.1:8321/demos/draw-shapes/';

/** The packs this version ships, read as the background reads them from the build (index.json made by the build). */
async function shippedNow(path: string): Promise<string | null> {
  const dir = new URL('../../annotations/packs/', import.meta.url);
  if (path === 'packs/index.json') {
    const packs = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'index.json');
    return JSON.stringify({ packs: packs.sort() });
  }
  return readFileSync(new URL(path.replace(/^packs\//, ''), dir), 'utf8');
}

describe('storage written by 0.1.0', () => {
  it('is at the pack schema this version reads, and migrating it repairs and removes nothing', () => {
    const result = migrate(stored);
    expect(result.from).toBe(1);
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(1);
    expect(result.readOnly).toBe(false);
    expect(result.notes).toEqual([]);
    expect(result.remove).toEqual([]);
    expect(result.set[KEYS.packs]).toEqual(stored[KEYS.packs]);
    expect(result.set[KEYS.sources]).toEqual(stored[KEYS.sources]);
    expect(result.set[KEYS.trust]).toEqual({ origins: ['https://packs.example.org'] });
  });

  it('every stored pack text is still a valid pack for this version', () => {
    const texts = Object.entries(stored).filter(([k]) => k.startsWith(TEXT_PREFIX));
    expect(texts).toHaveLength(3);
    for (const [key, text] of texts) expect(validatePackText(text as string).ok, key).toBe(true);
  });

  it('the pack service lists the same packs, with the reader’s switch kept through a shipped-pack update', async () => {
    const area = new MemoryArea(stored);
    const service = new PackService({ area });
    const keys = async () => (await service.usable()).map((u) => [u.record.key, u.record.enabled]).sort();
    const before = await keys();
    expect(before).toEqual([
      ['files:my-notes', true],
      ['shipped:literate-gallery-decision-regions', false],
      ['shipped:literate-gallery-draw-shapes', true],
    ]);
    // The update: this version's shipped packs are installed over 0.1.0's (onInstalled, reason "update").
    await service.installShipped('0.2.0', shippedNow, true);
    const after = new Map((await service.usable()).map((u) => [u.record.key, u.record.enabled]));
    expect(after.get('files:my-notes')).toBe(true);
    expect(after.get('shipped:literate-gallery-draw-shapes')).toBe(true);
    expect(after.get('shipped:literate-gallery-decision-regions')).toBe(false);
    expect((await service.store()).source('shipped')?.version).toBe('0.2.0');
  });

  it('keeps the draft, the settings and the site’s layout', async () => {
    const drafts = migrateDrafts(stored[DRAFTS_KEY]);
    expect(drafts).toMatchObject({ readOnly: false, notes: [] });
    const store = new DraftStore(new MemoryArea(stored));
    expect((await store.list(PAGE)).map((d) => [d.id, d.title])).toEqual([['d0123abcd', 'Unfinished notes']]);
    expect(normalizeSettings(stored.settings)).toEqual(stored.settings);
    const site = stored[sitePrefsKey('http://127.0.0.1:8321')] as { launcher: unknown; panel: unknown };
    expect(parsePanelPrefs(site.panel)).toEqual({ side: 'left', width: 420 });
    expect(parsePosition(site.launcher)).toEqual({ right: 24, bottom: 96 });
  });
});

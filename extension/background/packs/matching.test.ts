import { describe, expect, it } from 'vitest';
import type { Pack } from '../../../annotations/format/types';
import { chooseActive, languageRank, offersFor, provenanceOf } from './matching';
import type { PackRecord, Source } from './schema';
import type { UsablePack } from './store';
import { makeGraph, makePack } from './testing';

const source: Source = {
  id: 's1',
  kind: 'url',
  url: 'https://packs.example.org/a.json',
  label: 'A',
  addedAt: 0,
  problems: [],
};

function usable(pack: Pack, extra: Partial<PackRecord> = {}): UsablePack {
  const record: PackRecord = {
    key: `s1:${pack.id}`,
    sourceId: 's1',
    url: 'https://packs.example.org/a.json',
    sha256: '0'.repeat(64),
    packId: pack.id,
    title: pack.title,
    version: pack.version,
    authors: pack.authors,
    license: pack.license,
    pages: pack.targets.pages,
    enabled: true,
    fetchedAt: 0,
    ...extra,
  };
  return { record, source, pack };
}

const PAGE = 'http://127.0.0.1:8080/demo/index.html';
const byFingerprint = makePack({
  id: 'fp',
  title: 'By fingerprint',
  targets: { pages: ['http://127.0.0.1:*/demo/*'], models: [{ alias: 'm', fingerprint: 'a'.repeat(64) }] },
});
const otherModel = makePack({
  id: 'other',
  title: 'Other model',
  targets: {
    pages: ['http://127.0.0.1:*/demo/*'],
    models: [{ alias: 'm', fingerprint: 'b'.repeat(64), url: 'https://x/*' }],
  },
});
const otherPage = makePack({
  id: 'elsewhere',
  targets: { pages: ['https://example.org/*'], models: [{ alias: 'm' }] },
});

describe('offersFor', () => {
  it('offers only packs whose pages match, before the models are described', () => {
    const offers = offersFor([usable(byFingerprint), usable(otherPage)], PAGE, null);
    expect(offers.map((o) => o.key)).toEqual(['s1:fp']);
    expect(offers[0]).toMatchObject({ pageMatched: true, match: null, score: 0, steps: 2 });
  });

  it('binds models by fingerprint and ranks the complete match first', () => {
    const offers = offersFor([usable(otherModel), usable(byFingerprint)], PAGE, [makeGraph()]);
    expect(offers.map((o) => o.key)).toEqual(['s1:fp', 's1:other']);
    expect(offers[0]?.match?.complete).toBe(true);
    expect(offers[0]?.match?.bindings[0]).toMatchObject({ graphId: 'm1', evidence: 'fingerprint' });
    expect(offers[1]?.match?.complete).toBe(false);
  });

  it('offers a linked pack on a page it does not list', () => {
    const offers = offersFor([usable(otherPage)], PAGE, [makeGraph()], new Set(['s1:elsewhere']));
    expect(offers).toHaveLength(1);
    expect(offers[0]).toMatchObject({ linked: true, pageMatched: false });
  });

  it('ignores the URL fragment and query-insensitive parts as the URL glob says', () => {
    expect(offersFor([usable(byFingerprint)], `${PAGE}#literate=x`, null)).toHaveLength(1);
    expect(offersFor([usable(byFingerprint)], 'http://127.0.0.1:8080/other/', null)).toHaveLength(0);
  });
});

describe('chooseActive', () => {
  const graphs = [makeGraph()];
  it('picks the best complete, enabled match', () => {
    const offers = offersFor([usable(otherModel), usable(byFingerprint)], PAGE, graphs);
    expect(chooseActive(offers, null)).toBe('s1:fp');
  });

  it('never picks a pack the reader switched off, even when chosen', () => {
    const offers = offersFor([usable(byFingerprint, { enabled: false })], PAGE, graphs);
    expect(chooseActive(offers, 's1:fp')).toBeNull();
  });

  it('prefers the reader’s choice, then a linked pack', () => {
    const offers = offersFor(
      [usable(otherModel), usable(byFingerprint)],
      PAGE,
      graphs,
      new Set(['s1:other']),
    );
    expect(chooseActive(offers, null)).toBe('s1:other');
    expect(chooseActive(offers, 's1:fp')).toBe('s1:fp');
  });

  it('shows nothing when no pack binds completely', () => {
    const offers = offersFor([usable(otherModel)], PAGE, graphs);
    expect(chooseActive(offers, null)).toBeNull();
  });
});

describe('provenanceOf', () => {
  it('names the origin for web sources only', () => {
    const u = usable(byFingerprint);
    expect(provenanceOf(u.record, u.source)).toMatchObject({
      origin: 'https://packs.example.org',
      sourceKind: 'url',
    });
    const file: Source = { id: 'files', kind: 'file', label: 'Imported files', addedAt: 0, problems: [] };
    expect(provenanceOf({ ...u.record, url: 'mine.json' }, file)).toMatchObject({
      origin: null,
      url: 'mine.json',
    });
  });
});

describe("the reader's language", () => {
  it('ranks the same tag over the same language over another, earlier reader languages first', () => {
    expect(languageRank('fr', ['fr', 'en'])).toBeGreaterThan(languageRank('en', ['fr', 'en']));
    expect(languageRank('pt-BR', ['pt-BR'])).toBeGreaterThan(languageRank('pt-PT', ['pt-BR']));
    expect(languageRank('pt_PT', ['pt-BR'])).toBeGreaterThan(languageRank('de', ['pt-BR']));
    expect(languageRank(undefined, ['fr'])).toBe(0);
    expect(languageRank('fr', [])).toBe(0);
  });

  it("offers and shows the pack in the reader's language first, even over a better-bound one", () => {
    const english = makePack({ ...byFingerprint, id: 'en', title: 'A English', language: 'en' });
    const french = makePack({
      ...byFingerprint,
      id: 'fr',
      title: 'B French',
      language: 'fr-FR',
      targets: { pages: byFingerprint.targets.pages, models: [{ alias: 'm' }] },
    });
    const graphs = [makeGraph({ fingerprint: 'a'.repeat(64) })];
    const forFrench = offersFor([usable(english), usable(french)], PAGE, graphs, new Set(), ['fr', 'en']);
    expect(forFrench.map((o) => o.key)).toEqual(['s1:fr', 's1:en']);
    expect(forFrench[0]!.score).toBeLessThan(forFrench[1]!.score);
    expect(forFrench[0]!.language).toBe('fr-FR');
    expect(chooseActive(forFrench, null)).toBe('s1:fr');
    const forEnglish = offersFor([usable(english), usable(french)], PAGE, graphs, new Set(), ['en-US']);
    expect(forEnglish.map((o) => o.key)).toEqual(['s1:en', 's1:fr']);
  });
});

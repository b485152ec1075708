import { describe, expect, it } from 'vitest';
import type { PackOffer } from '../../protocol/packs';
import { TabPacks } from './tab-packs';

const offer = (key: string): PackOffer => ({
  key,
  provenance: {
    packId: key,
    title: key,
    authors: [],
    version: '1',
    license: 'MIT',
    sourceKind: 'url',
    sourceLabel: key,
    url: null,
    origin: null,
  },
  enabled: true,
  pageMatched: true,
  linked: false,
  match: null,
  score: 0,
  steps: 0,
});

describe('TabPacks', () => {
  it('resets a tab’s document state on a new top-frame session, keeping the reader’s choice', () => {
    const tabs = new TabPacks();
    tabs.document(1, 'aaaa0000', 'http://127.0.0.1/demo/');
    tabs.setFrame(1, 0, {
      frameUrl: 'http://127.0.0.1/demo/',
      offers: [offer('x')],
      activeKey: 'x',
      candidates: 1,
    });
    tabs.choose(1, 'x');
    tabs.setLink(1, { state: 'loaded', source: 'https://p/x.json', packKey: 'x', step: 2 });
    expect(tabs.stepFor(1, 'x')).toBe(2);
    expect(tabs.linkedKeys(1)).toEqual(new Set(['x']));
    tabs.document(1, 'aaaa0000');
    expect(tabs.view(1).offers).toHaveLength(1);
    tabs.document(1, 'bbbb1111', 'http://127.0.0.1/other/');
    expect(tabs.view(1)).toEqual({
      offers: [],
      activeKey: null,
      link: null,
      overlay: null,
      pageUrl: 'http://127.0.0.1/other/',
    });
    expect(tabs.chosen(1)).toBe('x');
    expect(tabs.linkedKeys(1).size).toBe(0);
  });

  it('merges offers over frames for the popup, top frame first', () => {
    const tabs = new TabPacks();
    tabs.setFrame(1, 7, { frameUrl: 'f', offers: [offer('b'), offer('a')], activeKey: 'b', candidates: 2 });
    tabs.setFrame(1, 0, { frameUrl: 't', offers: [offer('a')], activeKey: null, candidates: 1 });
    const view = tabs.view(1);
    expect(view.offers.map((o) => o.key)).toEqual(['a', 'b']);
    expect(view.activeKey).toBe('b');
  });

  it('tells only the top frame about the link', () => {
    const tabs = new TabPacks();
    tabs.setLink(1, { state: 'asking', source: 'inline' });
    expect(tabs.frameView(1, 0).link).toMatchObject({ state: 'asking' });
    expect(tabs.frameView(1, 3).link).toBeNull();
  });

  it('survives a round trip through JSON and ignores garbage', () => {
    const tabs = new TabPacks();
    tabs.setFrame(4, 0, { frameUrl: 't', offers: [offer('a')], activeKey: 'a', candidates: 1 });
    const copy = TabPacks.fromJSON(JSON.parse(JSON.stringify(tabs.toJSON())));
    expect(copy.view(4)).toEqual(tabs.view(4));
    expect(TabPacks.fromJSON([['x'], null, [1, null]]).tabIds()).toEqual([]);
  });
});

// @vitest-environment jsdom
// The overlay app with an active pack, against fake ContentApi and PacksApi in jsdom: provenance, orphans and the
// status sent to the popup, the pack's note under its node in the outline and in the layer view, labels, the tour
// (start, next, keys, the step a share link asked for, the link to a step), and page notes for each anchor.

import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PageSnapshot } from '../../protocol/bridge';
import type { ContentApi } from '../relay/content-api';
import type { PacksApi } from '../relay/packs-api';
import { activeState, fakePacksApi, TEST_GRAPH, TEST_PAGE, testPack } from './pack/test-fixtures';
import { acceptSyntheticEventsInTests } from './state/trusted';

// jsdom's events are never trusted; the refusal of the page's synthetic events is tested in state/trusted.test.ts.
beforeAll(() => acceptSyntheticEventsInTests(true));
afterAll(() => acceptSyntheticEventsInTests(false));

vi.mock('../../extension/browser', () => ({
  default: {
    storage: { local: { get: async () => ({}), set: async () => undefined } },
    runtime: { getURL: (p: string) => `chrome-extension://test/${p}` },
  },
}));

class OnScreen {
  constructor(private readonly callback: (entries: { isIntersecting: boolean }[]) => void) {}
  observe() {
    this.callback([{ isIntersecting: true }]);
  }
  unobserve() {}
  disconnect() {}
}
vi.stubGlobal('IntersectionObserver', OnScreen);

const { App } = await import('./app');
const { Overlay } = await import('./shell');
// The renderer is a chunk of its own in the extension; here it is loaded up front, as once a pack is there.
await (await import('./pack/use-renderer')).loadRenderer();
const loadApp = async () => ({ App });

const SNAPSHOT: PageSnapshot = {
  frameUrl: 'http://127.0.0.1/x',
  engines: [],
  models: [{ id: 'm1', kind: 'layers', name: 'tiny', sourceUrl: null, nodes: 3, params: 26, backend: 'cpu' }],
};

function fakes(step: number | null = null) {
  const api = {
    version: 1,
    snapshot: () => SNAPSHOT,
    onChange: () => undefined,
    onCommand: () => undefined,
    describe: vi.fn(async () => TEST_GRAPH),
    subscribe: vi.fn(),
    hold: vi.fn(),
    probe: async () => [],
    readWeights: vi.fn(async () => []),
  } as unknown as ContentApi;
  const state = activeState(
    testPack(),
    {
      sourceKind: 'url',
      sourceLabel: 'A web address',
      url: 'https://packs.example/tiny.json',
      origin: 'https://packs.example',
    },
    step,
  );
  const packs = fakePacksApi(state, {
    reportStatus: vi.fn(),
    shareLink: vi.fn(async (s: number | null) => ({
      ok: true as const,
      link: `https://x.example/#literate=1&step=${s}`,
    })),
  });
  return { api, packs };
}

let host: HTMLElement;
let root: ShadowRoot;

async function settle(): Promise<void> {
  for (let i = 0; i < 8; i++) {
    await act(async () => {
      await new Promise((r) => setTimeout(r, 0));
    });
  }
}

async function mount(api: ContentApi, packs: PacksApi): Promise<void> {
  const container = document.createElement('div');
  container.className = 'lt';
  root.append(container);
  await act(() => {
    render(<Overlay api={api} packs={packs} root={root} prefs={{}} loadApp={loadApp} />, container);
  });
  await settle();
}

const q = <E extends Element = HTMLElement>(sel: string) => root.querySelector<E>(sel);
const qa = (sel: string) => [...root.querySelectorAll<HTMLElement>(sel)];
const click = async (el: Element | null) => {
  await act(() => (el as HTMLElement).click());
  await settle();
};
const button = (name: string) => qa('button').find((b) => b.textContent?.trim() === name) ?? null;
const key = async (target: Element, k: string) => {
  await act(() => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
  });
  await settle();
};

beforeEach(() => {
  document.body.innerHTML = TEST_PAGE;
  host = document.createElement('div');
  document.documentElement.append(host);
  root = host.attachShadow({ mode: 'open' });
  if (typeof requestAnimationFrame !== 'function') {
    vi.stubGlobal('requestAnimationFrame', (fn: FrameRequestCallback) => setTimeout(() => fn(0), 0));
    vi.stubGlobal('cancelAnimationFrame', (id: number) => clearTimeout(id));
  }
});

afterEach(() => {
  // Unmount whatever was rendered into the shadow root (its first child need not be the app's container).
  for (const child of [...root.children]) render(null, child as HTMLElement);
  host.remove();
});

describe('overlay app with a pack', () => {
  it('shows where the pack comes from, lists its orphans with reasons and tells the popup', async () => {
    const { api, packs } = fakes();
    await mount(api, packs);
    expect(packs.reportStatus).toHaveBeenLastCalledWith({
      packKey: 'shipped:unit-pack',
      orphans: 2,
      anchored: 6,
      hidden: 0,
      step: null,
    });
    await click(q('.launcher'));
    const head = q('.pack-head')!;
    expect(head.querySelector('h3')?.textContent).toBe('A tiny tour');
    expect(head.textContent).toContain('Ada Lovelace');
    expect(head.textContent).toContain('from packs.example');
    expect(head.textContent).toContain('Version 1.2.0 · CC-BY-4.0');
    expect(head.querySelector('a')?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(q('.orphans summary')?.textContent).toContain('2 notes could not be placed');
    expect(qa('.orphan').map((o) => o.dataset.orphanId)).toEqual(['broken-css', 'broken-node']);
    expect(qa('.orphan-reasons')[1]?.textContent).toContain('no node named dense_9');
  });

  it('puts the pack’s note under its node in the outline, and its notes and equation in the layer view', async () => {
    const { api, packs } = fakes();
    await mount(api, packs);
    await click(q('.launcher'));
    const row = qa('.node').find((n) => n.querySelector('[data-node-id="hidden"]'))!;
    expect(row.querySelector('.pack-excerpt')?.textContent).toContain('The hidden layer has 16 parameters.');
    await click(row.querySelector('.node-button'));
    const notes = q('.pack-notes')!;
    expect(notes.textContent).toContain('The hidden layer has');
    // Live values from the graph: filled at once.
    expect(notes.querySelector('[data-lit-live]')?.textContent).toBe('16');
    // The equation's bound symbols are focusable and linked.
    const bound = qa('.pack-notes [data-lt-bound]');
    expect(bound.length).toBeGreaterThanOrEqual(2);
    expect(bound.every((b) => b.getAttribute('tabindex') === '0')).toBe(true);
  });

  it('walks the tour with buttons and arrow keys, opens each step’s layer view and links to a step', async () => {
    const { api, packs } = fakes();
    await mount(api, packs);
    await click(q('.launcher'));
    await click(button('Start the tour'));
    const progress = () => q('.tour-progress-text')?.textContent;
    expect(progress()).toBe('Step 1 of 3');
    await click(button('Next'));
    expect(progress()).toBe('Step 2 of 3');
    expect(q('#lt-node-title')?.textContent).toBe('hidden');
    expect(packs.reportStatus).toHaveBeenLastCalledWith(expect.objectContaining({ step: 1 }));
    await key(q('section.tour')!, 'ArrowRight');
    expect(progress()).toBe('Step 3 of 3');
    expect(q('#lt-node-title')?.textContent).toBe('probs');
    await key(q('section.tour')!, 'ArrowLeft');
    expect(progress()).toBe('Step 2 of 3');
    await click(button('Copy link to this step'));
    expect(packs.shareLink).toHaveBeenCalledWith(1);
    expect(q<HTMLInputElement>('input.share-link')?.value).toBe('https://x.example/#literate=1&step=1');
  });

  it('opens the panel at the step a share link asked for', async () => {
    const { api, packs } = fakes(2);
    await mount(api, packs);
    expect(q('[role="dialog"]')).not.toBeNull();
    expect(q('.tour-progress-text')?.textContent).toBe('Step 3 of 3');
    expect(q('.tour-title')?.textContent).toBe('The output');
  });

  it('gives each page anchor its note and numbered marker (hidden while unplaced: jsdom has no layout)', async () => {
    const { api, packs } = fakes();
    await mount(api, packs);
    await click(q('.launcher'));
    expect(qa('.sidenote').map((n) => n.dataset.noteId)).toEqual(
      expect.arrayContaining(['title-note', 'quote-note', 'probs-note']),
    );
    expect(qa('.sidenote')).toHaveLength(3);
    expect(qa('.marker')).toHaveLength(3);
    expect(q('aside[aria-label="Notes on this page"]')).not.toBeNull();
    // The switch in the pack's header takes them off the page.
    await click(q('.pack-toggle input'));
    expect(qa('.sidenote')).toHaveLength(0);
  });
});

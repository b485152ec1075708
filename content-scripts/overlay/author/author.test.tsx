// @vitest-environment jsdom
// Authoring mode in the overlay app, in jsdom, with a fake ContentApi and a PacksApi whose drafts go to the real
// drafts store over memory: start, point at the page (the overlay itself is never picked; Escape stops), write with
// preview, undo/redo, autosave and resume, pin a note to an outline node, edit the shown pack as a new version and
// re-anchor its orphan by pointing.

import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Pack } from '../../../annotations/format/types';
import { MemoryArea } from '../../../extension/background/packs/kv';
import { DraftStore } from '../../../extension/background/drafts/store';
import type { PageSnapshot } from '../../../protocol/bridge';
import type { ContentApi } from '../../relay/content-api';
import type { DraftsApi, PacksApi } from '../../relay/packs-api';
import { activeState, fakePacksApi, TEST_GRAPH, TEST_PAGE, testPack } from '../pack/test-fixtures';
import { AUTOSAVE_MS } from './use-author';
import { acceptSyntheticEventsInTests } from '../state/trusted';

// jsdom's events are never trusted; the refusal of the page's synthetic events is tested in state/trusted.test.ts.
beforeAll(() => acceptSyntheticEventsInTests(true));
afterAll(() => acceptSyntheticEventsInTests(false));

vi.mock('../../../extension/browser', () => ({
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

const { App } = await import('../app');
const { Overlay } = await import('../shell');
// The renderer is a chunk of its own in the extension; here it is loaded up front, as once a pack is there.
await (await import('../pack/use-renderer')).loadRenderer();
const loadApp = async () => ({ App });

const PAGE = 'http://127.0.0.1/demo/';
const GRAPH = { ...TEST_GRAPH, fingerprint: 'ab'.repeat(32) };
const SNAPSHOT: PageSnapshot = {
  frameUrl: PAGE,
  engines: [],
  models: [{ id: 'm1', kind: 'layers', name: 'tiny', sourceUrl: null, nodes: 3, params: 26, backend: 'cpu' }],
};

function fakes(active: Pack | null = null) {
  const api = {
    version: 1,
    snapshot: () => SNAPSHOT,
    onChange: () => undefined,
    onCommand: () => undefined,
    describe: vi.fn(async () => GRAPH),
    subscribe: vi.fn(),
    hold: vi.fn(),
    probe: async () => [],
    readWeights: vi.fn(async () => []),
  } as unknown as ContentApi;
  const store = new DraftStore(new MemoryArea());
  const drafts: DraftsApi = {
    save: vi.fn((d) => store.save({ ...d, page: PAGE })),
    list: () => store.list(PAGE),
    remove: async (id) => (await store.delete(id, PAGE)).ok,
  };
  const state = activeState(active, {
    sourceKind: 'shipped',
    sourceLabel: 'Shipped',
    url: null,
    origin: null,
  });
  const packs = fakePacksApi(state, {
    reportStatus: vi.fn(),
    shareLink: vi.fn(async () => ({ ok: true as const, link: 'x' })),
    saveEdit: vi.fn(async () => ({ ok: true as const })),
    drafts,
  });
  return { api, packs, drafts, store };
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
  await click(q('.launcher'));
  await click(button('Write notes'));
}

const q = <E extends Element = HTMLElement>(sel: string) => root.querySelector<E>(sel);
const qa = (sel: string) => [...root.querySelectorAll<HTMLElement>(sel)];
const click = async (el: Element | null) => {
  if (!el) throw new Error('nothing to click');
  await act(() => (el as HTMLElement).click());
  await settle();
};
const button = (name: string | RegExp) =>
  qa('button').find((b) =>
    typeof name === 'string' ? b.textContent?.trim() === name : name.test(b.textContent ?? ''),
  ) ?? null;
const type = async (el: HTMLTextAreaElement | HTMLInputElement | null, value: string) => {
  if (!el) throw new Error('no field');
  await act(() => {
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await settle();
};
const key = async (target: Element, init: KeyboardEventInit) => {
  await act(() => {
    target.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }));
  });
  await settle();
};
const wait = (ms: number) =>
  act(async () => {
    await new Promise((r) => setTimeout(r, ms));
  });

async function startNew(title = 'My notes'): Promise<void> {
  await type(q<HTMLInputElement>('#lt-author-new-title'), title);
  const form = q<HTMLFormElement>('form.author-section');
  await act(() => {
    form?.requestSubmit();
  });
  await settle();
}

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

describe('authoring mode', () => {
  it('points at the page to anchor a note, never at the overlay; writes with a preview; Escape stops', async () => {
    const { api, packs } = fakes();
    await mount(api, packs);
    await startNew();
    expect(q('#lt-author-title')?.textContent).toBe('Writing “My notes”');

    await click(button('Point at the page to add a note'));
    expect(q('.pick-banner')?.textContent).toContain('Click an element or select text');
    // A click inside the overlay is the overlay's own: nothing is anchored.
    await click(q('#lt-author-title'));
    expect(qa('[data-item]')).toHaveLength(0);
    // Hovering the page draws the box in the overlay; the page element is untouched.
    const title = document.querySelector('#title') as HTMLElement;
    await act(() => {
      title.dispatchEvent(new MouseEvent('pointermove', { bubbles: true }));
    });
    await settle();
    expect(q('.pick-box')).not.toBeNull();
    expect(title.getAttribute('style')).toBeNull();
    // The page's own click handler does not run on a pick.
    const pageClick = vi.fn();
    title.addEventListener('click', pageClick);
    await act(() => title.click());
    await settle();
    expect(pageClick).not.toHaveBeenCalled();
    expect(qa('[data-item]').map((b) => b.dataset.item)).toEqual(['note-1']);
    expect(q('.author-anchor')?.textContent).toContain('#title');
    expect(q('.pick-banner')).toBeNull();

    await type(q<HTMLTextAreaElement>('#lt-author-note-1-text'), 'The **heading** names it: $x^2$');
    expect(q('.author-preview strong')?.textContent).toBe('heading');
    expect(q('.author-preview math, .author-preview .katex')).not.toBeNull();

    // Escape leaves pick mode without anchoring.
    await click(button('Point at the page to add a note'));
    await key(document.body, { key: 'Escape' });
    expect(q('.pick-banner')).toBeNull();
    expect(q('#lt-author-live, .author-live')?.textContent).toContain('Stopped pointing');
  });

  it('anchors a note to text selected on the page without pointing (keyboard users)', async () => {
    const { api, packs } = fakes();
    await mount(api, packs);
    await startNew('Keyboard');
    await click(button('Add a note on the selected text'));
    expect(q('.author-live')?.textContent).toContain('Select some text on the page first');
    const text = document.querySelector('main p')?.firstChild as Text;
    const range = document.createRange();
    range.setStart(text, 'Type '.length);
    range.setEnd(text, 'Type three numbers'.length);
    await act(() => {
      document.getSelection()?.removeAllRanges();
      document.getSelection()?.addRange(range);
      document.dispatchEvent(new Event('selectionchange'));
    });
    await settle();
    await click(button('Add a note on the selected text'));
    expect(qa('[data-item]').map((b) => b.dataset.item)).toEqual(['note-1']);
    expect(q('.author-anchor')?.textContent).toContain('three numbers');
  });

  it('undoes and redoes with Ctrl+Z / Ctrl+Shift+Z, and autosaves every change to the drafts store', async () => {
    const { api, packs, store } = fakes();
    await mount(api, packs);
    await startNew('Undo test');
    await click(button('Point at the page to add a note'));
    await act(() => (document.querySelector('#title') as HTMLElement).click());
    await settle();
    const text = () => q<HTMLTextAreaElement>('#lt-author-note-1-text');
    await type(text(), 'one');
    await type(text(), 'one two');
    await key(text()!, { key: 'z', ctrlKey: true });
    expect(text()?.value).toBe('');
    await key(text()!, { key: 'z', ctrlKey: true, shiftKey: true });
    expect(text()?.value).toBe('one two');

    await wait(AUTOSAVE_MS + 100);
    await settle();
    const saved = await store.list(PAGE);
    expect(saved).toHaveLength(1);
    expect((JSON.parse(saved[0]?.text ?? '{}') as Pack).items[0]).toMatchObject({
      id: 'note-1',
      body: { value: 'one two' },
    });
    expect(q('.author-saved')?.getAttribute('data-state')).toBe('saved');
  });

  it('offers the saved draft on reopening, and resumes it', async () => {
    const first = fakes();
    await first.store.save({
      id: 'dabc',
      title: 'Saved before',
      text: JSON.stringify({ ...testPack(), title: 'Saved before' }),
      basedOn: null,
      page: PAGE,
    });
    await mount(first.api, first.packs);
    await click(button('Resume draft “Saved before”'));
    expect(q('#lt-author-title')?.textContent).toBe('Writing “Saved before”');
    expect(qa('[data-item]').length).toBe(testPack().items.length);
  });

  it('pins a note to an outline node by name, with the op as a guard and the shape recorded', async () => {
    const { api, packs, store } = fakes();
    await mount(api, packs);
    await startNew('Pins');
    await click(q('[aria-label="Pin a note to hidden"]'));
    expect(qa('[data-item]').map((b) => b.dataset.item)).toEqual(['note-1']);
    expect(q('.author-anchor')?.textContent).toContain('hidden');
    await wait(AUTOSAVE_MS + 100);
    const pack = JSON.parse((await store.list(PAGE))[0]?.text ?? '{}') as Pack;
    expect(pack.items[0]?.target?.model).toEqual({
      type: 'ModelNodeSelector',
      model: 'model',
      node: 'hidden',
      op: 'Dense',
    });
    expect(pack.targets.models[0]?.structure?.nodes).toEqual([
      { name: 'hidden', op: 'Dense', outputShape: [null, 4] },
    ]);
  });

  it('edits the shown pack as a new version, shows its orphan and re-anchors it by pointing', async () => {
    const { api, packs } = fakes(testPack());
    await mount(api, packs);
    await click(button('Edit “A tiny tour” as a new version'));
    expect(q('#lt-author-title')?.textContent).toBe('Writing “A tiny tour”');
    expect(q<HTMLInputElement>('#lt-author-meta-version')?.value).toBe('1.3.0');
    await click(q('[data-item="broken-css"]'));
    expect(q('.author-anchor')?.getAttribute('data-state')).toBe('orphan');
    await click(button('Re-anchor by pointing'));
    await act(() => (document.querySelector('#bars') as HTMLElement).click());
    await settle();
    expect(q('.author-anchor')?.getAttribute('data-state')).toBe('page');
    expect(q('.author-anchor')?.textContent).toContain('#bars');

    // Kept as the reader's own copy of the original, as the new version.
    await click(button('Keep as my copy in Literate'));
    expect(packs.saveEdit).toHaveBeenCalledTimes(1);
    const [key, text] = vi.mocked(packs.saveEdit).mock.calls[0] ?? [];
    expect(key).toBe('shipped:unit-pack');
    expect(JSON.parse(text ?? '{}')).toMatchObject({ id: 'unit-pack', version: '1.3.0' });
    expect(root.textContent).toContain(
      'Confirm it in the Literate window that opened: your copy of version 1.3.0',
    );
  });

  it('re-anchors a model orphan by pinning the node in the outline', async () => {
    const { api, packs } = fakes(testPack());
    await mount(api, packs);
    await click(button('Edit “A tiny tour” as a new version'));
    await click(q('[data-item="broken-node"]'));
    expect(q('.author-anchor')?.getAttribute('data-state')).toBe('orphan');
    expect(q('.author-anchor')?.textContent).toContain('dense_9');
    await click(button('Re-anchor by pointing'));
    expect(q('.pick-banner')?.textContent).toContain('pin a node in the outline');
    await click(q('[aria-label="Pin a note to hidden"]'));
    expect(q('.pick-banner')).toBeNull();
    expect(q('.author-anchor')?.getAttribute('data-state')).toBe('model');
    expect(q('.author-anchor')?.textContent).toContain('hidden');
    // Re-anchored in place: no new note was added.
    expect(qa('[data-item]').length).toBe(testPack().items.length);
  });

  it('shows the validator’s problems under the item they belong to, as you type', async () => {
    const { api, packs } = fakes();
    await mount(api, packs);
    await startNew('Problems');
    await click(button('Point at the page to add a note'));
    await act(() => (document.querySelector('#title') as HTMLElement).click());
    await settle();
    await type(q<HTMLTextAreaElement>('#lt-author-note-1-text'), 'x');
    const kind = q<HTMLSelectElement>('#lt-author-note-1-kind');
    await act(() => {
      if (kind) kind.value = 'equation';
      kind?.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await settle();
    expect(q('[aria-label="Problems in note-1"]')?.textContent).toContain('/body/tex');
    expect(button('Download pack JSON')?.hasAttribute('disabled')).toBe(true);
    await type(q<HTMLTextAreaElement>('#lt-author-note-1-tex'), 'y = Wx + b');
    expect(q('[aria-label="Problems in note-1"]')).toBeNull();
    expect(button('Download pack JSON')?.hasAttribute('disabled')).toBe(false);
  });

  it('binds an equation symbol by choosing its node in the outline', async () => {
    const { api, packs, store } = fakes();
    await mount(api, packs);
    await startNew('Bindings');
    await click(q('[aria-label="Pin a note to hidden"]'));
    const kind = q<HTMLSelectElement>('#lt-author-note-1-kind');
    await act(() => {
      if (kind) kind.value = 'equation';
      kind?.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await settle();
    await type(q<HTMLTextAreaElement>('#lt-author-note-1-tex'), 'h = \\max(0, Wx + b)');
    // Without a symbol there is nothing to bind: the field says so and keeps focus.
    await click(button('Choose in the outline'));
    expect(q('#lt-author-note-1-sym-needed')?.textContent).toContain('Type the symbol first');
    expect(root.activeElement).toBe(q('#lt-author-note-1-sym'));
    await type(q<HTMLInputElement>('#lt-author-note-1-sym'), 'W');
    const role = q<HTMLSelectElement>('#lt-author-note-1-role')!;
    role.value = 'kernel';
    await click(button('Choose in the outline'));
    expect(q('.author-banner')?.textContent).toContain('Choose the node for W');
    // The outline's rows offer the binding instead of a new note.
    expect(q('[aria-label="Pin a note to hidden"]')).toBeNull();
    await click(q('[aria-label="Bind W to hidden"]'));
    expect(q('.author-banner')).toBeNull();
    expect(q('[aria-label="Bound symbols"]')?.textContent).toContain('W → model · hidden · kernel');
    expect(q('[aria-label="Pin a note to hidden"]')).not.toBeNull();
    await wait(AUTOSAVE_MS + 100);
    const pack = JSON.parse((await store.list(PAGE))[0]?.text ?? '{}') as Pack;
    expect(pack.items[0]?.kind === 'equation' && pack.items[0].body.bindings).toEqual({
      W: { model: 'model', node: 'hidden', role: 'kernel' },
    });
  });
});

// @vitest-environment jsdom
// The overlay app against a fake ContentApi in a shadow root: launcher, panel, outline, Escape, keyboard command,
// filter, and the per-site layout saved to storage.

import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ModelGraph, ModelNode } from '../../model/model-graph';
import type { PageSnapshot } from '../../protocol/bridge';
import type { ContentApi } from '../relay/content-api';
import { DEFAULT_SETTINGS, tapBudgetOf } from '../../extension/settings/settings';
import { acceptSyntheticEventsInTests } from './state/trusted';
import { handlePrefsRequest } from '../../extension/background/prefs-handlers';
import type { PrefsRequest } from '../../protocol/prefs-messages';

// jsdom's events are never trusted; the refusal of the page's synthetic events is tested in state/trusted.test.ts.
beforeAll(() => acceptSyntheticEventsInTests(true));
afterAll(() => acceptSyntheticEventsInTests(false));

const stored: Record<string, unknown> = {};
vi.mock('../../extension/browser', () => ({
  default: {
    storage: {
      local: {
        get: async (key: string) => (key in stored ? { [key]: stored[key] } : {}),
        set: async (items: Record<string, unknown>) => Object.assign(stored, items),
      },
    },
    runtime: {
      getURL: (p: string) => `chrome-extension://test/${p}`,
      // The background's own handler answers the overlay's layout requests, for this frame's origin.
      sendMessage: async (message: PrefsRequest) =>
        handlePrefsRequest(message, location.origin, {
          get: async (key: string) => (key in stored ? { [key]: stored[key] } : {}),
          set: async (items: Record<string, unknown>) => void Object.assign(stored, items),
        }),
    },
  },
}));

/** jsdom has no IntersectionObserver: everything observed is on screen at once. */
class OnScreen {
  constructor(private readonly callback: (entries: { isIntersecting: boolean }[]) => void) {}
  observe() {
    this.callback([{ isIntersecting: true }]);
  }
  disconnect() {}
}
vi.stubGlobal('IntersectionObserver', OnScreen);

const { App } = await import('./app');
const { Overlay } = await import('./shell');
const loadApp = async () => ({ App });

function node(id: string, op: string, index: number, extra: Partial<ModelNode> = {}): ModelNode {
  return {
    id,
    index,
    op,
    category: 'layer',
    inputs: [],
    outputShape: [null, 4],
    shapeSource: 'config',
    dtype: 'float32',
    params: 0,
    weights: [],
    attrs: {},
    ...extra,
  };
}

const GRAPH: ModelGraph = {
  schema: 1,
  id: 'm1',
  kind: 'layers',
  name: 'tiny',
  sourceUrl: null,
  origin: 'code',
  format: null,
  backend: 'cpu',
  tfjsVersion: '4.22.0',
  tfjsVersionClass: '3.x+',
  inputs: [{ name: 'x', nodeId: 'x', shape: [null, 3], dtype: 'float32' }],
  outputs: [{ name: 'probs', nodeId: 'probs', shape: [null, 2], dtype: 'float32' }],
  nodes: [
    node('x', 'InputLayer', 0, { category: 'input', outputShape: [null, 3] }),
    node('hidden', 'Dense', 1, { params: 16, attrs: { activation: 'relu', units: 4 } }),
    node('probs', 'Dense', 2, { params: 10, outputShape: [null, 2], attrs: { activation: 'softmax' } }),
  ],
  totals: { nodes: 3, params: 26, trainableParams: 26, weightBytes: 104 },
  fingerprint: 'f',
};

const SNAPSHOT: PageSnapshot = {
  frameUrl: 'http://127.0.0.1/x',
  engines: [],
  models: [{ id: 'm1', kind: 'layers', name: 'tiny', sourceUrl: null, nodes: 3, params: 26, backend: 'cpu' }],
};

function fakeApi() {
  type Command = 'toggle-overlay' | 'open-overlay' | 'toggle-authoring';
  const commands: ((c: Command) => void)[] = [];
  const api: ContentApi = {
    version: 1,
    snapshot: () => SNAPSHOT,
    onChange: () => undefined,
    onCommand: (listener: (c: Command) => void) => void commands.push(listener),
    describe: vi.fn(async () => GRAPH),
    subscribe: vi.fn(),
    hold: vi.fn(),
    probe: async () => [],
  } as unknown as ContentApi;
  return { api, command: (c: Command) => commands.forEach((l) => l(c)) };
}

let host: HTMLElement;
let root: ShadowRoot;

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await act(async () => {
      await new Promise((r) => setTimeout(r, 0));
    });
  }
}

async function mount(api: ContentApi): Promise<void> {
  await act(() => {
    render(
      <Overlay api={api} root={root} prefs={{}} loadApp={loadApp} />,
      root.appendChild(document.createElement('div')),
    );
  });
  await settle();
}

const q = <E extends Element = HTMLElement>(sel: string) => root.querySelector<E>(sel);
const launcher = () => q<HTMLButtonElement>('button[aria-label="Explain this model"]')!;
const panel = () => q('[role="dialog"]');
const escape = (target: Element) =>
  act(() => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
  });

beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
  root = host.attachShadow({ mode: 'open' });
  for (const k of Object.keys(stored)) delete stored[k];
});

afterEach(() => {
  // Unmount whatever was rendered into the shadow root (its first child need not be the app's container).
  for (const child of [...root.children]) render(null, child as HTMLElement);
  host.remove();
});

describe('overlay app', () => {
  it('shows only the launcher until asked', async () => {
    await mount(fakeApi().api);
    expect(launcher()).not.toBeNull();
    expect(launcher().getAttribute('aria-expanded')).toBe('false');
    expect(panel()).toBeNull();
  });

  it('opens the outline of the model: every node with its op, shape, parameters and glossary line', async () => {
    const { api } = fakeApi();
    await mount(api);
    await act(() => launcher().click());
    await settle();
    expect(panel()?.getAttribute('aria-labelledby')).toBeTruthy();
    expect(launcher().hidden).toBe(true);
    const rows = [...root.querySelectorAll('.node')];
    expect(rows.map((r) => r.querySelector('.node-name')?.textContent)).toEqual(['x', 'hidden', 'probs']);
    expect(rows[1]!.querySelector('.chip')?.textContent).toBe('Dense');
    expect(rows[1]!.querySelector('.params')?.textContent).toContain('16');
    expect(rows[1]!.querySelector('.gloss')?.textContent).toContain('weighted sum');
    expect(q('[aria-label="Model totals"]')?.textContent).toContain('26');
    expect(api.describe).toHaveBeenCalledWith('m1', { learnShapes: true });
  });

  it('holds the model it shows from opening to closing, and opens on one the page still holds', async () => {
    const { api } = fakeApi();
    const m1 = SNAPSHOT.models[0]!;
    const models = [
      { ...m1, hold: 'collected' as const },
      { ...m1, id: 'm2', name: 'running' },
    ];
    const held: { id: string; signal: AbortSignal }[] = [];
    Object.assign(api, {
      snapshot: () => ({ ...SNAPSHOT, models }),
      hold: (id: string, signal: AbortSignal) => void held.push({ id, signal }),
    });
    await mount(api);
    expect(held).toEqual([]);
    await act(() => launcher().click());
    await settle();
    expect(q('[role="tab"][aria-selected="true"]')?.textContent).toContain('running');
    expect(q('[role="tab"][aria-selected="false"]')?.textContent).toContain('let go by the page');
    expect(held.map((h) => [h.id, h.signal.aborted])).toEqual([['m2', false]]);
    await act(() => q<HTMLButtonElement>('button[aria-label="Close Literate panel"]')!.click());
    await settle();
    expect(held.map((h) => [h.id, h.signal.aborted])).toEqual([['m2', true]]);
  });

  it('filters the list', async () => {
    await mount(fakeApi().api);
    await act(() => launcher().click());
    await settle();
    const input = q<HTMLInputElement>('input[type="search"]')!;
    await act(() => {
      input.value = 'prob';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect([...root.querySelectorAll('.node-name')].map((n) => n.textContent)).toEqual(['probs']);
  });

  it('closes on Escape and gives focus back to the launcher', async () => {
    await mount(fakeApi().api);
    await act(() => launcher().click());
    await settle();
    const close = q<HTMLButtonElement>('button[aria-label="Close Literate panel"]')!;
    close.focus();
    await escape(close);
    await settle();
    expect(panel()).toBeNull();
    expect(root.activeElement).toBe(launcher());
  });

  it('toggles with the keyboard command, and opens with open-overlay', async () => {
    const { api, command } = fakeApi();
    await mount(api);
    await act(() => command('toggle-overlay'));
    await settle();
    expect(panel()).not.toBeNull();
    await act(() => command('toggle-overlay'));
    await settle();
    expect(panel()).toBeNull();
    await act(() => command('open-overlay'));
    await act(() => command('open-overlay'));
    await settle();
    expect(panel()).not.toBeNull();
  });

  it('opens a layer view with a live subscription, and comes back to its row with the subscription ended', async () => {
    const { api } = fakeApi();
    await mount(api);
    await act(() => launcher().click());
    await settle();
    await act(() => q<HTMLButtonElement>('[data-node-id="hidden"]')!.click());
    await settle();
    expect(q('#lt-node-title')?.textContent).toBe('hidden');
    expect(root.textContent).toContain('Then the activation ReLU');
    expect(api.subscribe).toHaveBeenCalledTimes(1);
    const [modelId, taps, budget, , signal] = vi.mocked(api.subscribe).mock.calls[0]!;
    // The reader's settings set the pace (their defaults here: no PacksApi in this test).
    expect([modelId, taps, budget]).toEqual([
      'm1',
      [{ nodeId: 'hidden', reduction: 'none' }],
      tapBudgetOf(DEFAULT_SETTINGS),
    ]);
    expect(signal.aborted).toBe(false);
    await act(() => q<HTMLButtonElement>('.back')!.click());
    await settle();
    expect(root.activeElement).toBe(q('[data-node-id="hidden"]'));
    expect(signal.aborted).toBe(true);
  });

  it('remembers the launcher’s place for the site after a keyboard move', async () => {
    await mount(fakeApi().api);
    await act(() => {
      launcher().dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', bubbles: true }));
    });
    await settle();
    expect(stored[`overlay.site:${location.origin}`]).toEqual({ launcher: { right: 20, bottom: 36 } });
  });
});

describe('overlay shell while the panel side loads', () => {
  function deferred() {
    let resolve!: (m: { App: typeof App }) => void;
    let reject!: (e: Error) => void;
    const promise = new Promise<{ App: typeof App }>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  }
  async function mountWith(api: ContentApi, load: () => Promise<{ App: typeof App }>): Promise<void> {
    await act(() => {
      render(
        <Overlay api={api} root={root} prefs={{}} loadApp={load} />,
        root.appendChild(document.createElement('div')),
      );
    });
    await settle();
  }

  it('shows the launcher before the panel side is in; a click then shows it busy and opens the panel once loaded', async () => {
    const app = deferred();
    const { api } = fakeApi();
    await mountWith(api, () => app.promise);
    expect(launcher().getAttribute('aria-busy')).toBeNull();
    await act(() => launcher().click());
    expect(launcher().getAttribute('aria-expanded')).toBe('true');
    expect(launcher().getAttribute('aria-busy')).toBe('true');
    expect(panel()).toBeNull();
    // The graph is asked for while the code loads.
    expect(api.describe).toHaveBeenCalledWith('m1');
    await act(() => app.resolve({ App }));
    await settle();
    expect(panel()).not.toBeNull();
    expect(launcher().hidden).toBe(true);
    expect(launcher().getAttribute('aria-busy')).toBeNull();
  });

  it('opens on the keyboard command given before the panel side is in', async () => {
    const app = deferred();
    const { api, command } = fakeApi();
    await mountWith(api, () => app.promise);
    await act(() => command('toggle-overlay'));
    await act(() => app.resolve({ App }));
    await settle();
    expect(panel()).not.toBeNull();
  });

  it('says what went wrong, and what to do, when the panel side cannot load', async () => {
    const app = deferred();
    await mountWith(fakeApi().api, () => app.promise);
    await act(() => app.reject(new Error('Loading chunk app failed')));
    await settle();
    expect(q('[role="alert"]')).toBeNull(); // nothing shown until the reader asks for the panel
    await act(() => launcher().click());
    const alert = q('[role="alert"]');
    expect(alert?.textContent).toContain('could not load its panel (Loading chunk app failed)');
    expect(alert?.textContent).toContain('Reload the page');
    expect(launcher().getAttribute('aria-busy')).toBeNull();
    expect(panel()).toBeNull();
  });
});

describe('the authoring shortcut', () => {
  it('opens the panel in authoring mode with focus on its switch, and pressed again leaves authoring', async () => {
    const { api, command } = fakeApi();
    await mount(api);
    await act(() => command('toggle-authoring'));
    await settle();
    expect(panel()).not.toBeNull();
    const toggle = () => q<HTMLButtonElement>('.author-switch button')!;
    expect(toggle().getAttribute('aria-pressed')).toBe('true');
    expect(toggle().textContent).toBe('Done writing');
    expect(root.activeElement).toBe(toggle());
    await act(() => command('toggle-authoring'));
    await settle();
    expect(panel()).not.toBeNull();
    expect(toggle().getAttribute('aria-pressed')).toBe('false');
  });
});

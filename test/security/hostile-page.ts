// A hostile page for the security e2e test and the fuzz run: it loads real models with tf.js 4.22 (a LayersModel
// built in code, the small GraphModel, and optionally a GraphModel of more than 20,000 nodes), runs them in a loop
// comparing every output with the first, and exposes `forge(plan)`, which posts forged messages through every
// channel a page can reach: its own hook channel (a hello of its own), window.postMessage to the relay, CustomEvents,
// untrusted DOM events on the overlay's open shadow root, and share-link fragments.

import { TFJS_UMD } from '../e2e/fixtures';
import { smallGraphFiles } from '../e2e/hook-fixtures/models';
import { bytes, html, type Route } from '../e2e/hook-fixtures/server';

/** model.json of a GraphModel with `count` nodes (a Placeholder and a chain of Relu), no weights. */
export function bigGraphJson(count: number): string {
  const t = { type: 'DT_FLOAT' };
  const node: object[] = [
    {
      name: 'x',
      op: 'Placeholder',
      attr: { dtype: t, shape: { shape: { dim: [{ size: '-1' }, { size: '4' }] } } },
    },
  ];
  for (let i = 1; i < count; i++)
    node.push({ name: `r${i}`, op: 'Relu', input: [i === 1 ? 'x' : `r${i - 1}`], attr: { T: t } });
  return JSON.stringify({
    format: 'graph-model',
    generatedBy: 'literate security test',
    convertedBy: 'hand',
    modelTopology: { node, library: {}, versions: { producer: 27 } },
    weightsManifest: [],
  });
}

export interface ForgePlan {
  /** Forged requests on the page's own hook channel. */
  hook: number;
  /** Forged bridge messages by window.postMessage (page → relay and content → hook shapes, no port). */
  relay: number;
  /** CustomEvents on window and document, with names the extension might listen for. */
  custom: number;
  /** Untrusted clicks, keys and inputs on every element in the overlay's shadow root. */
  overlay: number;
  /** Share-link fragments written into location.hash. */
  fragments: number;
}

export interface ForgeFigures {
  counts: Record<keyof ForgePlan, number>;
  ms: Record<keyof ForgePlan, number>;
  /** Replies the page received on its hook channel (the hook answers a page's own channel, within limits). */
  hookReplies: number;
  /** Events that hit an element in the overlay's shadow root (the rest went to the document: no overlay yet). */
  overlayHits: number;
  errors: string[];
}

const PAGE_SCRIPT = String.raw`
(async () => {
  const params = new URLSearchParams(location.search);
  await tf.setBackend('cpu');
  if (params.has('bigonly')) {
    window.big = await tf.loadGraphModel('/sec/big/model.json');
    document.documentElement.dataset.ready = '1';
    return;
  }
  const layers = tf.sequential({ layers: [
    tf.layers.conv2d({ name: 'c1', inputShape: [8, 8, 1], filters: 2, kernelSize: 3, activation: 'relu' }),
    tf.layers.flatten({ name: 'fl' }),
    tf.layers.dense({ name: 'd1', units: 3, kernelInitializer: 'ones' }),
  ] });
  const graph = await tf.loadGraphModel('/sec/small/model.json');
  if (params.has('big')) window.big = await tf.loadGraphModel('/sec/big/model.json');
  const xl = tf.tidy(() => tf.linspace(0, 1, 64).reshape([1, 8, 8, 1]));
  const xg = tf.tidy(() => tf.linspace(0, 1, 16).reshape([1, 4, 4, 1]));
  const digest = () => tf.tidy(() => {
    const a = layers.predict(xl).dataSync();
    const b = graph.execute(xg).dataSync();
    return Array.from(a).concat(Array.from(b)).map((v) => v.toFixed(7)).join(',');
  });
  const first = digest();
  window.runs = 0;
  window.mismatches = 0;
  window.tick = () => { window.runs++; if (digest() !== first) window.mismatches++; };
  setInterval(window.tick, 30);
  window.numTensors = () => tf.memory().numTensors;
  window.models = { layers, graph };
  document.documentElement.dataset.ready = '1';
})().catch((e) => { document.documentElement.dataset.error = String(e && e.message || e); });

window.forge = async (plan) => {
  const counts = { hook: 0, relay: 0, custom: 0, overlay: 0, fragments: 0 };
  const ms = { hook: 0, relay: 0, custom: 0, overlay: 0, fragments: 0 };
  const errors = [];
  let seed = 15;
  const rnd = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
  const pick = (xs) => xs[rnd(xs.length)];
  const wait = (t) => new Promise((r) => setTimeout(r, t));
  const env = (from, m) => Object.assign({ ns: 'literate', v: 1, from }, m);
  const junk = () => pick([null, 0, '', 'x'.repeat(rnd(3000)), [], {}, { ns: 'literate' }, { ns: 'literate', v: 2 },
    new ArrayBuffer(rnd(64)), { kind: 'probe', nested: { a: [[[[[[1]]]]]] } }, Array(rnd(100)).fill({}), NaN, -1]);

  // 1. The page's own hook channel: a hello of its own, then requests on the port it keeps.
  let t0 = performance.now();
  let hookReplies = 0;
  const nonce = 'p'.repeat(16);
  const channel = new MessageChannel();
  const welcome = new Promise((resolve) => {
    channel.port1.onmessage = (e) => { hookReplies++; if (e.data && e.data.kind === 'welcome') resolve(e.data.snapshot); };
    setTimeout(() => resolve(null), 3000);
  });
  window.postMessage(env('content', { kind: 'hello', nonce }), '*', [channel.port2]);
  const snapshot = await welcome;
  const ids = (snapshot && snapshot.models || []).map((m) => m.id).concat(['m9', '']);
  const nodes = ['c1', 'fl', 'd1', 'c1_input', 'x', 'conv/Conv2D', 'relu', 'split', 'add', 'out', 'conv/kernel', 'nope'];
  const reductions = ['none', 'channel-mean', 'channel-max', 'downsample', 'bogus'];
  const input = () => pick([
    { type: 'tensor', shape: [16], values: Array(16).fill(0.5) },
    { type: 'tensor', shape: [64], values: Array(64).fill(0.5) },
    { type: 'tensor', shape: [1, 8, 8, 1], values: Array(64).fill(0.5) },
    { type: 'tensor', shape: [1, 4, 4, 1], values: Array(16).fill(0.5) },
    { type: 'tensor', shape: [2, 3], values: [1, 2, 3, 4, 5, 6] },
    { type: 'image', width: 4, height: 4, rgba: new ArrayBuffer(64) },
    { type: 'last-input' },
    junk(),
  ]);
  for (let i = 0; i < plan.hook; i++) {
    const kind = pick(['describe', 'subscribe', 'subscribe', 'unsubscribe', 'unsubscribe', 'probe', 'probe', 'read-weights', 'hello', 'junk']);
    const m = { kind, nonce: pick([nonce, nonce, nonce, 'q'.repeat(16), 'short']), requestId: 'r' + i, modelId: pick(ids),
      subscriptionId: 's' + rnd(6), learnShapes: pick([true, undefined, false]),
      taps: Array.from({ length: rnd(4) }, () => ({ nodeId: pick(nodes), reduction: pick(reductions) })),
      budget: { maxInFlight: rnd(17), bytesPerSecond: 1 << 20, hz: pick([0, 1, 60, 1e9]) },
      input: input(), nodeIds: Array.from({ length: rnd(3) + 1 }, () => pick(nodes)), nodeId: pick(nodes), maxValues: rnd(5000) };
    try { channel.port1.postMessage(kind === 'junk' ? junk() : env('content', m)); } catch (e) { errors.push('hook: ' + e); }
    counts.hook++;
    if (i % 200 === 199) await wait(0);
  }
  for (let s = 0; s < 6; s++) channel.port1.postMessage(env('content', { kind: 'unsubscribe', nonce, subscriptionId: 's' + s }));
  ms.hook = performance.now() - t0;

  // 2. window.postMessage: forged page → relay messages, forged content → hook messages without a port.
  t0 = performance.now();
  const pageKinds = ['hook-ready', 'welcome', 'engine', 'model', 'graph', 'tap', 'tap-ended', 'probe-result', 'weights'];
  for (let i = 0; i < plan.relay; i++) {
    const from = pick(['page', 'page', 'content']);
    const m = { kind: pick(from === 'page' ? pageKinds : ['hello', 'describe', 'probe', 'subscribe']), hookVersion: pick([1, 2, 'x']),
      nonce: pick([nonce, 'z'.repeat(16), 'n']), snapshot: { frameUrl: pick(['https://evil.example/', location.href, 'x'.repeat(9000)]),
        engines: [], models: [{ id: 'm1', kind: 'graph', name: 'fake', sourceUrl: null, nodes: rnd(1e6), params: 1, backend: null }] },
      model: { id: 'm' + rnd(99), kind: 'layers', name: 'x', sourceUrl: null, nodes: 1, params: 1, backend: null },
      requestId: 'r' + i, graph: junk(), error: null, frame: junk(), subscriptionId: 's1', reason: 'x', values: [], weights: [] };
    try { window.postMessage(rnd(10) === 0 ? junk() : env(from, m), '*'); } catch (e) { errors.push('relay: ' + e); }
    counts.relay++;
    if (i % 500 === 499) await wait(0);
  }
  ms.relay = performance.now() - t0;

  // 3. CustomEvents with names an extension might listen for.
  t0 = performance.now();
  const names = ['literate', 'literate:open', 'literate:hello', 'literate-share', 'message', 'hashchange', 'popstate',
    'visibilitychange', 'focus', 'keydown', 'literate:consent', 'literate:save'];
  for (let i = 0; i < plan.custom; i++) {
    const target = pick([window, document, document.documentElement]);
    try { target.dispatchEvent(new CustomEvent(pick(names), { detail: env('page', { kind: pick(pageKinds), nonce }), bubbles: true })); }
    catch (e) { errors.push('custom: ' + e); }
    counts.custom++;
  }
  ms.custom = performance.now() - t0;

  // 4. Untrusted events on every element of the overlay's open shadow root(s).
  t0 = performance.now();
  let overlayHits = 0;
  const roots = [...document.querySelectorAll('*')].map((e) => e.shadowRoot).filter(Boolean);
  for (let i = 0; i < plan.overlay; i++) {
    const root = roots.length ? pick(roots) : null;
    const all = root ? [...root.querySelectorAll('button, input, textarea, select, a, [role=button], [tabindex]')] : [];
    const el = all.length ? pick(all) : null;
    if (el) {
      overlayHits++;
      try {
        const kind = rnd(4);
        if (kind === 0) el.click();
        else if (kind === 1) el.dispatchEvent(new KeyboardEvent('keydown', { key: pick(['Enter', ' ', 'Escape', 'l']), bubbles: true, composed: true, altKey: rnd(2) === 0, shiftKey: rnd(2) === 0 }));
        else if (kind === 2 && 'value' in el) { el.value = 'forged ' + i; el.dispatchEvent(new Event('input', { bubbles: true, composed: true })); }
        else el.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      } catch (e) { errors.push('overlay: ' + e); }
    } else {
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'L', altKey: true, shiftKey: true, bubbles: true }));
    }
    counts.overlay++;
    if (i % 50 === 49) await wait(0);
  }
  ms.overlay = performance.now() - t0;

  // 5. Share-link fragments, as a page rewriting its own URL would.
  t0 = performance.now();
  const base = location.href.split('#')[0];
  for (let i = 0; i < plan.fragments; i++) {
    const frag = pick(['#literate=' + encodeURIComponent('http://127.0.0.1:1/p' + i + '.json'), '#literate=http://10.0.0.1/x.json',
      '#literate-inline=' + 'A'.repeat(rnd(200)), '#literate=' + '%'.repeat(rnd(50)), '#step=' + rnd(99), '#literate=javascript:alert(1)']);
    try { history.replaceState(null, '', base + frag); window.dispatchEvent(new HashChangeEvent('hashchange')); } catch (e) { errors.push('fragment: ' + e); }
    counts.fragments++;
    if (i % 20 === 19) await wait(0);
  }
  history.replaceState(null, '', base);
  ms.fragments = performance.now() - t0;
  await wait(300);
  channel.port1.close();
  return { counts, ms, hookReplies, overlayHits, errors: errors.slice(0, 20) };
};
`;

/** Routes for the hostile page (`/sec/page.html`, `?big` adds the big GraphModel) and its models. */
export function hostileRoutes(bigNodes = 20_005): Route[] {
  const small = smallGraphFiles();
  const big = bigGraphJson(bigNodes);
  return [
    { path: '/sec/small/model.json', handler: bytes(small.json, 'application/json') },
    { path: '/sec/small/weights.bin', handler: bytes(small.weights) },
    { path: '/sec/big/model.json', handler: bytes(big, 'application/json') },
    { path: '/sec/page.js', handler: bytes(PAGE_SCRIPT, 'text/javascript') },
    {
      path: '/sec/page.html',
      handler: html(
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Hostile page</title>` +
          `<script src="${TFJS_UMD['4.22.0']}"></script></head>` +
          `<body><main><h1>A hostile page</h1><p>It forges messages.</p></main><script src="/sec/page.js"></script></body></html>`,
      ),
    },
  ];
}

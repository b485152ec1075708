// Pages for discovery and bridge tests: models from every origin (code, IndexedDB, fromMemory, files the user picked,
// a TF-Hub-style URL behind a redirect), same-origin iframes, two tf.js copies on one page, late injection, forged bridge messages.

import { PAGE_LIB } from './pages';

const head = (title: string, scripts: string[]): string =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>` +
  scripts.map((s) => `<script src="${s}"></script>`).join('') +
  `</head><body><h1>${title}</h1>`;

/** Six models: built in code, saved to and loaded from IndexedDB, a graph from memory, a graph from picked files
 * (tf.io.browserFiles, as after an <input type=file>), a graph from TF Hub. */
export function originsPage(tfjsSrc: string): string {
  return `${head('model origins', [tfjsSrc])}<script>${PAGE_LIB}
(async () => {
  await tf.setBackend('cpu');
  const coded = buildTapNet('coded');
  const saved = tf.sequential({ name: 'saved', layers: [tf.layers.dense({ name: 'sd', units: 2, inputShape: [3] })] });
  seedWeights(saved, 11);
  await saved.save('indexeddb://literate-e2e');
  const stored = await tf.loadLayersModel('indexeddb://literate-e2e');
  const json = await (await fetch('/hook/graph/model.json')).json();
  const weights = await (await fetch('/hook/graph/weights.bin')).arrayBuffer();
  const memory = await tf.loadGraphModel(tf.io.fromMemory({
    modelTopology: json.modelTopology, weightSpecs: json.weightsManifest[0].weights, weightData: weights }));
  const files = await tf.loadGraphModel(tf.io.browserFiles([
    new File([JSON.stringify(json)], 'model.json', { type: 'application/json' }),
    new File([weights], json.weightsManifest[0].paths[0]),
  ]));
  const hub = await tf.loadGraphModel('/tfhub/google/tiny/1', { fromTFHub: true });
  window.models = { coded, saved, stored, memory, files, hub };
  window.runFrames = async (n) => {
    const out = [];
    for (let i = 0; i < n; i++) {
      const x = frameInput(i, [1, 8, 8, 3]), s = frameInput(i, [1, 3]), g = frameInput(i, [1, 4, 4, 1]);
      const ys = [coded.predict(x), stored.predict(s), memory.execute(g), files.predict(g), await hub.executeAsync(g)];
      for (const y of ys) out.push(Array.from(await y.data()).map((v) => v.toFixed(5)).join(' '));
      tf.dispose([x, s, g, ...ys]);
      await new Promise((r) => setTimeout(r, 0));
    }
    return { out, numTensors: tf.memory().numTensors };
  };
  document.documentElement.dataset.ready = '1';
})().catch((e) => { document.documentElement.dataset.error = String(e && e.stack || e); });
</script></body></html>`;
}

/** A page with one model and two same-origin iframes holding one and two models. */
export function framesPage(tfjsSrc: string): string {
  return `${head('frames', [tfjsSrc])}<script>${PAGE_LIB}
  tf.setBackend('cpu');
  window.top1 = buildTapNet('top');
  document.documentElement.dataset.ready = '1';
</script>
<iframe src="/hook/child.html?n=1" title="one"></iframe><iframe src="/hook/child.html?n=2" title="two"></iframe>
</body></html>`;
}

export function childPage(tfjsSrc: string): string {
  return `${head('child', [tfjsSrc])}<script>${PAGE_LIB}
(async () => {
  await tf.setBackend('cpu');
  const n = Number(new URLSearchParams(location.search).get('n'));
  window.models = Array.from({ length: n }, (_, i) => buildTapNet('child' + n + '_' + i));
  window.runFrames = async (k) => {
    for (let i = 0; i < k; i++) {
      for (const m of window.models) tf.tidy(() => { m.predict(frameInput(i, [1, 8, 8, 3])); });
      await new Promise((r) => setTimeout(r, 0));
    }
    return tf.memory().numTensors;
  };
  document.documentElement.dataset.ready = '1';
})();
</script></body></html>`;
}

/** tf.js 4.22 then 3.21 by script tag: the second copy reuses the first engine. One model from each. */
export function twoCopiesPage(first: string, second: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>two copies</title>
<script src="${first}"></script><script>window.tfFirst = tf;</script>
<script src="${second}"></script><script>window.tfSecond = tf;</script></head><body><h1>Two tf.js copies</h1>
<script>
(async () => {
  const a = window.tfFirst, b = window.tfSecond;
  await a.setBackend('cpu');
  const make = (t, name) => t.sequential({ name, layers: [
    t.layers.dense({ name: name + '_h', units: 4, inputShape: [3], activation: 'relu', kernelInitializer: 'ones' }),
    t.layers.dense({ name: name + '_o', units: 2, kernelInitializer: 'ones' })] });
  const first = make(a, 'first'), second = make(b, 'second');
  window.models = { first, second };
  window.runFrames = async (n) => {
    const out = [];
    for (let i = 0; i < n; i++) {
      for (const [t, m] of [[a, first], [b, second]]) {
        const x = t.tensor([[i, 1, 2]]);
        const y = m.predict(x);
        out.push(Array.from(await y.data()).join(' '));
        x.dispose(); y.dispose();
      }
      await new Promise((r) => setTimeout(r, 0));
    }
    return { out, same: a.engine() === b.engine(), numTensors: a.memory().numTensors };
  };
  document.documentElement.dataset.ready = '1';
})();
</script></body></html>`;
}

/**
 * A page that moves to a blob: document holding tf.js and a model: content scripts do not run there on their own,
 * so the test injects hook.js and content.js afterwards, as Literate does in a tab open before it was installed.
 */
export function lateStartPage(tfjsSrc: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>late start</title></head><body><script>
const tfjs = location.origin + '${tfjsSrc}';
const lib = ${JSON.stringify(PAGE_LIB)};
const page = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>late</title><script src="' + tfjs +
  '"><' + '/script></head><body><script>' + lib + 'tf.setBackend("cpu"); window.early = buildTapNet("early");' +
  'window.buildLate = () => { window.late = buildTapNet("late"); return true; };' +
  'document.documentElement.dataset.ready = "1";<' + '/script></body></html>';
window.go = () => { location.href = URL.createObjectURL(new Blob([page], { type: 'text/html' })); };
</script></body></html>`;
}

/** A page that posts forged and malformed bridge messages of every kind when asked. */
export function forgerPage(tfjsSrc: string): string {
  return `${head('forger', [tfjsSrc])}<script>${PAGE_LIB}
tf.setBackend('cpu');
window.model = buildTapNet('genuine');
window.forge = (count) => {
  const rnd = prng(42);
  const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
  const junk = () => pick([null, 1, -1, 'x', '', true, {}, [], [1, 2], { a: { b: [] } }, 'm1', 1e308, NaN]);
  const kinds = ['hello', 'hook-ready', 'welcome', 'engine', 'model', 'graph', 'tap', 'tap-ended', 'probe-result',
    'weights', 'describe', 'subscribe', 'unsubscribe', 'probe', 'read-weights'];
  const nonce = () => pick(['0'.repeat(32), 'short', Math.random().toString(16).repeat(4), undefined]);
  const model = { id: 'm9', kind: 'layers', name: 'FORGED', sourceUrl: null, nodes: 1, params: 1, backend: 'cpu' };
  let sent = 0;
  for (let i = 0; i < count; i++) {
    const kind = pick(kinds);
    const msg = { ns: pick(['literate', 'literate', 'x']), v: pick([1, 1, 2]), from: pick(['page', 'content', 'x']),
      kind, nonce: nonce(), requestId: junk(), modelId: pick(['m1', 'm2', junk()]), subscriptionId: 's1',
      taps: pick([[{ nodeId: 'c1', reduction: 'none' }], junk(), new Array(5000).fill({ nodeId: 'c1' })]),
      budget: pick([{ maxInFlight: 1, bytesPerSecond: 1000, hz: 10 }, junk()]), nodeIds: pick([['c1'], junk()]),
      input: pick([{ type: 'last-input' }, { type: 'tensor', shape: [1], values: [1] }, junk()]),
      model: pick([model, junk()]), engine: junk(), snapshot: pick([{ frameUrl: 'x', engines: [], models: [model] }, junk()]),
      frame: junk(), values: pick([new Array(20000).fill(0), junk()]), weights: junk(), graph: junk(), hookVersion: 1 };
    window.postMessage(pick([msg, junk(), JSON.stringify(msg), [msg]]), '*');
    sent++;
  }
  return sent;
};
document.documentElement.dataset.ready = '1';
</script></body></html>`;
}

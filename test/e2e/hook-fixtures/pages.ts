// Generated test pages for the hook's e2e tests: one tf.js UMD build, a LayersModel built in code with seeded
// weights and the small GraphModel loaded over HTTP, and `runFrames(n)` that runs the page's own predict loop and
// returns a digest (FNV-1a) of every output byte and tf.memory().numTensors. Plain JS that runs on tf.js 1.x–4.x.

/** Shared page code: the seeded PRNG, the digest, the layers model. */
export const PAGE_LIB = `
function prng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function fnv(h, typed) {
  const b = new Uint8Array(typed.buffer, typed.byteOffset, typed.byteLength);
  for (let i = 0; i < b.length; i++) { h ^= b[i]; h = Math.imul(h, 16777619); }
  return h >>> 0;
}
function seedWeights(model, seed) {
  const rnd = prng(seed);
  for (const layer of model.layers) {
    const ws = layer.getWeights();
    if (!ws.length) continue;
    layer.setWeights(ws.map((w, i) => {
      const variance = /variance/.test(layer.weights[i].name);
      const v = new Float32Array(w.size).map(() => variance ? 0.5 + rnd() : rnd() * 2 - 1);
      return tf.tensor(v, w.shape);
    }));
  }
}
function buildTapNet(name) {
  const model = tf.sequential({ name, layers: [
    tf.layers.conv2d({ name: 'c1', inputShape: [8, 8, 3], filters: 4, kernelSize: 3, padding: 'same' }),
    tf.layers.batchNormalization({ name: 'bn' }),
    tf.layers.activation({ name: 'act', activation: 'relu' }),
    tf.layers.maxPooling2d({ name: 'pool', poolSize: 2 }),
    tf.layers.conv2d({ name: 'c2', filters: 6, kernelSize: 3, padding: 'same', activation: 'tanh' }),
    tf.layers.globalAveragePooling2d({ name: 'gap' }),
    tf.layers.dense({ name: 'd1', units: 8, activation: 'relu' }),
    tf.layers.dense({ name: 'd2', units: 3, activation: 'softmax' }),
  ] });
  seedWeights(model, 7);
  return model;
}
function frameInput(i, shape) {
  const rnd = prng(1000 + i);
  const n = shape.reduce((a, b) => a * b, 1);
  return tf.tensor(new Float32Array(n).map(() => rnd()), shape);
}
`;

/** The page of the tap matrix: `window.runFrames(n, from)` runs the layers and the graph model once per frame. */
export function tapPage(tfjsSrc: string, graphUrl: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>tap matrix</title>
<script src="${tfjsSrc}"></script></head><body><h1>Tap matrix</h1>
<script>
${PAGE_LIB}
(async () => {
  const q = new URLSearchParams(location.search);
  await tf.setBackend(q.get('backend') || 'cpu');
  if (tf.ready) await tf.ready();
  const layers = buildTapNet('tapnet');
  const graph = await tf.loadGraphModel('${graphUrl}');
  window.models = { layers, graph };
  window.runFrames = async (n, from = 0) => {
    let h = 2166136261;
    for (let i = from; i < from + n; i++) {
      const x = frameInput(i, [1, 8, 8, 3]);
      const g = frameInput(i, [1, 4, 4, 1]);
      const y1 = layers.predict(x);
      const mode = i % 3;
      const y2 = mode === 0 ? graph.predict(g) : mode === 1 ? graph.execute({ x: g }, 'out') : await graph.executeAsync(g);
      h = fnv(h, await y1.data());
      h = fnv(h, await y2.data());
      x.dispose(); g.dispose(); y1.dispose(); y2.dispose();
      await new Promise((r) => setTimeout(r, 0));
    }
    return { digest: h, numTensors: tf.memory().numTensors, backend: tf.getBackend() };
  };
  window.ownWrappers = () => {
    const own = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
    const ex = graph.executor;
    return layers.layers.filter((l) => own(l, 'apply')).map((l) => l.name)
      .concat(['execute', 'executeAsync'].filter((k) => own(ex, k)).map((k) => 'executor.' + k));
  };
  document.documentElement.dataset.ready = '1';
})().catch((e) => { document.documentElement.dataset.error = String(e); });
</script></body></html>`;
}

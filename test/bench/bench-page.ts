// The benchmark page: loads one model (tf.js 4.22 UMD) and times the page's own predict loop, frame by frame. In
// 'recompute' and 'keep' modes it also gets 8 activations at 10 Hz the ways a reader could without Literate: a
// sub-model / execute() with the 8 nodes as outputs, or KEEP_INTERMEDIATE_TENSORS (graph models).

export type Mode = 'plain' | 'recompute' | 'keep';

export function benchPage(tfjsSrc: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title>
<script src="${tfjsSrc}"></script></head><body><h1>bench</h1><script>
(async () => {
  const q = new URLSearchParams(location.search);
  const kind = q.get('kind');
  const mode = q.get('mode') || 'plain';
  await tf.setBackend(q.get('backend') || 'cpu');
  await tf.ready();
  const model = kind === 'graph' ? await tf.loadGraphModel(q.get('url')) : await tf.loadLayersModel(q.get('url'));
  const spec = model.inputs[0];
  const shape = (spec.shape || [1, 224, 224, 3]).map((d, i) => (d == null || d < 0 ? (i === 0 ? 1 : 224) : d));
  const x = tf.randomUniform(shape, 0, 1, 'float32', 1);
  const pick = (names, n) => Array.from({ length: Math.min(n, names.length) },
    (_, i) => names[Math.floor(((i + 1) * names.length) / (Math.min(n, names.length) + 1))]);
  const candidates = kind === 'graph'
    ? model.artifacts.modelTopology.node.filter((n) => !['Const', 'Placeholder', 'Identity', 'NoOp'].includes(n.op)).map((n) => n.name)
    : model.layers.filter((l) => l.getClassName() !== 'InputLayer' && !Array.isArray(l.layers)).map((l) => l.name);
  const watched = pick(candidates, 8);
  window.watched = watched;
  let sub = null;
  let unsupported = null;
  try {
    if (mode === 'recompute' && kind === 'layers') {
      sub = tf.model({ inputs: model.inputs, outputs: watched.map((n) => model.getLayer(n).output) });
    }
    if (mode === 'keep') {
      if (kind !== 'graph') throw new Error('KEEP_INTERMEDIATE_TENSORS is a GraphModel feature');
      tf.env().set('KEEP_INTERMEDIATE_TENSORS', true);
    }
  } catch (e) { unsupported = String(e.message || e); }
  let next = 0;
  async function frame() {
    const t0 = performance.now();
    const y = kind === 'graph' ? model.execute(x) : model.predict(x);
    const outs = Array.isArray(y) ? y : [y];
    for (const o of outs) await o.data();
    tf.dispose(outs);
    const now = performance.now();
    if (mode !== 'plain' && now >= next) {
      next = now + 100;
      if (mode === 'recompute') {
        const acts = [].concat(kind === 'graph' ? model.execute(x, watched) : sub.predict(x));
        for (const a of acts) await a.data();
        tf.dispose(acts);
      } else {
        const inter = model.getIntermediateTensors() || {};
        for (const n of watched) if (inter[n] && inter[n][0]) await inter[n][0].data();
      }
    }
    if (mode === 'keep') model.disposeIntermediateTensors();
    return performance.now() - t0;
  }
  window.runLoop = async (n) => {
    const times = [];
    for (let i = 0; i < n; i++) {
      times.push(await frame());
      await new Promise((r) => setTimeout(r, 0));
    }
    return times;
  };
  window.benchInfo = { watched, unsupported, backend: tf.getBackend(), numTensors: () => tf.memory().numTensors };
  document.documentElement.dataset.ready = '1';
})().catch((e) => { document.documentElement.dataset.error = String(e && e.message || e); });
</script></body></html>`;
}

/** A page without tf.js, for the hook's own cost. */
export const EMPTY_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>no tf.js</title></head>
<body><h1>No tf.js here</h1><p>Just text.</p></body></html>`;

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

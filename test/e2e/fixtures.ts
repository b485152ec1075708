// Generated test pages for the hook: one tf.js version by script tag, models built in code, with a known model count.

import type { IncomingMessage, ServerResponse } from 'node:http';

export const TFJS_UMD: Record<string, string> = {
  '1.7.4': '/node_modules/tfjs1/dist/tf.min.js',
  '2.8.6': '/node_modules/tfjs2/dist/tf.min.js',
  '3.21.0': '/node_modules/tfjs3/dist/tf.min.js',
  '4.22.0': '/node_modules/@tensorflow/tfjs/dist/tf.min.js',
};

/** A page that builds two LayersModels in code (a Sequential and a functional model) and runs one. */
export function codeModelsPage(tfjsSrc: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>models in code</title>
<script>window.seenByPage = []; addEventListener('message', (e) => { if (e.data && e.data.ns === 'literate') window.seenByPage.push(e.data); });</script>
<script src="${tfjsSrc}"></script></head><body><h1>Two models built in code</h1><output id="out"></output>
<script>
(async () => {
  await tf.setBackend(new URLSearchParams(location.search).get('backend') || 'cpu');
  const seq = tf.sequential({ name: 'seq', layers: [
    tf.layers.dense({ units: 4, inputShape: [3], activation: 'relu', name: 'hidden' }),
    tf.layers.dense({ units: 2, activation: 'softmax', name: 'probs' }) ] });
  const input = tf.input({ shape: [5], name: 'features' });
  const a = tf.layers.dense({ units: 3, name: 'branch_a' }).apply(input);
  const b = tf.layers.dense({ units: 3, name: 'branch_b' }).apply(input);
  const merged = tf.layers.concatenate({ name: 'merge' }).apply([a, b]);
  const functional = tf.model({ inputs: input, outputs: merged, name: 'functional' });
  const y = seq.predict(tf.ones([1, 3]));
  document.getElementById('out').textContent = Array.from(y.dataSync()).map((v) => v.toFixed(3)).join(' ');
  window.keep = [seq, functional];
  document.documentElement.dataset.ready = '1';
})();
</script></body></html>`;
}

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export function html(body: string): Handler {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(body);
  };
}

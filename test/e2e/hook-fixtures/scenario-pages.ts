// Hostile and unusual page scenarios for the hook: every script is an external file (so the same page also runs
// under a strict CSP), and `window.scenarioRun()` returns a digest of everything the page computed.

import { PAGE_LIB } from './pages';
import { bytes, html, type Route } from './server';

export const SCENARIOS = [
  'plain',
  'frozen-before',
  'sealed-before',
  'frozen-after',
  'replaced-fetch',
  'csp',
  'csp-eval',
  'profile',
  'fit',
] as const;
export type Scenario = (typeof SCENARIOS)[number];

/** Runs before tf.js loads. */
const PRELUDES: Partial<Record<Scenario, string>> = {
  // tf.js itself cannot load on such a page (it assigns toString on its prototypes): the failure must be the same.
  'frozen-before': `Object.freeze(Object.prototype);`,
  'sealed-before': `Object.seal(Object.prototype);`,
  'replaced-fetch': `
    const pageFetch = window.fetch;
    window.fetch = function (input, init) { return pageFetch.call(window, input, init).then((r) => r); };
  `,
};

const MAIN = `
(async () => {
  const q = new URLSearchParams(location.search);
  const scenario = q.get('scenario');
  if (scenario === 'replaced-fetch') {
    Response.prototype.json = async function () { return JSON.parse(await this.text()); };
  }
  await tf.setBackend(q.get('backend') || 'cpu');
  if (tf.ready) await tf.ready();
  const layers = buildTapNet('tapnet');
  const graph = await tf.loadGraphModel('/hook/graph/model.json');
  window.models = { layers, graph };
  async function runFrames(n, from = 0) {
    let h = 2166136261;
    for (let i = from; i < from + n; i++) {
      const x = frameInput(i, [1, 8, 8, 3]);
      const g = frameInput(i, [1, 4, 4, 1]);
      const y1 = layers.predict(x);
      const y2 = i % 2 ? graph.predict(g) : await graph.executeAsync(g);
      h = fnv(h, await y1.data());
      h = fnv(h, await y2.data());
      x.dispose(); g.dispose(); y1.dispose(); y2.dispose();
      await new Promise((r) => setTimeout(r, 0));
    }
    return { digest: h, numTensors: tf.memory().numTensors };
  }
  window.runFrames = runFrames;
  window.scenarioRun = async () => {
    if (scenario === 'profile') {
      // tf.js 1.x does not await an async query (it profiles the synchronous start only): wait for it ourselves.
      let running;
      const info = await tf.profile(() => (running = runFrames(20)));
      const result = await running;
      return { ...result, extra: info.kernels.map((k) => k.name).join(',') };
    }
    if (scenario === 'fit') {
      layers.compile({ optimizer: tf.train.sgd(0.1), loss: 'categoricalCrossentropy' });
      const xs = frameInput(1, [8, 8, 8, 3]);
      const ys = tf.oneHot(tf.tensor1d([0, 1, 2, 0, 1, 2, 0, 1], 'int32'), 3);
      const history = await layers.fit(xs, ys, { epochs: 3, batchSize: 4, shuffle: false, verbose: 0 });
      xs.dispose(); ys.dispose();
      const result = await runFrames(10);
      return { ...result, extra: history.history.loss.map((l) => l.toFixed(6)).join(',') };
    }
    return { ...(await runFrames(30)), extra: '' };
  };
  if (scenario === 'frozen-after') Object.freeze(Object.prototype);
  document.documentElement.dataset.ready = '1';
})().catch((e) => { document.documentElement.dataset.error = String(e && e.stack || e); });
`;

/** The strict CSP: no inline script, no eval. tf.js ≥ 2 UMD builds need eval, so 'csp-eval' allows just that. */
const CSP: Partial<Record<Scenario, string>> = {
  csp: "script-src 'self'; object-src 'none'",
  'csp-eval': "script-src 'self' 'unsafe-eval'; object-src 'none'",
};

/** Routes of every scenario page under `prefix` (e.g. '/hook/scenario/4.22.0/'), loading the given tf.js. */
export function scenarioRoutes(prefix: string, tfjsSrc: string): Route[] {
  const routes: Route[] = [
    { path: `${prefix}lib.js`, handler: bytes(PAGE_LIB, 'text/javascript') },
    { path: `${prefix}main.js`, handler: bytes(MAIN, 'text/javascript') },
  ];
  for (const scenario of SCENARIOS) {
    const prelude = PRELUDES[scenario];
    if (prelude) {
      routes.push({ path: `${prefix}prelude-${scenario}.js`, handler: bytes(prelude, 'text/javascript') });
    }
    const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${scenario}</title>
${prelude ? `<script src="prelude-${scenario}.js"></script>` : ''}
<script src="${tfjsSrc}"></script>
<script src="lib.js"></script>
<script src="main.js"></script></head><body><h1>${scenario}</h1></body></html>`;
    const csp = CSP[scenario];
    routes.push({
      path: `${prefix}${scenario}.html`,
      handler: html(page, csp ? { 'content-security-policy': csp } : {}),
    });
  }
  return routes;
}

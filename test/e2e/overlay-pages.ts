// Pages for the overlay's e2e tests: a small CNN that keeps predicting (so live views change), the same page with
// hostile global CSS or a strict CSP, a page without tf.js, and a large graph; plus helpers that reach into the
// overlay's open shadow root from the page.

import type { Page } from 'playwright-core';
import type { Route } from '../../demos/server';
import { codeModelsPage, html, TFJS_UMD } from './fixtures';

/**
 * The CNN: 28×28×1 → conv1 (8 filters 3×3, relu) → pool1 → flatten → probs (dense 10, softmax). Parameters:
 * conv1 3·3·1·8 + 8 = 80, probs 1352·10 + 10 = 13,530, total 13,610. It predicts on a fresh random input every
 * 60 ms, on the cpu backend, until the page goes away.
 */
export const CNN_SCRIPT = `
(async () => {
  await tf.setBackend('cpu');
  const model = tf.sequential({ name: 'digits_cnn', layers: [
    tf.layers.conv2d({ name: 'conv1', inputShape: [28, 28, 1], filters: 8, kernelSize: 3, activation: 'relu' }),
    tf.layers.maxPooling2d({ name: 'pool1', poolSize: 2 }),
    tf.layers.flatten({ name: 'flatten' }),
    tf.layers.dense({ name: 'probs', units: 10, activation: 'softmax' }),
  ] });
  window.modelReadyAt = performance.now();
  window.model = model;
  let n = 0;
  const tick = () => {
    const y = tf.tidy(() => model.predict(tf.randomUniform([1, 28, 28, 1])));
    y.data().then((v) => { document.getElementById('out').textContent = 'run ' + (++n) + ': ' + Array.from(v).indexOf(Math.max(...v)); y.dispose(); });
  };
  tick();
  setInterval(tick, 60);
  document.documentElement.dataset.ready = '1';
})();
`;

const TF = TFJS_UMD['4.22.0']!;

function page(title: string, head: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>${head}</head><body>${body}</body></html>`;
}

const ARTICLE = `<main><h1>Handwritten digits</h1><p>A small convolutional network reads a 28 × 28 drawing and says which
digit it is. <button id="page-button">A page button</button></p><output id="out"></output></main>`;

/** Styles a demo page might have: centred column. */
const PLAIN_CSS = `<style>body{font:16px/1.5 Georgia,serif;margin:0;background:#fafafa}main{max-width:640px;margin:40px auto;padding:0 20px}</style>`;

/** Global CSS that would wreck an overlay that let it in. */
export const HOSTILE_CSS = `<style>
* { all: unset; }
html { font-size: 48px !important; color: lime !important; }
button { display: none !important; }
div, section, span, canvas, ol, li { display: none !important; }
*:focus { outline: 10px solid red !important; }
literate-overlay { display: none !important; opacity: 0 !important; }
head, script, style, title { display: none !important; }
body, main, p, h1, output { display: block; }
</style>`;

/** tf.js itself needs 'unsafe-eval'; the styles, fonts and everything else are as strict as can be. */
export const STRICT_CSP =
  "default-src 'none'; script-src 'self' 'unsafe-eval'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'";

export function overlayRoutes(): Route[] {
  return [
    { path: '/overlay/cnn.js', handler: js(CNN_SCRIPT) },
    {
      path: '/overlay/cnn.html',
      handler: html(
        page(
          'CNN',
          `${PLAIN_CSS}<script src="${TF}"></script>`,
          `${ARTICLE}<script src="/overlay/cnn.js"></script>`,
        ),
      ),
    },
    {
      path: '/overlay/hostile.html',
      handler: html(
        page(
          'Hostile CSS',
          `${HOSTILE_CSS}<script src="${TF}"></script>`,
          `${ARTICLE}<script src="/overlay/cnn.js"></script>`,
        ),
      ),
    },
    {
      path: '/overlay/csp.html',
      handler: (_req, res) => {
        res.writeHead(200, {
          'content-type': 'text/html; charset=utf-8',
          'cache-control': 'no-store',
          'content-security-policy': STRICT_CSP,
        });
        res.end(
          page(
            'Strict CSP',
            `<script src="${TF}"></script>`,
            `${ARTICLE}<script src="/overlay/cnn.js"></script>`,
          ),
        );
      },
    },
    { path: '/overlay/no-tfjs.html', handler: html(page('No tf.js', PLAIN_CSS, ARTICLE)) },
    { path: '/overlay/two-models.html', handler: html(codeModelsPage(TF)) },
  ];
}

function js(body: string): Route['handler'] {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
    res.end(body);
  };
}

/** Evaluates `fn` against the overlay's shadow root (null when the overlay is not on the page). */
export function inShadow<T>(page: Page, fn: string): Promise<T> {
  return page.evaluate(
    `(() => { const root = document.querySelector('literate-overlay')?.shadowRoot ?? null; return (${fn})(root); })()`,
  ) as Promise<T>;
}

/** Fonts the document has for KaTeX, with their load status. */
export function katexFonts(page: Page): Promise<{ family: string; status: string }[]> {
  return page.evaluate(() =>
    [...(document.fonts as unknown as Iterable<FontFace>)]
      .filter((f) => f.family.replace(/"/g, '').startsWith('KaTeX'))
      .map((f) => ({ family: f.family.replace(/"/g, ''), status: f.status })),
  );
}

const b64 = (s: string) => Buffer.from(s).toString('base64');
const FLOAT = { type: 'DT_FLOAT' };
const dims = (...d: number[]) => ({ dim: d.map((size) => ({ size: String(size) })) });
const ints = (...v: number[]) => ({ list: { i: v.map(String) } });

/**
 * A MobileNet-like graph model with `blocks` depthwise-separable blocks on a 16×16×8 input: per block 4 Consts
 * (depthwise kernel, bias, pointwise kernel, bias) and 6 ops, so 30 blocks give 302 nodes — posenet-sized.
 */
export function deepGraphFiles(blocks: number): {
  json: string;
  weights: Uint8Array;
  ops: number;
  consts: number;
} {
  const C = 8;
  const nodes: unknown[] = [
    { name: 'image', op: 'Placeholder', attr: { dtype: FLOAT, shape: { shape: dims(1, 16, 16, C) } } },
  ];
  const specs: { name: string; shape: number[]; dtype: 'float32' }[] = [];
  const constant = (name: string, shape: number[]) => {
    nodes.push({
      name,
      op: 'Const',
      attr: { dtype: FLOAT, value: { tensor: { dtype: 'DT_FLOAT', tensorShape: dims(...shape) } } },
    });
    specs.push({ name, shape, dtype: 'float32' });
  };
  const conv = {
    T: FLOAT,
    strides: ints(1, 1, 1, 1),
    padding: { s: b64('SAME') },
    data_format: { s: b64('NHWC') },
    dilations: ints(1, 1, 1, 1),
  };
  let x = 'image';
  for (let b = 1; b <= blocks; b++) {
    const s = `block${b}`;
    constant(`${s}/depthwise_kernel`, [3, 3, C, 1]);
    constant(`${s}/depthwise_bias`, [C]);
    constant(`${s}/pointwise_kernel`, [1, 1, C, C]);
    constant(`${s}/pointwise_bias`, [C]);
    nodes.push({
      name: `${s}/depthwise`,
      op: 'DepthwiseConv2dNative',
      input: [x, `${s}/depthwise_kernel`],
      attr: conv,
    });
    nodes.push({
      name: `${s}/depthwise/BiasAdd`,
      op: 'BiasAdd',
      input: [`${s}/depthwise`, `${s}/depthwise_bias`],
      attr: { T: FLOAT },
    });
    nodes.push({
      name: `${s}/depthwise/Relu6`,
      op: 'Relu6',
      input: [`${s}/depthwise/BiasAdd`],
      attr: { T: FLOAT },
    });
    nodes.push({
      name: `${s}/pointwise`,
      op: 'Conv2D',
      input: [`${s}/depthwise/Relu6`, `${s}/pointwise_kernel`],
      attr: conv,
    });
    nodes.push({
      name: `${s}/pointwise/BiasAdd`,
      op: 'BiasAdd',
      input: [`${s}/pointwise`, `${s}/pointwise_bias`],
      attr: { T: FLOAT },
    });
    nodes.push({
      name: `${s}/pointwise/Relu6`,
      op: 'Relu6',
      input: [`${s}/pointwise/BiasAdd`],
      attr: { T: FLOAT },
    });
    x = `${s}/pointwise/Relu6`;
  }
  nodes.push({ name: 'output', op: 'Identity', input: [x], attr: { T: FLOAT } });
  let seed = 7;
  const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 0.6 - 0.3;
  const count = specs.reduce((n, w) => n + w.shape.reduce((a, c) => a * c, 1), 0);
  const weights = new Uint8Array(Float32Array.from({ length: count }, rnd).buffer);
  const json = {
    format: 'graph-model',
    generatedBy: 'literate overlay e2e',
    convertedBy: 'hand',
    modelTopology: { node: nodes, library: {}, versions: { producer: 27 } },
    weightsManifest: [{ paths: ['weights.bin'], weights: specs }],
  };
  return { json: JSON.stringify(json), weights, ops: 2 + blocks * 6, consts: blocks * 4 };
}

/** Loads the deep graph and keeps executing it; records when the model was ready (≈ when Literate can find it). */
export const DEEP_SCRIPT = `
(async () => {
  await tf.setBackend('cpu');
  const model = await tf.loadGraphModel('/overlay/deep/model.json');
  window.modelReadyAt = performance.now();
  window.model = model;
  const tick = () => tf.tidy(() => { model.execute(tf.randomUniform([1, 16, 16, 8])).dataSync(); });
  tick();
  setInterval(tick, 100);
  document.documentElement.dataset.ready = '1';
})();
`;

export function deepGraphRoutes(blocks = 30): Route[] {
  const files = deepGraphFiles(blocks);
  const send =
    (body: string | Uint8Array, type: string): Route['handler'] =>
    (_req, res) => {
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    };
  return [
    { path: '/overlay/deep/model.json', handler: send(files.json, 'application/json') },
    { path: '/overlay/deep/weights.bin', handler: send(files.weights, 'application/octet-stream') },
    { path: '/overlay/deep.js', handler: js(DEEP_SCRIPT) },
    {
      path: '/overlay/deep.html',
      handler: html(
        page(
          'Deep graph',
          `${PLAIN_CSS}<script src="${TF}"></script>`,
          `<main><h1>A deep graph</h1><p>Thirty separable blocks.</p></main><script src="/overlay/deep.js"></script>`,
        ),
      ),
    },
  ];
}
